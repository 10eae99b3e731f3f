// drop-all-capabilities: the restricted standard's capabilities control, drop side: every container drops ALL.
// Its add side (only NET_BIND_SERVICE) is no-added-capabilities', which pss-restricted runs with that allowance.
import type { WorkloadRule } from '../types';
import { pairOf, scalarValue, seqItems, valueAt } from '../k8s/nodes';
import { RESTRICTED_SINCE } from '../k8s/pss';
import { reached } from '../k8s/kubernetes-version';
import { ensureContainerSecurity } from '../fix/intents';
import { PSS_RESTRICTED } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'drop-all-capabilities',
    severity: 'warning',
    profiles: PSS_RESTRICTED,
    pss: 'restricted',
    docs: {
      summary: 'A container keeps the capabilities the runtime grants by default: `capabilities.drop` does not list `ALL`.',
      rationale:
        'Container runtimes give every container a set of Linux capabilities (CHOWN, DAC_OVERRIDE, FOWNER, KILL, ' +
        'NET_RAW, SETUID, …) that most applications never use and that an attacker in the container can. The Pod ' +
        'Security Standards\' restricted level (since Kubernetes 1.22) requires dropping ALL of them; NET_BIND_SERVICE ' +
        'may be added back.',
      remediation: 'Add `capabilities: {drop: [ALL]}` to the container\'s securityContext, and add back only NET_BIND_SERVICE if it listens below port 1024.',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', '        capabilities:', '          drop: [ALL]', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    if (!reached(ctx.kubernetesVersion, RESTRICTED_SINCE.capabilities)) return;
    for (const container of workload.containers) {
      const dropped = seqItems(valueAt(container.securityContext, ['capabilities', 'drop'])).map(scalarValue);
      if (dropped.includes('ALL')) continue;
      const capabilities = pairOf(container.securityContext, 'capabilities');
      const at = pairOf(capabilities?.value, 'drop') ?? capabilities ?? pairOf(container.map, 'securityContext') ?? container.anchor;
      ctx.report({
        at,
        message: `Container "${container.name}" keeps the default capabilities: add ALL to securityContext.capabilities.drop`,
        fixes: [ensureContainerSecurity(`Drop ALL capabilities in container "${container.name}"`, container, { capabilities: { drop: ['ALL'] } })],
      });
    }
  },
};
