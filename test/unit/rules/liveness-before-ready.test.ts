// liveness-before-ready: the seed's restart loop (liveness on /health every 3 s from 3 s, an app that needs 60 s), by
// timing and by a shared endpoint, and the probe pairs that are fine: a startupProbe, a more patient liveness.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/liveness-before-ready';

/**
 * A Pod whose one container `app` has the given probe lines, indented as the container's own keys. A caret line
 * `# ^^^` under a probe key marks that key: its carets move to the key's column.
 */
function pod(probeLines: string): string {
  const indent = (l: string) => (l.startsWith('#') ? `    ${l}` : l ? `      ${l}` : l);
  const indented = probeLines.replace(/^\n/, '').split('\n').map(indent).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: app:1\n${indented}`;
}

runRuleTests(rule, {
  valid: [
    // The seed's probes with a startupProbe: liveness and readiness wait for it.
    pod(`
startupProbe:
  httpGet: {path: /health, port: 8080}
  failureThreshold: 30
  periodSeconds: 10
livenessProbe:
  httpGet: {path: /health, port: 8080}
  initialDelaySeconds: 3
  periodSeconds: 3
readinessProbe:
  httpGet: {path: /health, port: 8080}
  initialDelaySeconds: 60
`),
    // The docs' liveness-http example alone: without a readinessProbe the container is ready when it starts.
    pod(`
livenessProbe:
  httpGet: {path: /healthz, port: 8080}
  initialDelaySeconds: 3
  periodSeconds: 3
`),
    // Argo CD's repo server: one endpoint, liveness the more patient (60 s of failures against readiness's 20 s).
    pod(`
livenessProbe:
  httpGet: {path: /healthz?full=true, port: 8084}
  initialDelaySeconds: 30
  periodSeconds: 30
readinessProbe:
  httpGet: {path: /healthz?full=true, port: 8084}
  initialDelaySeconds: 5
  periodSeconds: 10
`),
    // Two endpoints, and liveness gives up (20 s) after readiness could pass (5 s): a quick liveness is its own choice.
    pod(`
livenessProbe: {httpGet: {path: /livez, port: 8080}}
readinessProbe: {httpGet: {path: /readyz, port: 8080}, initialDelaySeconds: 5}
`),
    // Identical probes are identical-probes' finding, not this one's: liveness is not the stricter.
    pod(`
livenessProbe: {tcpSocket: {port: 5432}}
readinessProbe: {tcpSocket: {port: 5432}}
`),
    // A liveness probe without a check is rejected by the API; there is no timeline to judge.
    pod(`
livenessProbe: {periodSeconds: 1}
readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 60}
`),
  ],
  invalid: [
    // The seed's silly example: readiness on the same endpoint, patient enough to wait for a 60 s start.
    pod(`
livenessProbe:
# ^^^^^^^^^^^^^ liveness restarts it at 9 s if the app is not answering yet, and readiness can pass at 60 s at the earliest
  httpGet: {path: /health, port: 8080}
  initialDelaySeconds: 3
  periodSeconds: 3
readinessProbe:
  httpGet: {path: /health, port: 8080}
  initialDelaySeconds: 60
  periodSeconds: 10
`),
    // The same endpoint, readiness more patient with failures: liveness restarts first, readiness never acts.
    pod(`
livenessProbe:
# ^^^^^^^^^^^^^ the same endpoint and liveness is the stricter: it restarts after 6 s of failures, where readiness waits 50 s
  httpGet: {path: /health, port: 8080}
  initialDelaySeconds: 3
  periodSeconds: 3
readinessProbe:
  httpGet: {port: 8080, path: /health}
  periodSeconds: 10
  failureThreshold: 6
`),
    // Two endpoints: readiness needs three successes 10 s apart from 10 s (30 s), liveness gives up at 20 s.
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        template:
          spec:
            containers:
              - name: api
                image: api:2
                livenessProbe: {exec: {command: [cat, /tmp/alive]}}
      #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Container "api" can be restarted before it is ever ready: liveness restarts it at 20 s
                readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 10, successThreshold: 3}`,
  ],
});
