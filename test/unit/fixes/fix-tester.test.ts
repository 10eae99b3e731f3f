// The fix tester itself: it fails on a wrong output, an unknown title, an ambiguous finding, a fix that leaves its
// finding in place, and a fix where none was expected, so that a passing fix test means something.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix } from '../../support/fix-tester';
import type { WorkloadRule } from '../../../server/src/engine/types';
import { pairOf } from '../../../server/src/engine/k8s/nodes';
import { setValue } from '../../../server/src/engine/fix/intents';
import { rule as noPrivileged } from '../../../server/src/engine/rules/no-privileged';

const privileged = yaml`
  apiVersion: v1
  kind: Pod
  spec:
    containers:
      - name: a
        image: x:1
        securityContext: {privileged: true}
      - name: b
        image: x:1
        securityContext: {privileged: true}
`;

const fixedA = privileged.replace('{privileged: true}', '{privileged: false}');

/** A rule whose fix changes the image and leaves what it reports (every container) as it was. */
const uselessFix: WorkloadRule = {
  meta: { id: 'useless-fix', severity: 'info', docs: { summary: '', rationale: '', remediation: '', bad: '', good: '' } },
  checkWorkload(workload, ctx) {
    for (const c of workload.containers) {
      const image = pairOf(c.map, 'image');
      if (image) ctx.report({ at: image, message: `container ${c.name}`, fixes: [setValue('Change the image', image, 'y:2')] });
    }
  },
};

describe('fix tester', () => {
  it('passes the right output for the chosen finding', () => {
    assertFix(noPrivileged, privileged, fixedA, { finding: '"a"' });
  });

  it('fails on an output that differs', () => {
    assert.throws(() => assertFix(noPrivileged, privileged, privileged, { finding: '"a"' }), assert.AssertionError);
  });

  it('fails when no fix has the title, and lists the ones offered', () => {
    assert.throws(() => assertFix(noPrivileged, privileged, fixedA, { finding: '"a"', title: 'Remove' }), /\* Set privileged: false/);
  });

  it('fails when the input has several findings and the test does not say which', () => {
    assert.throws(() => assertFix(noPrivileged, privileged, fixedA), /expected one finding/);
  });

  it('fails when the fix leaves its finding in place', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            image: x:1
    `;
    assert.throws(() => assertFix(uselessFix, input, input.replace('x:1', 'y:2')), /leaves its finding in place/);
  });

  it('fails assertNoFix when a fix is offered', () => {
    assert.throws(() => assertNoFix(noPrivileged, privileged, { finding: '"b"' }), /offers a fix/);
  });
});
