// restricted-volume-types: the restricted standard's volume control: only volume types that hold no node or
// network storage the pod could reach around the cluster's access control.
import type { Node, Pair } from 'yaml';
import type { WorkloadRule } from '../types';
import { pairOf, seqItems, stringValue } from '../k8s/nodes';
import { RESTRICTED_VOLUME_TYPES } from '../k8s/pss';
import { PSS_RESTRICTED } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'restricted-volume-types',
    severity: 'warning',
    profiles: PSS_RESTRICTED,
    pss: 'restricted',
    docs: {
      summary: `A pod uses a volume type outside the restricted standard's list: ${RESTRICTED_VOLUME_TYPES.join(', ')}.`,
      rationale:
        'Volume types such as nfs, iscsi, rbd, cephfs or gitRepo mount storage straight from the network or run ' +
        'code on the node, outside the PersistentVolume machinery where administrators control access. The Pod ' +
        'Security Standards\' restricted level allows only the types that go through it or hold pod-local data.',
      remediation: 'Mount the storage through a PersistentVolumeClaim (its PersistentVolume can use the same driver), or a CSI volume.',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '  volumes:', '    - name: shared', '      nfs:', '        server: nfs.example.com', '        path: /exports', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '  volumes:', '    - name: shared', '      persistentVolumeClaim:', '        claimName: shared', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    seqItems(workload.podSpec.get('volumes', true)).forEach((volume, index) => {
      const name = stringValue(pairOf(volume, 'name')?.value) ?? `#${index + 1}`;
      const items = ((volume as { items?: Pair[] }).items ?? []) as Pair[];
      for (const pair of items) {
        const type = stringValue(pair.key);
        // hostPath is a baseline control, reported by no-host-path in every profile that runs this rule.
        if (!type || type === 'name' || type === 'hostPath' || RESTRICTED_VOLUME_TYPES.includes(type)) continue;
        ctx.report({ at: pair.key as Node, message: `Volume "${name}" is of type ${type}, which the restricted standard refuses: use a PersistentVolumeClaim or CSI volume` });
      }
    });
  },
};
