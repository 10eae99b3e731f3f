// Quick fixes of the probe timing rules, exact output: the seed's one-click startupProbe, a longer period, a patient
// liveness, successThreshold 1 and a declared port.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { podWith } from '../../support/pod';
import { applyFix, assertFix, assertNoFix } from '../../support/fix-tester';
import { rule as livenessBeforeReady } from '../../../server/src/engine/rules/liveness-before-ready';
import { rule as timeoutExceedsPeriod } from '../../../server/src/engine/rules/probe-timeout-exceeds-period';
import { rule as thresholdOne } from '../../../server/src/engine/rules/liveness-failure-threshold-one';
import { rule as successThreshold } from '../../../server/src/engine/rules/probe-success-threshold';
import { rule as portNameUnknown } from '../../../server/src/engine/rules/probe-port-name-unknown';

/** The seed's silly example: liveness on /health from 3 s every 3 s, readiness waiting for a start of a minute. */
const SEED = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: slow
  spec:
    template:
      spec:
        containers:
          - name: slow
            image: slow:1 # healthy after 60 s
            livenessProbe:
              httpGet:
                path: /health
                port: 8080
              initialDelaySeconds: 3
              periodSeconds: 3
            readinessProbe:
              httpGet:
                path: /health
                port: 8080
              initialDelaySeconds: 60
              periodSeconds: 10
`;

describe('fix: liveness-before-ready', () => {
  it("adds a startupProbe with the liveness check to the seed's example, 30 × 10 s as a tab stop", () => {
    const { fix, output } = applyFix(livenessBeforeReady, SEED);
    assert.equal(fix.title, 'Add a startupProbe with the liveness check, 30 × 10 s to start');
    assert.equal(fix.preferred, true);
    assert.equal(
      output,
      SEED +
        [
          '          startupProbe:',
          '            httpGet:',
          '              path: /health',
          '              port: 8080',
          '            periodSeconds: 10',
          '            failureThreshold: 30',
          '',
        ].join('\n'),
    );
    assert.match(fix.edits[0].snippet ?? '', /failureThreshold: \$\{1:30\}/);
  });

  it('gives the start as many checks as readiness says it needs, and the liveness timeout when it fits', () => {
    const probes = ['livenessProbe: {tcpSocket: {port: 5432}, timeoutSeconds: 3}', 'readinessProbe: {exec: {command: [ready]}, initialDelaySeconds: 600}'];
    const startup = ['startupProbe:', '  tcpSocket:', '    port: 5432', '  timeoutSeconds: 3', '  periodSeconds: 10', '  failureThreshold: 61'];
    assertFix(livenessBeforeReady, podWith(probes), podWith([...probes, ...startup]));
  });

  it('offers no startupProbe that would copy a check on a port the container does not declare', () => {
    const probes = [
      'livenessProbe: {httpGet: {path: /health, port: http}, periodSeconds: 3}',
      'readinessProbe: {httpGet: {path: /health, port: http}, initialDelaySeconds: 60}',
    ];
    assertNoFix(livenessBeforeReady, podWith(probes));
  });
});

describe('fix: probe-timeout-exceeds-period, liveness-failure-threshold-one, probe-success-threshold', () => {
  it('raises periodSeconds above the timeout, keeping the timeout', () => {
    const probe = (period: number) => ['readinessProbe:', '  httpGet: {path: /ready, port: 8080}', `  periodSeconds: ${period} # every 5 s`, '  timeoutSeconds: 5'];
    assertFix(timeoutExceedsPeriod, podWith(probe(5)), podWith(probe(6)));
  });

  it('writes the period when the default one is too short, in a flow map too', () => {
    assertFix(
      timeoutExceedsPeriod,
      podWith(['livenessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 10}']),
      podWith(['livenessProbe: {tcpSocket: {port: 80}, timeoutSeconds: 10, periodSeconds: 11}']),
    );
  });

  it("lets liveness fail 3 times, Kubernetes' default", () => {
    const probe = (threshold: number) => ['livenessProbe:', '  tcpSocket: {port: 80}', `  failureThreshold: ${threshold}`];
    assertFix(thresholdOne, podWith(probe(1)), podWith(probe(3)));
  });

  it('sets successThreshold 1 on a startup probe', () => {
    const probe = (threshold: number) => [`startupProbe: {tcpSocket: {port: 80}, successThreshold: ${threshold}, failureThreshold: 30}`];
    assertFix(successThreshold, podWith(probe(2)), podWith(probe(1)));
  });
});

describe('fix: probe-port-name-unknown', () => {
  /** A Pod whose readiness checks port "http", with the container's `ports` lines before it. */
  const withPorts = (...ports: string[]) => podWith([...ports, 'readinessProbe:', '  httpGet: {path: /ready, port: http}'], 'web');

  it("names the container's only port when it has no name", () => {
    assertFix(portNameUnknown, withPorts('ports:', '  - containerPort: 8000'), withPorts('ports:', '  - containerPort: 8000', '    name: http'));
  });

  it('declares a port of that name, its number a tab stop, beside the named ones', () => {
    const { fix, output } = applyFix(portNameUnknown, withPorts('ports:', '  - name: grpc', '    containerPort: 9000'));
    assert.equal(fix.title, 'Declare port "http" in container "web"');
    assert.equal(output, withPorts('ports:', '  - name: grpc', '    containerPort: 9000', '  - name: http', '    containerPort: 8080'));
    assert.match(fix.edits[0].snippet ?? '', /containerPort: \$\{1:8080\}/);
  });

  it('starts a ports list when there is none', () => {
    assertFix(
      portNameUnknown,
      withPorts(),
      podWith(['readinessProbe:', '  httpGet: {path: /ready, port: http}', 'ports:', '  - name: http', '    containerPort: 8080'], 'web'),
    );
  });
});
