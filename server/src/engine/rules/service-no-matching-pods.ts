// service-no-matching-pods: a Service's selector matches the pod labels of no workload in its namespace, so it has
// no endpoints and every connection to it fails.
import type { WorkspaceRule } from '../types';
import { deployment, manifests, service } from '../workspace/examples';
import { reportUnselected } from '../workspace/unselected';

export const rule: WorkspaceRule = {
  meta: {
    id: 'service-no-matching-pods',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A Service\'s selector matches the pods of no workload in its namespace, in any file of the workspace.',
      rationale:
        'A Service sends traffic to the pods whose labels match all of its selector. When no workload\'s pod template ' +
        'carries those labels (a typo, a label renamed on one side only, the Service in another namespace) the Service ' +
        'has no endpoints: the cluster accepts it and every request to it fails. Kubewright judges a Service only when ' +
        'workloads of its namespace sit in its folder or a folder above or below it, so a Service for pods deployed ' +
        'from elsewhere is left alone.',
      remediation:
        'Make the selector equal to labels of the pod template (`spec.template.metadata.labels`) of the workload it ' +
        'should reach, in the same namespace. The message names the closest workload and the labels that differ.',
      bad: manifests(service('web', 'app: web-frontend'), deployment('web', 'app: web')),
      good: manifests(service('web', 'app: web'), deployment('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    reportUnselected(object, 'Service', 'selects no pods', index, ctx);
  },
};
