// The snippet form of fix edits, exact: the values a user is meant to choose (resources, probe paths and ports,
// the non-root UID, thresholds) are `${n:…}` tab stops numbered across the fix; any other `$` or `}` is escaped.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { applyFix, snippetText } from '../../support/fix-tester';
import { rule as resources } from '../../../server/src/engine/rules/require-requests-limits';
import { rule as liveness } from '../../../server/src/engine/rules/require-liveness-probe';
import { rule as runAsNonRoot } from '../../../server/src/engine/rules/run-as-non-root';
import { rule as identical } from '../../../server/src/engine/rules/identical-probes';

/** The snippets of the chosen fix's edits, in order. */
function snippets(...args: Parameters<typeof applyFix>): Array<string | undefined> {
  return applyFix(...args).fix.edits.map((e) => e.snippet);
}

describe('fix snippets', () => {
  it('makes each resource value a tab stop in new block lines', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: api
            image: api:2
    `;
    assert.deepEqual(snippets(resources, input, { options: { cpuLimit: true } }), [
      '      resources:\n' +
        '        requests:\n' +
        '          cpu: ${1:100m}\n' +
        '          memory: ${2:128Mi}\n' +
        '        limits:\n' +
        '          memory: ${3:128Mi}\n' +
        '          cpu: ${4:500m}\n',
    ]);
  });

  it('escapes the closing braces of flow maps around the tab stops', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: api
            image: api:2
            resources: {}
    `;
    assert.deepEqual(snippets(resources, input), ['requests: {cpu: ${1:100m}, memory: ${2:128Mi}\\}, limits: {memory: ${3:128Mi}\\}']);
  });

  it('makes the probe path a tab stop, and the port too when no port is known', () => {
    const named = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            image: web:1
            ports: [{name: http, containerPort: 80}]
    `;
    assert.deepEqual(snippets(liveness, named), [
      '      livenessProbe:\n        httpGet:\n          path: ${1:/healthz}\n          port: http\n        periodSeconds: 10\n        failureThreshold: 6\n',
    ]);
    const portless = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: worker
            image: worker:3
    `;
    assert.deepEqual(snippets(liveness, portless), [
      '      livenessProbe:\n        tcpSocket:\n          port: ${1:8080}\n        periodSeconds: 10\n        failureThreshold: 6\n',
    ]);
  });

  it('escapes a `$` in a copied value, which is no tab stop', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            image: web:1
            readinessProbe:
              exec: {command: [sh, -c, "test -f $READY_FILE"]}
    `;
    const { fix, output } = applyFix(liveness, input);
    assert.match(output, /- "test -f \$READY_FILE"\n/);
    assert.match(fix.edits[0].snippet!, /- "test -f \\\$READY_FILE"\n/);
  });

  it('makes the non-root UID a tab stop', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            image: web:1
            securityContext: {runAsUser: 0}
    `;
    assert.deepEqual(snippets(runAsNonRoot, input), ['${1:10001}']);
  });

  it('numbers the thresholds of two edits of one fix 1 and 2, and keeps quotes outside a tab stop', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            image: web:1
            livenessProbe:
              httpGet: {path: "/healthz", port: 8080}
            readinessProbe:
              httpGet: {path: "/healthz", port: 8080}
    `;
    assert.deepEqual(snippets(identical, input, { title: 'Add a startupProbe' }), [
      '        failureThreshold: ${1:6}\n',
      '      startupProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n        periodSeconds: 10\n        failureThreshold: ${2:30}\n',
    ]);
    assert.deepEqual(snippets(identical, input, { title: '(/livez)' }), ['"${1:/livez}"']);
  });

  it('reads a snippet back as the text it inserts (what the fix tester checks on every edit)', () => {
    assert.equal(snippetText('cpu: ${1:100m}, x: {a: ${2:\\}}\\}, cost: \\$5'), 'cpu: 100m, x: {a: }}, cost: $5');
  });
});
