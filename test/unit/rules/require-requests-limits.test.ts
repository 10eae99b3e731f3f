// require-requests-limits: what counts as set, limits standing in for requests, the cpuLimit option.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/require-requests-limits';

const complete = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
      - name: a
        image: x:1
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {cpu: 1, memory: 64Mi}`;

runRuleTests(rule, {
  valid: [
    complete,
    // Limits alone: Kubernetes uses them as the requests too.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            resources:
              limits: {cpu: 500m, memory: 64Mi}
        ephemeralContainers:
          - name: debug
            image: busybox:1.36`,
  ],
  validWithOptions: [{ code: complete, options: { cpuLimit: true } }],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        initContainers:
          - name: init
      #     ^^^^^^^^^^ Container "init" has no cpu request, memory request and memory limit
            image: x:1
        containers:
          - name: a
            image: x:1
            resources:
      #     ^^^^^^^^^ Container "a" has no memory limit
              requests:
                cpu: 100m
                memory: 64Mi`,
    {
      options: { cpuLimit: true },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              resources:
        #     ^^^^^^^^^ Container "a" has no cpu limit
                requests: {cpu: 100m, memory: 64Mi}
                limits: {memory: 64Mi}`,
    },
  ],
});
