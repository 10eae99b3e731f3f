// no-proc-mount: a container whose securityContext.procMount is not Default sees /proc unmasked.
import type { WorkloadRule } from '../types';
import { containerSetting } from '../k8s/security';
import { pairOf } from '../k8s/nodes';
import { removeField } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-proc-mount',
    severity: 'error',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    docs: {
      summary: 'A container asks for an unmasked /proc (`securityContext.procMount` other than `Default`).',
      rationale:
        'The container runtime masks and makes read-only the parts of /proc that reveal or change the node (kernel ' +
        'keys, timers, sysrq-trigger). `procMount: Unmasked` turns that off; the Pod Security Standards\' baseline level ' +
        'allows only the default.',
      remediation: 'Remove `procMount` (or set it to `Default`).',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: nested', 'spec:', '  hostUsers: false', '  containers:', '    - name: nested', '      image: busybox:1.36', '      securityContext:', '        procMount: Unmasked', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: nested', 'spec:', '  hostUsers: false', '  containers:', '    - name: nested', '      image: busybox:1.36', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const procMount = containerSetting(container, 'procMount');
      if (!procMount || procMount.value === 'Default' || procMount.value === null) continue;
      const sc = pairOf(container.map, 'securityContext');
      ctx.report({
        at: procMount.pair,
        message: `Container "${container.name}" asks for procMount: ${String(procMount.value)}: remove it to keep /proc masked`,
        fixes: container.securityContext && sc
          ? [removeField('Remove procMount', container.securityContext, procMount.pair, [{ map: container.map, pair: sc }])]
          : [],
      });
    }
  },
};
