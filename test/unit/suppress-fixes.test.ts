// "Suppress <id> for this line" and "… for this object" on every finding, exact output: the comment above the line at
// its indentation with a tab stop for the reason, the annotation created or merged; neither preferred, neither
// applied by fix-all, and neither leaves an unused-suppression behind.
import * as assert from 'node:assert/strict';
import { yaml } from '../support/rule-tester';
import { applyFix, assertFix, crlf } from '../support/fix-tester';
import { fixAll, lintText } from '../../server/src/engine';
import { rule as noPrivileged } from '../../server/src/engine/rules/no-privileged';
import { rule as noHostNetwork } from '../../server/src/engine/rules/no-host-network';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web   # the frontend
  spec:
    containers:
      - name: web
        image: nginx:1.27
        securityContext:
          privileged: true
`;

const LINE_SUPPRESSED = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web   # the frontend
  spec:
    containers:
      - name: web
        image: nginx:1.27
        securityContext:
          # kubewright-disable-next-line no-privileged -- 
          privileged: true
`;

describe('fix: suppress', () => {
  it('for this line: a directive above the finding, at its indentation, with an empty tab stop for the reason', () => {
    const { fix, output } = applyFix(noPrivileged, POD, { title: 'Suppress no-privileged for this line' });
    assert.equal(output, LINE_SUPPRESSED);
    assert.deepEqual(
      fix.edits.map((e) => e.snippet),
      ['        # kubewright-disable-next-line no-privileged -- ${1:}\n'],
    );
    assert.equal(fix.preferred, false);
  });

  it('for this line: keeps CRLF line endings', () => {
    assertFix(
      noPrivileged,
      crlf(POD),
      crlf(LINE_SUPPRESSED),
      { title: 'Suppress no-privileged for this line' },
    );
  });

  it('for this object: creates metadata.annotations with kubewright.io/ignore, comments kept', () => {
    assertFix(
      noPrivileged,
      POD,
      POD.replace('  name: web   # the frontend\n', '  name: web   # the frontend\n  annotations:\n    kubewright.io/ignore: no-privileged\n'),
      { title: 'Suppress no-privileged for this object' },
    );
  });

  it('for this object: adds to the annotations there are, and to an existing list, in its quotes', () => {
    const annotated = POD.replace('  name: web   # the frontend\n', '  name: web   # the frontend\n  annotations:\n    team: web\n');
    assertFix(
      noPrivileged,
      annotated,
      annotated.replace('    team: web\n', '    team: web\n    kubewright.io/ignore: no-privileged\n'),
      { title: 'Suppress no-privileged for this object' },
    );
    const listed = POD.replace('  name: web   # the frontend\n', '  name: web   # the frontend\n  annotations: {kubewright.io/ignore: "read-only-root-fs, run-as-non-root"}\n');
    assertFix(noPrivileged, listed, listed.replace('run-as-non-root"', 'run-as-non-root, no-privileged"'), {
      title: 'Suppress no-privileged for this object',
    });
  });

  it('for this object: into a flow metadata map', () => {
    const flow = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostNetwork: true, containers: []}\n';
    assertFix(
      noHostNetwork,
      flow,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {kubewright.io/ignore: no-host-network}}\nspec: {hostNetwork: true, containers: []}\n',
      { title: 'Suppress no-host-network for this object' },
    );
  });

  it('offers neither where it cannot: no metadata, or a line that starts a document', () => {
    const bare = '---\napiVersion: v1\nkind: Pod\nspec: {hostNetwork: true, containers: []}\n';
    const finding = lintText(bare).find((f) => f.ruleId === 'no-host-network')!;
    assert.deepEqual(finding.suppressions!().map((f) => f.title), ['Suppress no-host-network for this line']);
    const marker = '--- {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostNetwork: true, containers: []}}\n';
    const onMarker = lintText(marker).find((f) => f.ruleId === 'no-host-network')!;
    assert.deepEqual(onMarker.suppressions!().map((f) => f.title), ['Suppress no-host-network for this object']);
  });

  it('leaves no finding of that rule and no unused-suppression, with every rule on', () => {
    for (const title of ['Suppress no-privileged for this line', 'Suppress no-privileged for this object']) {
      const { output } = applyFix(noPrivileged, POD, { title });
      const before = lintText(POD).map((f) => f.ruleId);
      const after = lintText(output).map((f) => f.ruleId);
      assert.deepEqual(after, before.filter((id) => id !== 'no-privileged'), title);
    }
  });

  it('is never applied by fix-all, and does not make a finding fixable', () => {
    const fixed = fixAll(POD).text;
    assert.ok(!fixed.includes('kubewright'), fixed);
    const readOnly = lintText(fixed);
    assert.deepEqual(readOnly.filter((f) => f.fixes), []);
    assert.ok(readOnly.every((f) => f.suppressions), 'what is left can still be suppressed');
  });
});
