// selinux-options: SELinux types outside the container types and any user or role, at pod and container level;
// container_engine_t only from Kubernetes 1.31.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { lintText } from '../../../server/src/engine';
import { rule } from '../../../server/src/engine/rules/selinux-options';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          seLinuxOptions: {type: container_init_t, level: "s0:c1,c2"}
        containers:
          - name: a
            image: x:1
            securityContext: {seLinuxOptions: {type: container_engine_t}}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          seLinuxOptions:
            type: spc_t
      #     ^^^^^^^^^^^ Pod "p" runs its containers as SELinux type spc_t: Kubernetes 1.36's baseline allows only container_t, container_init_t, container_kvm_t, container_engine_t
        containers:
          - name: a
            image: x:1
            securityContext:
              seLinuxOptions:
                user: system_u
      #         ^^^^^^^^^^^^^^ Container "a" runs as a custom SELinux user: remove seLinuxOptions.user
                role: sysadm_r
      #         ^^^^^^^^^^^^^^ custom SELinux role`,
  ],
});

describe('rule selinux-options by Kubernetes version', () => {
  it('refuses container_engine_t before 1.31, when the baseline standard did not list it yet', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {seLinuxOptions: {type: container_engine_t}}\n';
    const run = (kubernetesVersion: string) => lintText(text, { kubernetesVersion, rules: { 'selinux-options': 'error' } }, { rules: [rule] }).map((f) => f.message);
    assert.deepEqual(run('1.31'), []);
    assert.deepEqual(run('1.30'), [
      'Container "a" runs as SELinux type container_engine_t: Kubernetes 1.30\'s baseline allows only container_t, container_init_t, container_kvm_t',
    ]);
  });
});
