// no-proc-mount: a container's procMount other than Default, on the field.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-proc-mount';

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
            securityContext: {procMount: Default}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        initContainers:
          - name: init
            image: x:1
            securityContext:
              procMount: Unmasked
      #       ^^^^^^^^^^^^^^^^^^^ Container "init" asks for procMount: Unmasked: remove it to keep /proc masked
        containers:
          - name: a
            image: x:1`,
  ],
});
