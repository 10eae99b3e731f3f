// apparmor-profile: the baseline standard's AppArmor control: no container runs unconfined, whether it says so
// with the `appArmorProfile` field (Kubernetes 1.30+) or the older per-container annotation.
import type { Pair } from 'yaml';
import type { WorkloadRule, RuleContext } from '../types';
import { mapAt, pairOf, stringValue } from '../k8s/nodes';
import { podName } from '../k8s/pss';
import { setValue } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function checkField(securityContext: unknown, who: string, ctx: RuleContext): void {
  const type = pairOf(mapAt(securityContext, ['appArmorProfile']), 'type');
  if (stringValue(type?.value) !== 'Unconfined') return;
  ctx.report({
    at: type!,
    message: `${who} without AppArmor (appArmorProfile type: Unconfined): use RuntimeDefault`,
    fixes: [setValue('Set type: RuntimeDefault', type!, 'RuntimeDefault')],
  });
}

/** The baseline standard allows the runtime's default and profiles loaded on the node, nothing else. */
function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export const rule: WorkloadRule = {
  meta: {
    id: 'apparmor-profile',
    severity: 'error',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    docs: {
      summary: 'A container runs without AppArmor: `appArmorProfile.type: Unconfined`, or the annotation `container.apparmor.security.beta.kubernetes.io/<container>: unconfined`.',
      rationale:
        'On nodes with AppArmor, the runtime\'s default profile stops a container from writing to /proc and /sys, ' +
        'mounting file systems and other moves container escapes rely on. Unconfined turns that protection off; the ' +
        'Pod Security Standards\' baseline level allows only the default profile or one loaded on the node.',
      remediation:
        'Remove the override, or set `appArmorProfile: {type: RuntimeDefault}` (`runtime/default` in the annotation), ' +
        'or a `Localhost` profile written for the application.',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', '        appArmorProfile:', '          type: Unconfined', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', '        appArmorProfile:', '          type: RuntimeDefault', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    checkField(workload.podSecurityContext, `${podName(workload)} runs its containers`, ctx);
    for (const container of workload.containers) checkField(container.securityContext, `Container "${container.name}" runs`, ctx);
    const annotations = mapAt(workload.podMetadata, ['annotations']);
    for (const pair of (annotations?.items ?? []) as Pair[]) {
      const key = stringValue(pair.key);
      const value = stringValue(pair.value);
      if (!key?.startsWith(ANNOTATION_PREFIX) || value === undefined || allowedAnnotation(value)) continue;
      const name = key.slice(ANNOTATION_PREFIX.length);
      ctx.report({
        at: pair,
        message: `Container "${name}" runs with AppArmor profile ${value}: use runtime/default`,
        fixes: [setValue('Set runtime/default', pair, 'runtime/default')],
      });
    }
  },
};
