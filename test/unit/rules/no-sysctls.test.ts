// no-sysctls: a non-empty pod securityContext.sysctls, reported on the key.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-sysctls';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          sysctls: []
        containers:
          - name: a
            image: x:1`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        template:
          spec:
            securityContext:
              sysctls:
      #       ^^^^^^^ Pod of StatefulSet "db" sets kernel parameters
                - name: kernel.shm_rmid_forced
                  value: "0"
            containers:
              - name: a
                image: x:1`,
  ],
});
