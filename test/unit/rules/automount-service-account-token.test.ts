// automount-service-account-token: a pod spec that names no service account and does not turn the token off is
// reported on `spec:` (or on `automountServiceAccountToken: true`), in every workload kind.
import * as assert from 'node:assert/strict';
import { lintWithRules, runRuleTests, yaml } from '../../support/rule-tester';
import { inEveryWorkload } from '../../support/workloads';
import { rule } from '../../../server/src/engine/rules/automount-service-account-token';
import { WORKLOAD_KINDS } from '../../../server/src/engine/k8s/workload';

const containers = yaml`
  containers:
    - name: web
      image: nginx:1.27`;

runRuleTests(rule, {
  valid: [
    ...inEveryWorkload('automountServiceAccountToken: false\n' + containers),
    ...inEveryWorkload('serviceAccountName: web\n' + containers),
    // The deprecated alias names an account too.
    ...inEveryWorkload('serviceAccount: web\n' + containers),
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
      #   ^^^^ Pod of Deployment "web" names no service account
            containers:
              - name: web
                image: nginx:1.27`,
    yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                automountServiceAccountToken: true
      #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Pod of CronJob "report" names no service account
                serviceAccountName: ""
                containers:
                  - name: report
                    image: report:1`,
  ],
});

// A caret line cannot mark column 0 (a Pod's `spec:`), so the finding on each kind's pod spec key is checked here.
describe('rule automount-service-account-token in every workload kind', () => {
  const fixtures = inEveryWorkload(containers);
  WORKLOAD_KINDS.forEach(({ kind, podSpecPath }, i) => {
    it(`reports the pod spec key of a ${kind}`, () => {
      const depth = podSpecPath.length - 1;
      const findings = lintWithRules(fixtures[i], [rule]);
      assert.deepEqual(
        findings.map((f) => [f.line, f.start, f.end]),
        [[3 + depth, 2 * depth, 2 * depth + 4]],
      );
      assert.match(findings[0].message, kind === 'Pod' ? /^Pod "w" names no service account/ : new RegExp(`^Pod of ${kind} "w" names`));
    });
  });
});
