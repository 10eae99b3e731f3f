// seccomp-profile: a missing profile (one finding per pod naming the containers) and Unconfined at pod or
// container level; pss-baseline's requireProfile: false leaves only Unconfined; targets before 1.19 need none.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { activeRules, lintText } from '../../../server/src/engine';
import { rule } from '../../../server/src/engine/rules/seccomp-profile';

const NO_PROFILE = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext: {seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: a
            image: x:1`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
      #   ^^^^ Containers "web" and "log" run without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod
            containers:
              - name: web
                image: x:1
              - name: log
                image: x:1
              - name: tool
                image: x:1
                securityContext:
                  seccompProfile:
                    type: Unconfined
      #             ^^^^^^^^^^^^^^^^ Container "tool" runs Unconfined by seccomp: use RuntimeDefault`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          seccompProfile: {type: Unconfined}
      #                    ^^^^^^^^^^^^^^^^ Pod "p" runs its containers Unconfined by seccomp
        containers:
          - name: a
            image: x:1`,
  ],
  validWithOptions: [{ code: NO_PROFILE, options: { requireProfile: false } }],
});

describe('rule seccomp-profile by profile and version', () => {
  it('runs with requireProfile: false under pss-baseline, and requires a profile under pss-restricted', () => {
    const options = (profile: string) => activeRules({ profile }).find((a) => a.rule.meta.id === 'seccomp-profile')?.options;
    assert.deepEqual(options('pss-baseline'), { requireProfile: false });
    assert.deepEqual(options('pss-restricted'), {});
  });

  it('requires no profile for a target before 1.19, when the restricted standard did not yet', () => {
    const run = (kubernetesVersion: string) => lintText(NO_PROFILE, { kubernetesVersion, rules: { 'seccomp-profile': 'warning' } }, { rules: [rule] }).length;
    assert.equal(run('1.18'), 0);
    assert.equal(run('1.19'), 1);
  });
});
