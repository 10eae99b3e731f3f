// no-host-port: a container port that also opens a port on the node (hostPort).
import type { WorkloadRule } from '../types';
import { pairOf, scalarValue, seqItems } from '../k8s/nodes';
import { isMap } from 'yaml';
import { removeField } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-host-port',
    severity: 'warning',
    profiles: ['seed', ...PSS_BASELINE],
    pss: 'baseline',
    docs: {
      summary: 'A container port binds a port on the node (`hostPort`).',
      rationale:
        'A hostPort opens the port on the node\'s own address, past Services and NetworkPolicies, and limits the ' +
        'workload to one pod per node for that port: rollouts and scaling stall when no node has it free.',
      remediation: 'Remove `hostPort` and reach the pod through a Service (NodePort or LoadBalancer if it must be reached from outside).',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      ports:',
        '        - containerPort: 8080',
        '          hostPort: 80',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      ports:',
        '        - containerPort: 8080',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      for (const port of seqItems(container.map.get('ports', true))) {
        const hostPort = pairOf(port, 'hostPort');
        const value = scalarValue(hostPort?.value);
        // hostPort 0 is the API's way of saying "none".
        if (!hostPort || value === 0 || value === null) continue;
        ctx.report({
          at: hostPort,
          message: `Container "${container.name}" binds port ${String(value)} on the node (hostPort): use a Service instead`,
          fixes: isMap(port) ? [removeField(`Remove hostPort: ${String(value)}`, port, hostPort)] : [],
        });
      }
    }
  },
};
