// hpa-missing-target: a HorizontalPodAutoscaler's scaleTargetRef names a workload that no file defines in its
// namespace, so it scales nothing.
import type { WorkspaceRule } from '../types';
import { WORKLOAD_KINDS } from '../k8s/workload';
import { deployment, manifests } from '../workspace/examples';

const hpa = (target: string) =>
  [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: web',
    'spec:',
    `  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}`,
    '  minReplicas: 2',
    '  maxReplicas: 10',
  ].join('\n');

export const rule: WorkspaceRule = {
  meta: {
    id: 'hpa-missing-target',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A HorizontalPodAutoscaler\'s `scaleTargetRef` names a workload that no file defines in its namespace.',
      rationale:
        'An autoscaler finds what it scales by kind and name in its own namespace. A misspelt name, or a workload ' +
        'renamed without its autoscaler, leaves it scaling nothing: the cluster accepts it and the workload stays at ' +
        'its fixed replica count under load. Judged only when workloads of its namespace sit in its folder or one above ' +
        'or below it; a custom kind only when the workspace defines objects of that kind there.',
      remediation: 'Set `scaleTargetRef` to the kind and name of the workload, in the same namespace.',
      bad: manifests(hpa('web-frontend'), deployment('web', 'app: web')),
      good: manifests(hpa('web'), deployment('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    const target = object.scaleTarget;
    if (!target) return;
    const ofKind = index.find(object.effectiveNamespace, target.kind);
    const builtIn = WORKLOAD_KINDS.some((k) => k.kind === target.kind);
    if (!index.nearby(object, builtIn ? index.workloads(object.effectiveNamespace) : ofKind)) return;
    if (ofKind.some((o) => o.name === target.name)) return;
    const others = ofKind.map((o) => `"${o.name}"`).join(', ');
    ctx.report({
      at: target.span,
      message: `No file defines a ${target.kind} "${target.name}" in namespace "${object.effectiveNamespace}": the autoscaler scales nothing${others ? ` (${target.kind}s there: ${others})` : ''}`,
    });
  },
};
