// no-privileged: a container with securityContext.privileged: true has every device and capability of the node.
import type { WorkloadRule } from '../types';
import { containerSetting } from '../k8s/security';
import { setValue, shown } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-privileged',
    severity: 'error',
    profiles: ['seed', ...PSS_BASELINE],
    pss: 'baseline',
    docs: {
      summary: 'A container runs privileged (`securityContext.privileged: true`).',
      rationale:
        'A privileged container gets every Linux capability and access to all of the node\'s devices; it is root on ' +
        'the node in all but name. Anyone who takes over the process takes over the node.',
      remediation:
        'Remove `privileged: true` (or set it to false). If the container needs one specific power, add only that ' +
        'capability, and say why next to it.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: tools',
        'spec:',
        '  containers:',
        '    - name: tools',
        '      image: busybox:1.36',
        '      securityContext:',
        '        privileged: true',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: tools',
        'spec:',
        '  containers:',
        '    - name: tools',
        '      image: busybox:1.36',
        '      securityContext:',
        '        privileged: false',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const privileged = containerSetting(container, 'privileged');
      if (privileged?.value === true) {
        ctx.report({
          at: privileged.pair,
          message: `Container "${container.name}" runs privileged: it has full access to the node`,
          fixes: [setValue(`Set ${shown('privileged', false)}`, privileged.pair, false)],
        });
      }
    }
  },
};
