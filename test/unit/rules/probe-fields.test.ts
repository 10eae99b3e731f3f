// probe-timeout-exceeds-period, liveness-failure-threshold-one, probe-success-threshold and probe-port-name-unknown:
// the one field each is about, defaults counted, in every container that writes probes (Jobs and sidecars too).
import { runRuleTests, yaml } from '../../support/rule-tester';
import { podWith } from '../../support/pod';
import { rule as timeoutExceedsPeriod } from '../../../server/src/engine/rules/probe-timeout-exceeds-period';
import { rule as thresholdOne } from '../../../server/src/engine/rules/liveness-failure-threshold-one';
import { rule as successThreshold } from '../../../server/src/engine/rules/probe-success-threshold';
import { rule as portNameUnknown } from '../../../server/src/engine/rules/probe-port-name-unknown';

/** A Pod whose one container `app` has the given lines (and caret lines) as its own keys. */
const pod = (lines: string) => podWith(lines.replace(/^\n/, '').split('\n'));

runRuleTests(timeoutExceedsPeriod, {
  valid: [
    pod('readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5, timeoutSeconds: 4}'),
    // The defaults: a 1 s timeout every 10 s; a 2 s period still outlasts the default timeout.
    pod('livenessProbe: {tcpSocket: {port: 80}}\nreadinessProbe: {tcpSocket: {port: 80}, periodSeconds: 2}'),
    // 0 means the default (10 s), which outlasts a 5 s timeout.
    pod('livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 0, timeoutSeconds: 5}'),
  ],
  invalid: [
    pod(`
readinessProbe:
  httpGet: {path: /ready, port: 8080}
  periodSeconds: 5
  timeoutSeconds: 5
# ^^^^^^^^^^^^^^^^^ The readinessProbe of container "app" waits up to 5 s for an answer but checks every 5 s
`),
    // A timeout of 10 s against the default period of 10 s.
    pod(`
livenessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 10}
#                                      ^^^^^^^^^^^^^^^^^^ waits up to 10 s for an answer but checks every 10 s
`),
    // A period of 1 s against the default timeout of 1 s: the period is what is written.
    pod(`
startupProbe:
  exec: {command: [ls]}
  periodSeconds: 1
# ^^^^^^^^^^^^^^^^ The startupProbe of container "app" waits up to 1 s
`),
  ],
});

runRuleTests(thresholdOne, {
  valid: [
    pod('livenessProbe: {tcpSocket: {port: 80}, failureThreshold: 2}'),
    // Readiness may react to one failure: it only takes the container out of traffic.
    pod('readinessProbe: {tcpSocket: {port: 80}, failureThreshold: 1}'),
  ],
  invalid: [
    // The docs' startup example writes it too: one slow answer after the start still restarts the container.
    pod(`
startupProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 30, periodSeconds: 10}
livenessProbe:
  httpGet: {path: /healthz, port: 8080}
  failureThreshold: 1
# ^^^^^^^^^^^^^^^^^^^ The livenessProbe of container "app" restarts it after a single failed check
  periodSeconds: 10
`),
  ],
});

runRuleTests(successThreshold, {
  valid: [
    pod('readinessProbe: {tcpSocket: {port: 80}, successThreshold: 3}'),
    // 0 is defaulted to 1.
    pod('livenessProbe: {tcpSocket: {port: 80}, successThreshold: 1}\nstartupProbe: {tcpSocket: {port: 80}, successThreshold: 0}'),
  ],
  invalid: [
    // In a Job's container too: the API rejects it wherever it is written.
    yaml`
      apiVersion: batch/v1
      kind: Job
      metadata: {name: j}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: task
                image: task:1
                livenessProbe:
                  exec: {command: [ls]}
                  successThreshold: 2
      #           ^^^^^^^^^^^^^^^^^^^ The livenessProbe of container "task" sets successThreshold: 2
                startupProbe: {exec: {command: [ls]}, successThreshold: 3}
      #                                               ^^^^^^^^^^^^^^^^^^^ The startupProbe of container "task" sets successThreshold: 3`,
  ],
});

runRuleTests(portNameUnknown, {
  valid: [
    pod('ports: [{name: http, containerPort: 8080}]\nlivenessProbe: {httpGet: {path: /livez, port: http}}'),
    pod('livenessProbe: {httpGet: {path: /livez, port: 8080}}\nreadinessProbe: {exec: {command: [ls]}}'),
    // Digits in quotes are read as the number by the kubelet (and are no port name the API would take).
    pod('readinessProbe: {tcpSocket: {port: "8080"}}'),
  ],
  invalid: [
    pod(`
ports:
  - name: http
    containerPort: 8080
livenessProbe:
  httpGet: {path: /livez, port: web}
#                         ^^^^^^^^^ The livenessProbe of container "app" checks port "web", which the container does not declare
readinessProbe:
  tcpSocket:
    port: metrics
#   ^^^^^^^^^^^^^ The readinessProbe of container "app" checks port "metrics"
`),
    // A sidecar init container's probe looks in its own ports only, not in the app container's.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        initContainers:
          - name: proxy
            image: proxy:1
            restartPolicy: Always
            startupProbe: {grpc: {port: admin}}
      #                           ^^^^^^^^^^^ The startupProbe of container "proxy" checks port "admin"
        containers:
          - name: app
            image: app:1
            ports: [{name: admin, containerPort: 9901}]`,
  ],
});
