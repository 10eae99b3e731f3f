// service-target-port-unknown: a Service's targetPort is a port name that the containers of the pods it selects do
// not declare, so the Service has no endpoints on those pods. (Probes: probe-port-name-unknown.)
import type { WorkspaceRule } from '../types';
import { deployment, manifests, service } from '../workspace/examples';
import { isEmptySelector } from '../workspace/selectors';

export const rule: WorkspaceRule = {
  meta: {
    id: 'service-target-port-unknown',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A Service\'s `targetPort` names a port that the containers of the pods it selects do not declare.',
      rationale:
        'A named `targetPort` is looked up, pod by pod, among the `ports` its containers declare. A pod where no ' +
        'container declares that name (a typo, a port renamed) gets no endpoint for it: requests through the Service ' +
        'never reach it, though the pod runs and is ready.',
      remediation:
        'Use the name a container of the selected pods declares under `ports` (or the port\'s number), or declare the ' +
        'port with that name in the container.',
      bad: manifests(service('web', 'app: web', 'web'), deployment('web', 'app: web')),
      good: manifests(service('web', 'app: web', 'http'), deployment('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    const selector = object.selector;
    if (object.kind !== 'Service' || !selector || isEmptySelector(selector)) return;
    // Only the selected workloads kept in the Service's folder (or above or below it) are judged: pods of another app
    // that happen to carry the same labels (examples side by side, all in `default`) are not what it was written for.
    const selected = index.selectedWorkloads(object, selector).filter((w) => index.nearby(object, [w]));
    if (selected.length === 0) return; // none, or none near: service-no-matching-pods has its say
    for (const port of object.servicePorts ?? []) {
      const target = port.targetPortName;
      if (!target) continue;
      const lacking = selected.filter((w) => !w.pod!.ports.some((p) => p.name === target.name));
      if (lacking.length === 0) continue;
      const names = [...new Set(lacking.map((w) => `${w.kind} "${w.name}"`))].join(', ');
      ctx.report({
        at: target.span,
        message: `targetPort "${target.name}" is not a port name the containers of ${names} declare: the Service gets no endpoint on ${lacking.length === selected.length ? 'any pod' : 'those pods'}`,
      });
    }
  },
};
