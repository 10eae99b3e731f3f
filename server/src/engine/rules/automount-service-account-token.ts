// automount-service-account-token: a pod that names no service account still gets the `default` account's API token
// mounted, unless it says `automountServiceAccountToken: false`.
import type { WorkloadRule } from '../types';
import { pairOf, scalarValue, stringValue } from '../k8s/nodes';
import { podName } from '../k8s/pss';

const pod = (extra: string[]) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...extra, '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n');

export const rule: WorkloadRule = {
  meta: {
    id: 'automount-service-account-token',
    severity: 'info',
    // Not in seed: most pods on most clusters look like this, and seed's users should see no new findings.
    profiles: [],
    docs: {
      summary: 'A pod that names no service account has the API token mounted (`automountServiceAccountToken` is not false).',
      rationale:
        'Every container of the pod gets a token for the namespace\'s `default` service account at ' +
        '`/var/run/secrets/kubernetes.io/serviceaccount`. Whoever takes over the container can call the Kubernetes ' +
        'API with it, with whatever roles were ever bound to `default`. A pod that uses the API usually names its own ' +
        'account (`serviceAccountName`), so one that names none most likely does not need the token.',
      remediation:
        'Set `automountServiceAccountToken: false` in the pod spec. If the pod does call the API, give it its own ' +
        'service account with `serviceAccountName` and only the roles it needs. The quick fix is not applied by ' +
        'fix-all or `--fix`: only you know whether the pod uses the API.',
      bad: pod([]),
      good: pod(['  automountServiceAccountToken: false']),
    },
  },
  checkWorkload(workload, ctx) {
    // `serviceAccount` is the deprecated alias the API server still copies into serviceAccountName.
    if (stringValue(pairOf(workload.podSpec, 'serviceAccountName')?.value) || stringValue(pairOf(workload.podSpec, 'serviceAccount')?.value)) return;
    const automount = pairOf(workload.podSpec, 'automountServiceAccountToken');
    if (automount && scalarValue(automount.value) === false) return;
    ctx.report({
      at: automount ?? workload.podSpecPair,
      message: `${podName(workload)} names no service account but has its API token mounted: set automountServiceAccountToken: false unless it calls the API`,
      // Offered, never preferred: fix-all and `--fix` leave it alone, since a pod that does call the API (a controller
      // using the default account) would lose its credentials.
      fixes: [
        {
          title: 'Set automountServiceAccountToken: false',
          preferred: false,
          apply: (editor) => editor.ensure(workload.podSpec, { automountServiceAccountToken: false }),
        },
      ],
    });
  },
};
