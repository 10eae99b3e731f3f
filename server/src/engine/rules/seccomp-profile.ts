// seccomp-profile: the restricted standard's seccomp control (RuntimeDefault or Localhost for every container, at
// pod or container level) and the baseline's (never Unconfined); the pss-baseline profile asks only the latter.
import type { Pair } from 'yaml';
import type { WorkloadRule } from '../types';
import { mapAt, pairOf, stringValue } from '../k8s/nodes';
import { listNames } from '../k8s/security';
import { podName, RESTRICTED_SINCE } from '../k8s/pss';
import { reached } from '../k8s/kubernetes-version';
import { ensurePodSecurity, setValue } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

function typePair(securityContext: unknown): Pair | undefined {
  return pairOf(mapAt(securityContext, ['seccompProfile']), 'type');
}

const toRuntimeDefault = (pair: Pair) => setValue('Set type: RuntimeDefault', pair, 'RuntimeDefault');

export const rule: WorkloadRule = {
  meta: {
    id: 'seccomp-profile',
    severity: 'warning',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    profileOptions: { 'pss-baseline': { requireProfile: false } },
    docs: {
      summary: 'A container runs without a seccomp profile, or with `seccompProfile.type: Unconfined`.',
      rationale:
        'Seccomp limits the system calls a container can make; the runtime\'s default profile blocks the ones ' +
        'container escapes have used (unshare, keyctl, bpf, …) and costs nothing for ordinary applications. Kubernetes ' +
        'runs containers Unconfined unless the pod or container asks for a profile. The Pod Security Standards\' ' +
        'baseline level forbids Unconfined; the restricted level (since Kubernetes 1.19) requires RuntimeDefault or ' +
        'Localhost for every container.',
      remediation:
        'Set `securityContext.seccompProfile: {type: RuntimeDefault}` on the pod, so that every container inherits it, ' +
        'or a Localhost profile where the node has one written for the application.',
      options: {
        requireProfile: 'true (default): a container with no profile at all is reported too; false: only Unconfined (the baseline level).',
      },
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  securityContext:', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    const podType = typePair(workload.podSecurityContext);
    if (stringValue(podType?.value) === 'Unconfined') {
      ctx.report({ at: podType!, message: `${podName(workload)} runs its containers Unconfined by seccomp: use RuntimeDefault`, fixes: [toRuntimeDefault(podType!)] });
    }
    const missing: string[] = [];
    for (const container of workload.containers) {
      const own = typePair(container.securityContext);
      if (stringValue(own?.value) === 'Unconfined') {
        ctx.report({ at: own!, message: `Container "${container.name}" runs Unconfined by seccomp: use RuntimeDefault`, fixes: [toRuntimeDefault(own!)] });
      }
      if (!own && !podType) missing.push(container.name);
    }
    const required = ctx.options.requireProfile !== false && reached(ctx.kubernetesVersion, RESTRICTED_SINCE.seccomp);
    if (!required || missing.length === 0) return;
    const subject = missing.length === 1 ? `Container ${listNames(missing)} runs` : `Containers ${listNames(missing)} run`;
    ctx.report({
      at: pairOf(workload.podSpec, 'securityContext') ?? workload.podSpecPair,
      message: `${subject} without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod`,
      fixes: [ensurePodSecurity('Add seccompProfile: {type: RuntimeDefault} to the pod\'s securityContext', workload, { seccompProfile: { type: 'RuntimeDefault' } }, true)],
    });
  },
};
