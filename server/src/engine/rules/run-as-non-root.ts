// run-as-non-root: a container may run as root unless runAsNonRoot is true or runAsUser is above 0, counting
// what it inherits from the pod's securityContext.
import type { Pair } from 'yaml';
import type { WorkloadRule } from '../types';
import { inheritedSetting, listNames } from '../k8s/security';
import { ensureContainerSecurity, ensurePodSecurity, setValue, shown } from '../fix/intents';
import { Placeholder } from '../fix/render';
import { PSS_RESTRICTED } from '../profiles';

/** A user ID outside the range images and the node commonly give meaning to; a tab stop, so it is easy to change. */
const NON_ROOT_UID = 10001;

function nonRootUser(pair: Pair) {
  return setValue(`Replace runAsUser: 0 with a non-root user ID (${NON_ROOT_UID})`, pair, new Placeholder(NON_ROOT_UID));
}

export const rule: WorkloadRule = {
  meta: {
    id: 'run-as-non-root',
    severity: 'warning',
    profiles: ['seed', ...PSS_RESTRICTED],
    pss: 'restricted',
    // The restricted standard asks for runAsNonRoot: true itself; a user ID above 0 alone does not satisfy it.
    profileOptions: { 'pss-restricted': { requireRunAsNonRoot: true } },
    docs: {
      summary: 'A container may run as root: neither runAsNonRoot: true nor a runAsUser above 0 applies to it, or it sets runAsUser: 0.',
      rationale:
        'A process running as root inside a container is root on the node if it ever breaks out, and can change ' +
        'anything in the container image. Kubernetes runs the image\'s own user, which is root for most images, ' +
        'unless the pod or container says otherwise. Settings on the pod\'s securityContext are inherited by every ' +
        'container; a container\'s own setting overrides them.',
      remediation:
        'Set `runAsNonRoot: true` (and a `runAsUser` above 0 if the image has no numeric non-root user) in the pod\'s ' +
        'securityContext so that every container inherits it, or in each container\'s securityContext.',
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
        '  securityContext:',
        '    runAsNonRoot: true',
        '    runAsUser: 10001',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '',
      ].join('\n'),
      options: {
        requireRunAsNonRoot:
          'Require `runAsNonRoot: true` (pod or container) even where a `runAsUser` above 0 is set, as the restricted ' +
          'Pod Security Standard does. Off by default; on in the `pss-restricted` profile.',
      },
    },
  },
  checkWorkload(workload, ctx) {
    // Several containers inheriting the pod's `runAsUser: 0` get one finding there, naming them all.
    const rootFromPod = new Map<Pair, string[]>();
    const requireNonRoot = ctx.options.requireRunAsNonRoot === true;
    const orUser = requireNonRoot ? '' : ', or a runAsUser above 0';
    for (const container of workload.containers) {
      const user = inheritedSetting(workload, container, 'runAsUser');
      const nonRoot = inheritedSetting(workload, container, 'runAsNonRoot');
      if (user?.value === 0) {
        if (user.fromPod) rootFromPod.set(user.pair, [...(rootFromPod.get(user.pair) ?? []), container.name]);
        else {
          ctx.report({
            at: user.pair,
            message: `Container "${container.name}" runs as root (runAsUser: 0): use a user ID above 0`,
            fixes: [nonRootUser(user.pair)],
          });
        }
        continue;
      }
      if (nonRoot?.value === true) continue;
      if (!requireNonRoot && typeof user?.value === 'number' && user.value > 0) continue;
      if (nonRoot && !nonRoot.fromPod) {
        ctx.report({
          at: nonRoot.pair,
          message: `Container "${container.name}" may run as root: set runAsNonRoot: true${orUser}`,
          fixes: [setValue(`Set ${shown('runAsNonRoot', true)}`, nonRoot.pair, true)],
        });
      } else {
        ctx.report({
          at: container.anchor,
          message: `Container "${container.name}" may run as root: set securityContext.runAsNonRoot: true (pod or container)${orUser}`,
          fixes: [
            ensureContainerSecurity(`Add ${shown('runAsNonRoot', true)} to container "${container.name}"`, container, { runAsNonRoot: true }),
            ensurePodSecurity(`Add ${shown('runAsNonRoot', true)} to the pod's securityContext, for every container`, workload, {
              runAsNonRoot: true,
            }),
          ],
        });
      }
    }
    for (const [pair, names] of rootFromPod) {
      const subject = names.length === 1 ? `Container ${listNames(names)} runs` : `Containers ${listNames(names)} run`;
      ctx.report({ at: pair, message: `${subject} as root (pod securityContext runAsUser: 0): use a user ID above 0`, fixes: [nonRootUser(pair)] });
    }
  },
};
