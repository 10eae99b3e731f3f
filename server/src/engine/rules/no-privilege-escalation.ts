// no-privilege-escalation: allowPrivilegeEscalation must be set to false on every container; it is not inherited
// from the pod, and a privileged container can always escalate.
import type { FixProposal, WorkloadRule } from '../types';
import type { Container } from '../k8s/workload';
import type { YamlMapValue } from '../fix/render';
import { containerSetting } from '../k8s/security';
import { ensureContainerSecurity, setValue, shown } from '../fix/intents';
import { PSS_RESTRICTED } from '../profiles';

/** allowPrivilegeEscalation: false, and privileged: false too where the container is privileged (which overrides it). */
function forbidEscalation(container: Container, privileged: boolean): FixProposal {
  const settings: YamlMapValue = privileged ? { privileged: false, allowPrivilegeEscalation: false } : { allowPrivilegeEscalation: false };
  const title = privileged
    ? `Set ${shown('privileged', false)} and ${shown('allowPrivilegeEscalation', false)}`
    : `Set ${shown('allowPrivilegeEscalation', false)}`;
  return ensureContainerSecurity(`${title} in container "${container.name}"`, container, settings);
}

export const rule: WorkloadRule = {
  meta: {
    id: 'no-privilege-escalation',
    severity: 'warning',
    profiles: ['seed', ...PSS_RESTRICTED],
    pss: 'restricted',
    docs: {
      summary: 'A container allows privilege escalation: `allowPrivilegeEscalation` is true or not set to false.',
      rationale:
        'Unless `allowPrivilegeEscalation: false` is set, a process can gain more privileges than its parent, for ' +
        'example through a setuid binary in the image. The field exists only on the container\'s securityContext: ' +
        'setting it on the pod has no effect. A privileged container can always escalate.',
      remediation: 'Set `allowPrivilegeEscalation: false` in each container\'s securityContext.',
      bad: [
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
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      securityContext:',
        '        allowPrivilegeEscalation: false',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const escalation = containerSetting(container, 'allowPrivilegeEscalation');
      const privileged = containerSetting(container, 'privileged');
      if (privileged?.value === true && escalation?.value === false) {
        ctx.report({
          at: privileged.pair,
          message: `Container "${container.name}" is privileged, which always allows privilege escalation despite allowPrivilegeEscalation: false`,
          fixes: [setValue(`Set ${shown('privileged', false)}`, privileged.pair, false)],
        });
      } else if (escalation && escalation.value !== false) {
        ctx.report({
          at: escalation.pair,
          message: `Container "${container.name}" allows privilege escalation: set allowPrivilegeEscalation: false`,
          fixes: [forbidEscalation(container, privileged?.value === true)],
        });
      } else if (!escalation) {
        ctx.report({
          at: container.anchor,
          message: `Container "${container.name}" allows privilege escalation: set securityContext.allowPrivilegeEscalation: false`,
          fixes: [forbidEscalation(container, privileged?.value === true)],
        });
      }
    }
  },
};
