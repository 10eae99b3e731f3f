// no-host-path: a volume that mounts a path of the node's own filesystem.
import type { Node } from 'yaml';
import type { WorkloadRule } from '../types';
import { hostPathVolumes } from '../k8s/volumes';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-host-path',
    severity: 'warning',
    profiles: ['seed', ...PSS_BASELINE],
    pss: 'baseline',
    docs: {
      summary: 'A volume mounts a path from the node (`hostPath`).',
      rationale:
        'A hostPath volume gives the pod the node\'s own files: it can read secrets of other pods, write to system ' +
        'folders, and ties the pod to whatever happens to be on that node. It is the most common way out of a container.',
      remediation:
        'Use an `emptyDir` for scratch space, a ConfigMap or Secret for configuration, or a PersistentVolumeClaim for ' +
        'data. Node agents that truly need host files should mount them read-only and be reviewed on their own.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: logs',
        'spec:',
        '  containers:',
        '    - name: logs',
        '      image: busybox:1.36',
        '  volumes:',
        '    - name: varlog',
        '      hostPath:',
        '        path: /var/log',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: logs',
        'spec:',
        '  containers:',
        '    - name: logs',
        '      image: busybox:1.36',
        '  volumes:',
        '    - name: scratch',
        '      emptyDir: {}',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const volume of hostPathVolumes(workload)) {
      const where = volume.path ? ` (${volume.path})` : '';
      ctx.report({
        at: volume.hostPathPair.key as Node,
        message: `Volume "${volume.name}" mounts a path from the node${where}: use emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim`,
      });
    }
  },
};
