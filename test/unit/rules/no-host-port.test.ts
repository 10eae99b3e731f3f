// no-host-port: a non-zero hostPort on any container port, on the field.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-host-port';

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
            ports:
              - containerPort: 80
              - containerPort: 81
                hostPort: 0`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            ports:
              - containerPort: 80
                hostPort: 8080
      #         ^^^^^^^^^^^^^^ Container "a" binds port 8080 on the node
              - {containerPort: 443, hostPort: 443}
      #                              ^^^^^^^^^^^^^ binds port 443`,
  ],
});
