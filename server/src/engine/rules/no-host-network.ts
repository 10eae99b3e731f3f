// no-host-network: hostNetwork: true puts the pod on the node's own network stack.
import type { WorkloadRule } from '../types';
import { pairOf, scalarValue } from '../k8s/nodes';
import { removeField } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-host-network',
    severity: 'error',
    profiles: ['seed', ...PSS_BASELINE],
    pss: 'baseline',
    docs: {
      summary: 'The pod uses the node\'s network (`hostNetwork: true`).',
      rationale:
        'With the host network the pod sees every interface of the node, can listen on any of its ports, can reach ' +
        'services bound to localhost on the node, and escapes NetworkPolicies. Its ports also collide with other ' +
        'pods on the same node.',
      remediation: 'Remove `hostNetwork: true` and expose the pod through a Service.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  hostNetwork: true',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
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
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    const hostNetwork = pairOf(workload.podSpec, 'hostNetwork');
    if (hostNetwork && scalarValue(hostNetwork.value) === true) {
      const what = workload.name ? `${workload.kind.kind} "${workload.name}"` : workload.kind.kind;
      ctx.report({
        at: hostNetwork,
        message: `${what} uses the node's network (hostNetwork: true): expose it through a Service instead`,
        fixes: [removeField('Remove hostNetwork: true', workload.podSpec, hostNetwork)],
      });
    }
  },
};
