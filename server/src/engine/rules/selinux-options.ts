// selinux-options: the baseline standard's SELinux control: only the container types, and no custom user or role.
import type { WorkloadRule, RuleContext } from '../types';
import { mapAt, pairOf, stringValue } from '../k8s/nodes';
import { allowedSelinuxTypes, podName } from '../k8s/pss';
import { formatVersion } from '../k8s/kubernetes-version';
import { PSS_BASELINE } from '../profiles';

/** No fix: which label a workload should run with, and whether its volumes carry it, is for a person to decide. */
function check(securityContext: unknown, who: string, ctx: RuleContext): void {
  const options = mapAt(securityContext, ['seLinuxOptions']);
  if (!options) return;
  const type = pairOf(options, 'type');
  const typeValue = stringValue(type?.value);
  const allowed = allowedSelinuxTypes(ctx.kubernetesVersion);
  if (type && typeValue && !allowed.includes(typeValue)) {
    ctx.report({
      at: type,
      message: `${who} as SELinux type ${typeValue}: Kubernetes ${formatVersion(ctx.kubernetesVersion)}'s baseline allows only ${allowed.join(', ')}`,
    });
  }
  for (const key of ['user', 'role']) {
    const pair = pairOf(options, key);
    if (pair && stringValue(pair.value)) ctx.report({ at: pair, message: `${who} as a custom SELinux ${key}: remove seLinuxOptions.${key}` });
  }
}

export const rule: WorkloadRule = {
  meta: {
    id: 'selinux-options',
    severity: 'error',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    docs: {
      summary: 'A pod or container sets an SELinux type other than the container types, or a custom SELinux user or role.',
      rationale:
        'SELinux keeps containers from touching each other\'s and the node\'s files. A type such as `spc_t` (super ' +
        'privileged container) or `unconfined_t`, or a custom user or role, lifts that confinement. The Pod Security ' +
        'Standards\' baseline level allows only container_t, container_init_t, container_kvm_t and (since Kubernetes ' +
        '1.31) container_engine_t, and no user or role.',
      remediation: 'Remove `seLinuxOptions.user` and `.role`, and use one of the container types (or none: the runtime picks container_t).',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', '  securityContext:', '    seLinuxOptions:', '      type: spc_t', '  containers:', '    - name: agent', '      image: busybox:1.36', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', '  securityContext:', '    seLinuxOptions:', '      level: "s0:c123,c456"', '  containers:', '    - name: agent', '      image: busybox:1.36', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    check(workload.podSecurityContext, `${podName(workload)} runs its containers`, ctx);
    for (const container of workload.containers) check(container.securityContext, `Container "${container.name}" runs`, ctx);
  },
};
