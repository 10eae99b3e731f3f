// pdb-no-matching-pods: a PodDisruptionBudget's selector matches the pods of no workload in its namespace, so it
// protects nothing during node drains and upgrades.
import type { WorkspaceRule } from '../types';
import { deployment, manifests } from '../workspace/examples';
import { reportUnselected } from '../workspace/unselected';

const pdb = (labels: string) =>
  ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web', 'spec:', '  minAvailable: 1', `  selector: {matchLabels: {${labels}}}`].join('\n');

export const rule: WorkspaceRule = {
  meta: {
    id: 'pdb-no-matching-pods',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A PodDisruptionBudget\'s selector matches the pods of no workload in its namespace.',
      rationale:
        'A PodDisruptionBudget keeps enough of the pods it selects running while nodes are drained. When its selector ' +
        'matches no pod template\'s labels, it guards nothing: a drain may take every replica down at once, and nothing ' +
        'says so. Judged only when workloads of its namespace sit in its folder or one above or below it. An empty ' +
        'selector (`{}`) selects every pod of the namespace and is never reported.',
      remediation: 'Make `spec.selector` match the labels of the pod template of the workload it should protect, in the same namespace.',
      bad: manifests(pdb('app: web-frontend'), deployment('web', 'app: web')),
      good: manifests(pdb('app: web'), deployment('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    reportUnselected(object, 'PodDisruptionBudget', 'protects no pods', index, ctx);
  },
};
