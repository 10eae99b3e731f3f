// run-as-non-root: inheritance from the pod securityContext, container overrides, and where each finding sits.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/run-as-non-root';
import * as assert from 'node:assert/strict';
import { lintText } from '../../../server/src/engine';

runRuleTests(rule, {
  valid: [
    // Pod-level runAsNonRoot is inherited by every container kind.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsNonRoot: true
        initContainers:
          - name: init
            image: busybox:1.36
        containers:
          - name: web
            image: nginx:1.27`,
    // A runAsUser above 0 is enough on its own, at either level.
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        template:
          spec:
            securityContext: {runAsUser: 1000}
            containers:
              - name: web
                image: nginx:1.27
              - name: side
                image: envoy:1
                securityContext: {runAsUser: 2000, runAsNonRoot: false}`,
    // Container-level runAsNonRoot overrides a pod-level false.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsNonRoot: false
        containers:
          - name: web
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: web
      #     ^^^^^^^^^ Container "web" may run as root
            image: nginx:1.27`,
    // Explicit root at container level: on the field itself, even with pod-level runAsNonRoot.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: web
            image: nginx:1.27
            securityContext:
              runAsUser: 0
      #       ^^^^^^^^^^^^ runs as root (runAsUser: 0)`,
    // Pod-level root inherited by two containers: one finding on the pod field naming both.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsUser: 0
      #   ^^^^^^^^^^^^ Containers "web" and "log" run as root (pod securityContext runAsUser: 0)
        containers:
          - name: web
            image: nginx:1.27
          - name: log
            image: fluent-bit:3`,
    // A container's own runAsUser: 0 overrides a safe pod-level user.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsUser: 1000
        containers:
          - name: ok
            image: nginx:1.27
          - name: bad
            image: nginx:1.27
            securityContext: {runAsUser: 0}
      #                       ^^^^^^^^^^^^ Container "bad" runs as root`,
    // Container-level runAsNonRoot: false overrides the pod's true: the finding sits on that field.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: web
            image: nginx:1.27
            securityContext:
              runAsNonRoot: false
      #       ^^^^^^^^^^^^^^^^^^^ Container "web" may run as root`,
    // Ephemeral containers are checked like the others.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
          - name: web
            image: nginx:1.27
        ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext: {runAsNonRoot: false}
      #                       ^^^^^^^^^^^^^^^^^^^ Container "debug" may run as root`,
      // With requireRunAsNonRoot (the pss-restricted profile), a user ID above 0 alone is not enough.
    {
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsUser: 1000}
          containers:
            - name: web
        #     ^^^^^^^^^ Container "web" may run as root: set securityContext.runAsNonRoot: true (pod or container)
              image: x:1`,
      options: { requireRunAsNonRoot: true },
    },
  ],
  validWithOptions: [
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n  containers:\n    - name: web\n      image: x:1\n',
      options: { requireRunAsNonRoot: true },
    },
  ],
});

describe('run-as-non-root by profile', () => {
  const userOnly = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 1000}\n  containers:\n    - name: web\n      image: x:1\n';
  const ids = (profile: 'seed' | 'pss-restricted') => lintText(userOnly, { profile }).map((f) => f.ruleId);

  it('takes a runAsUser above 0 as enough in seed, and asks for runAsNonRoot: true in pss-restricted', () => {
    assert.ok(!ids('seed').includes('run-as-non-root'));
    assert.ok(ids('pss-restricted').includes('run-as-non-root'));
  });
});
