// read-only-root-fs: the container's root filesystem should be read-only (readOnlyRootFilesystem: true).
import type { WorkloadRule } from '../types';
import { containerSetting } from '../k8s/security';
import { ensureContainerSecurity, setValue, shown } from '../fix/intents';

export const rule: WorkloadRule = {
  meta: {
    id: 'read-only-root-fs',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'A container can write to its root filesystem: `readOnlyRootFilesystem` is not true.',
      rationale:
        'A writable root filesystem lets an attacker drop tools and change binaries inside the running container, and ' +
        'lets the application write state that silently disappears on restart. The field exists only on the ' +
        'container\'s securityContext.',
      remediation:
        'Set `readOnlyRootFilesystem: true` in the container\'s securityContext, and mount an `emptyDir` at each path ' +
        'the application must write to (`/tmp`, caches).',
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
        '        readOnlyRootFilesystem: true',
        '      volumeMounts:',
        '        - name: tmp',
        '          mountPath: /tmp',
        '  volumes:',
        '    - name: tmp',
        '      emptyDir: {}',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const readOnly = containerSetting(container, 'readOnlyRootFilesystem');
      if (readOnly?.value === true) continue;
      if (readOnly) {
        ctx.report({
          at: readOnly.pair,
          message: `Container "${container.name}" has a writable root filesystem: set readOnlyRootFilesystem: true`,
          fixes: [setValue(`Set ${shown('readOnlyRootFilesystem', true)}`, readOnly.pair, true)],
        });
      } else {
        ctx.report({
          at: container.anchor,
          message: `Container "${container.name}" has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true`,
          fixes: [
            ensureContainerSecurity(`Add ${shown('readOnlyRootFilesystem', true)} to container "${container.name}"`, container, {
              readOnlyRootFilesystem: true,
            }),
          ],
        });
      }
    }
  },
};
