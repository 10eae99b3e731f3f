// read-only-root-fs: container-level only; missing is reported on the name, false on the field.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/read-only-root-fs';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext: {readOnlyRootFilesystem: true}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
      #     ^^^^^^^ Container "a" has a writable root filesystem
            image: x:1
          - name: b
            image: x:1
            securityContext:
              readOnlyRootFilesystem: false
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Container "b" has a writable root filesystem`,
    // A container without a name: the finding sits on its first entry.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - image: x:1
      #     ^^^^^^^^^^ Container "#1" has a writable root filesystem`,
  ],
});
