// schema-duplicate: two containers of a pod with the same name, or one container listing a port and protocol twice.
import { isMap } from 'yaml';
import type { DocumentRule } from '../types';
import { pairOf, scalarValue, seqItems, stringValue, valueOf } from '../k8s/nodes';
import { readWorkload } from '../k8s/workload';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-duplicate',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'Two containers in a pod share a name, or a container lists the same `containerPort` and protocol twice.',
      rationale:
        'Container names identify containers in logs, exec, probes and status, so the API server requires them to be ' +
        'unique across `containers`, `initContainers` and `ephemeralContainers`. A port listed twice with the same ' +
        'protocol is a copy-paste slip that server-side apply rejects (ports are keyed by port and protocol).',
      remediation: 'Rename one of the containers, or remove the repeated port (or give it the other protocol it needs).',
      bad: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      ports:', '        - containerPort: 80', '        - containerPort: 80', '    - name: web', '      image: envoy:1.31', '',
      ].join('\n'),
      good: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      ports:', '        - containerPort: 80', '        - containerPort: 80', '          protocol: UDP', '    - name: proxy',
        '      image: envoy:1.31', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    const workload = document.errors.length ? undefined : readWorkload(document);
    if (!workload) return;
    const names = new Set<string>();
    // In file order, so that the finding sits on the second of two, whichever list each is in.
    const containers = [...workload.containers].sort((a, b) => (a.map.range?.[0] ?? 0) - (b.map.range?.[0] ?? 0));
    for (const container of containers) {
      const namePair = pairOf(container.map, 'name');
      const name = stringValue(namePair?.value);
      if (name !== undefined && names.has(name)) {
        ctx.report({ at: namePair!, message: `Duplicate container name "${name}": names must be unique across a pod's containers, initContainers and ephemeralContainers` });
      }
      if (name !== undefined) names.add(name);
      const ports = new Set<string>();
      for (const port of seqItems(container.map.get('ports', true))) {
        if (!isMap(port)) continue;
        const portPair = pairOf(port, 'containerPort');
        const number = scalarValue(portPair?.value);
        if (typeof number !== 'number') continue;
        // TCP is what an unset protocol means.
        const key = `${number}/${stringValue(valueOf(port, 'protocol')) || 'TCP'}`;
        if (ports.has(key)) ctx.report({ at: portPair!, message: `Container "${container.name}" lists port ${key} twice` });
        ports.add(key);
      }
    }
  },
};
