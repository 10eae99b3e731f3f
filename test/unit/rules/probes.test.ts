// require-liveness-probe, require-readiness-probe and identical-probes: which containers need probes, and when
// two probes count as the same check.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule as liveness } from '../../../server/src/engine/rules/require-liveness-probe';
import { rule as readiness } from '../../../server/src/engine/rules/require-readiness-probe';
import { rule as identical } from '../../../server/src/engine/rules/identical-probes';

const notLongRunning = [
  yaml`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: job
              image: x:1`,
  yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - name: job
                  image: x:1`,
  // A bare Pod that never restarts runs to completion.
  yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      restartPolicy: OnFailure
      containers:
        - name: once
          image: x:1`,
];

const withProbes = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d}
  spec:
    template:
      spec:
        initContainers:
          - name: migrate
            image: x:1
        containers:
          - name: web
            image: x:1
            livenessProbe: {httpGet: {path: /livez, port: 8080}}
            readinessProbe: {httpGet: {path: /readyz, port: 8080}}`;

runRuleTests(liveness, {
  valid: [...notLongRunning, withProbes],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        template:
          spec:
            containers:
              - name: db
      #         ^^^^^^^^ Container "db" has no livenessProbe
                image: x:1
                readinessProbe: {tcpSocket: {port: 5432}}`,
  ],
});

runRuleTests(readiness, {
  valid: [...notLongRunning, withProbes],
  invalid: [
    yaml`
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: rc}
      spec:
        template:
          spec:
            containers:
              - name: web
      #         ^^^^^^^^^ Container "web" has no readinessProbe
                image: x:1
                livenessProbe: {tcpSocket: {port: 80}}`,
    // Half-typed: the key is there, the probe is not yet.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: web
      #     ^^^^^^^^^ Container "web" has no readinessProbe
            image: x:1
            livenessProbe: {tcpSocket: {port: 80}}
            readinessProbe:`,
  ],
});

runRuleTests(identical, {
  valid: [
    withProbes,
    // Same endpoint, but liveness is more patient: not identical.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: web
            image: x:1
            livenessProbe: {httpGet: {path: /healthz, port: 80}, failureThreshold: 10}
            readinessProbe: {httpGet: {path: /healthz, port: 80}}`,
  ],
  invalid: [
    // Key order does not make two probes different.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: web
            image: x:1
            livenessProbe:
      #     ^^^^^^^^^^^^^ Container "web" has identical liveness and readiness probes
              httpGet:
                path: /healthz
                port: 80
              periodSeconds: 5
            readinessProbe:
              periodSeconds: 5
              httpGet: {port: 80, path: /healthz}`,
  ],
});
