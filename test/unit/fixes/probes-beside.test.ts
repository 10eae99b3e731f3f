// The probes require-liveness-probe and require-readiness-probe insert beside an existing one, exact output: timed so
// that the pair passes the probe timing rules (no liveness that gives up before readiness, none stricter than it).
import * as assert from 'node:assert/strict';
import { lintWithRules } from '../../support/rule-tester';
import { applyFix } from '../../support/fix-tester';
import { podWith } from '../../support/pod';
import { allRules } from '../../../server/src/engine';
import { rule as liveness } from '../../../server/src/engine/rules/require-liveness-probe';
import { rule as readiness } from '../../../server/src/engine/rules/require-readiness-probe';

/** The probe timing rules and identical-probes: none may report on what the fix inserted. */
const timingRules = allRules.filter((r) => /^(liveness-|probe-|identical-probes)/.test(r.meta.id));

function assertInserted(rule: typeof liveness, input: string, expected: string): void {
  const { output } = applyFix(rule, input);
  assert.equal(output, expected);
  assert.deepEqual(lintWithRules(output, timingRules), []);
}

describe('fix: probes inserted beside the other probe', () => {
  it("gives readiness beside the docs' quick liveness (3 s × 3) a shorter reaction: it leaves traffic first", () => {
    const probe = ['livenessProbe:', '  exec: {command: [cat, /tmp/healthy]}', '  initialDelaySeconds: 5', '  periodSeconds: 3'];
    assertInserted(
      readiness,
      podWith(probe),
      podWith([...probe, 'readinessProbe:', '  exec:', '    command:', '      - cat', '      - /tmp/healthy', '  periodSeconds: 3', '  failureThreshold: 2']),
    );
  });

  it('holds liveness back until readiness could pass, when readiness says the start takes 2 minutes', () => {
    const probe = ['readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 120}'];
    assertInserted(
      liveness,
      podWith(probe),
      podWith([...probe, 'livenessProbe:', '  httpGet:', '    path: /ready', '    port: 8080', '  initialDelaySeconds: 120', '  periodSeconds: 10', '  failureThreshold: 6']),
    );
  });

  it('lets liveness on the same check tolerate more failures than a patient readiness (90 s)', () => {
    const probe = ['readinessProbe: {tcpSocket: {port: 5432}, periodSeconds: 10, failureThreshold: 10}'];
    assertInserted(
      liveness,
      podWith(probe),
      podWith([...probe, 'livenessProbe:', '  tcpSocket:', '    port: 5432', '  periodSeconds: 10', '  failureThreshold: 11']),
    );
  });
});
