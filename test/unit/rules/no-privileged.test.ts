// no-privileged: only an explicit privileged: true is reported, on the field, in every container kind.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-privileged';

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
            securityContext: {privileged: false}
          - name: b
            image: x:1`,
    // "true" in quotes is a string, which the API server rejects; it is not this rule's business.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext: {privileged: "true"}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: web   # frontend
            securityContext:
              privileged: true  # needed?
      #       ^^^^^^^^^^^^^^^^ Container "web" runs privileged`,
    yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: c}
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                  - name: setup
                    image: x:1
                    securityContext: {privileged: true}
      #                               ^^^^^^^^^^^^^^^^ Container "setup" runs privileged
                containers:
                  - name: job
                    image: x:1`,
  ],
});
