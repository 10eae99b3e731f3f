// networkpolicy-selects-nothing: a NetworkPolicy's podSelector matches the pods of no workload in its namespace, so
// the traffic rules it spells out apply to nothing.
import type { WorkspaceRule } from '../types';
import { deployment, manifests } from '../workspace/examples';
import { reportUnselected } from '../workspace/unselected';

const policy = (labels: string) =>
  ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: web', 'spec:', `  podSelector: {matchLabels: {${labels}}}`, '  policyTypes: [Ingress]'].join('\n');

export const rule: WorkspaceRule = {
  meta: {
    id: 'networkpolicy-selects-nothing',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A NetworkPolicy\'s `podSelector` matches the pods of no workload in its namespace.',
      rationale:
        'A NetworkPolicy isolates the pods its `podSelector` selects. When that matches no pod template\'s labels, ' +
        'the pods you meant to isolate accept traffic from anywhere, and the policy looks like it protects them. ' +
        '`podSelector: {}` selects every pod of the namespace (a default-deny policy) and is never reported. Judged ' +
        'only when workloads of its namespace sit in its folder or one above or below it.',
      remediation: 'Make `spec.podSelector` match the labels of the pod template of the workload it should apply to, in the same namespace.',
      bad: manifests(policy('app: web-frontend'), deployment('web', 'app: web')),
      good: manifests(policy('app: web'), deployment('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    reportUnselected(object, 'NetworkPolicy', 'selects no pods', index, ctx);
  },
};
