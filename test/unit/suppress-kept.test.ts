// keepSuppressed: a lint that asks for them (the CLI's SARIF and JSON) gets the findings a comment or annotation
// silences back, each marked with what silenced it and the reason written there; without it (the editor) they are
// gone, and either way the findings left standing are the same.
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine';
import type { Finding, LintConfig } from '../../server/src/engine';

const CONFIG: LintConfig = { rules: { 'no-privileged': 'error', 'no-host-network': 'error', 'run-as-non-root': 'warning', 'unused-suppression': 'warning' }, profile: 'all' };

/** A Pod silenced three ways: a comment with a reason, its own annotation with a reason, and a kube-linter one. */
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: agent',
  '  annotations:',
  '    kubewright.io/ignore: no-privileged',
  '    kubewright.io/ignore-reason: the agent loads kernel modules',
  '    ignore-check.kube-linter.io/run-as-non-root: "needs uid 0"',
  'spec:',
  '  # kubewright-disable-next-line no-host-network -- reads the node\'s interfaces',
  '  hostNetwork: true',
  '  containers:',
  '    - name: agent',
  '      image: agent:1.0',
  '      securityContext: {privileged: true}',
  '',
].join('\n');

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}${f.suppressedBy ? ` ${JSON.stringify(f.suppressedBy)}` : ''}`);

describe('suppressions kept on request', () => {
  it('returns each silenced finding with what silenced it and its reason, without fixes', () => {
    const kept = lintText(POD, CONFIG, { keepSuppressed: true }).filter((f) => f.suppressedBy);
    assert.deepEqual(summary(kept).sort(), [
      'no-host-network [{"via":"comment","reason":"reads the node\'s interfaces"}]',
      'no-privileged [{"via":"annotation","reason":"the agent loads kernel modules"}]',
      // kube-linter takes its annotation's value as the reason; kubewright.io/ignore-reason explains kubewright.io/ignore only.
      'run-as-non-root [{"via":"annotation","reason":"needs uid 0 (ignore-check.kube-linter.io/run-as-non-root)"}]',
    ]);
    assert.ok(kept.every((f) => f.fixes === undefined && f.suppressions === undefined));
    assert.equal(POD.slice(kept.find((f) => f.ruleId === 'no-host-network')!.start).split('\n')[0], 'hostNetwork: true');
  });

  it('leaves the other findings as they are, and the default lint (the editor) without the silenced ones', () => {
    const withKept = lintText(POD, CONFIG, { keepSuppressed: true });
    const plain = lintText(POD, CONFIG);
    assert.ok(plain.length > 0, 'the Pod has findings nothing silences');
    assert.ok(plain.every((f) => f.suppressedBy === undefined));
    assert.deepEqual(summary(withKept.filter((f) => !f.suppressedBy)), summary(plain));
    assert.deepEqual(withKept.filter((f) => !f.suppressedBy).map((f) => [f.start, f.end, f.message]), plain.map((f) => [f.start, f.end, f.message]));
    assert.ok(!plain.some((f) => f.ruleId === 'unused-suppression'), 'every suppression silences something');
  });

  it('gives a comment without a reason none', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true  # kubewright-disable-line no-host-network\n  containers: []\n';
    const [silenced] = lintText(text, CONFIG, { keepSuppressed: true }).filter((f) => f.suppressedBy);
    assert.deepEqual(silenced.suppressedBy, [{ via: 'comment' }]);
  });
});
