// schema-duplicate: container names repeated across a pod's container lists, and a port listed twice in a container.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-duplicate';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            initContainers: [{name: init, image: x}]
            containers:
              - name: web
                image: x
                ports: [{containerPort: 53}, {containerPort: 53, protocol: UDP}, {containerPort: 80}]
              - name: proxy
                image: y
                ports: [{containerPort: 80}]`,
  ],
  invalid: [
    yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                  - name: setup
                    image: x
                containers:
                  - name: setup
      #             ^^^^^^^^^^^ Duplicate container name "setup"
                    image: y
                    ports:
                      - containerPort: 80
                      - containerPort: 80
      #                 ^^^^^^^^^^^^^^^^^ Container "setup" lists port 80/TCP twice
                        protocol: TCP
                      - {containerPort: 53, protocol: UDP}
                      - {containerPort: 53, protocol: UDP}
      #                  ^^^^^^^^^^^^^^^^^ lists port 53/UDP twice`,
  ],
});
