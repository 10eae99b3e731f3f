// unused-suppression: a directive or `kubewright.io/ignore` id that silences nothing, names no rule or an unknown one,
// and the fixes that remove it (exact output). Foreign annotations and rules that are off are never judged.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml, lintWithRules } from '../support/rule-tester';
import { fixTitles } from '../support/fix-tester';
import { rule as unusedSuppression } from '../../server/src/engine/rules/unused-suppression';
import { rule as noHostNetwork } from '../../server/src/engine/rules/no-host-network';
import { lintText } from '../../server/src/engine';

/** Lints with every rule on, and gives the unused-suppression messages. */
const unused = (text: string) => lintText(text).filter((f) => f.ruleId === 'unused-suppression').map((f) => text.slice(f.start, f.end) + ': ' + f.message);

runRuleTests(unusedSuppression, {
  valid: [
    // A rule that is off (here: every rule but this one) is not judged.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, annotations: {kubewright.io/ignore: no-privileged}}
      spec:
        # kubewright-disable-next-line no-host-network -- exporter
        containers: []
    `,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, annotations: {kubewright.io/ignore: "no-privilegd"}}
      #                                                        ^^^^^^^^^^^^ did you mean "no-privileged"
      spec:
        # kubewright-disable-next-line host-network, yaml-syntax -- exporter
      #                                ^^^^^^^^^^^^ No rule has the id "host-network"
      #                                              ^^^^^^^^^^^ "yaml-syntax" cannot be suppressed
        containers: []
        # kubewright-disable -- everything
      # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kubewright-disable names no rule
    `,
  ],
});

describe('rule unused-suppression, with the other rules on', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations:
        kubewright.io/ignore: no-privileged,no-host-network
        kubewright.io/ignore-reason: the exporter
        ignore-check.kube-linter.io/docker-sock: "not used any more"
    spec:
      hostNetwork: true
      containers:
        # kubewright-disable-next-line no-privileged, read-only-root-fs -- the app writes /tmp
        - {name: a, image: a:1, securityContext: {readOnlyRootFilesystem: false, runAsNonRoot: true, allowPrivilegeEscalation: false}}
  `;

  it('reports each id that silenced nothing, and never a foreign annotation', () => {
    assert.deepEqual(unused(pod), [
      'no-privileged: The suppression of "no-privileged" is unused: nothing here reports it; remove it',
      'no-privileged: The suppression of "no-privileged" is unused: nothing here reports it; remove it',
    ]);
  });

  it('removes an unused id from an annotation list, keeping the other', () => {
    assert.equal(applied(pod), pod.replace('no-privileged,no-host-network', 'no-host-network'));
    const finding = lintText(pod).find((f) => f.ruleId === 'unused-suppression')!;
    assert.deepEqual(finding.fixes!().map((f) => f.title), ['Remove "no-privileged" from kubewright.io/ignore']);
  });

  it('removes an unused id from a directive with its comma, as the preferred fix', () => {
    const finding = lintText(pod).filter((f) => f.ruleId === 'unused-suppression')[1];
    const [fix] = finding.fixes!();
    assert.equal(fix.preferred, true);
    assert.deepEqual(fix.edits.map((e) => pod.slice(e.start, e.end)), ['no-privileged, ']);
  });

  it('removes the annotation and its reason when the id was the only one', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          team: web
          kubewright.io/ignore: no-host-network
          kubewright.io/ignore-reason: exporter
      spec:
        containers: []
    `;
    const expected = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          team: web
      spec:
        containers: []
    `;
    assert.equal(applied(text), expected);
    // With nothing else annotated, `annotations:` goes too.
    assert.equal(applied(text.replace('    team: web\n', '')), expected.replace('  annotations:\n    team: web\n', ''));
  });

  it('removes a whole directive line, and a directive after a value with the blanks before it', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        # kubewright-disable-next-line no-host-network -- exporter
        containers: []   # kubewright-disable-line no-host-network
    `;
    const once = applied(text);
    assert.equal(once, text.replace('  # kubewright-disable-next-line no-host-network -- exporter\n', ''));
    assert.equal(applied(once), once.replace('   # kubewright-disable-line no-host-network', ''));
  });

  it('offers to remove an unknown id, but not as a fix-all fix: it may be a newer version\'s rule', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  # kubewright-disable-next-line host-network\n  containers: []\n';
    assert.deepEqual(fixTitles(unusedSuppression, text), ['Remove this suppression']);
    assert.equal(lintWithRules(text, [unusedSuppression]).length, 1);
  });

  it('does not report a suppression that silenced a finding', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  # kubewright-disable-next-line no-host-network\n  hostNetwork: true\n  containers: []\n';
    assert.deepEqual(lintWithRules(text, [noHostNetwork, unusedSuppression]), []);
  });
});

/** The text after the first unused-suppression finding's preferred fix, with every rule on. */
function applied(text: string): string {
  const finding = lintText(text).find((f) => f.ruleId === 'unused-suppression');
  assert.ok(finding, `no unused-suppression in:\n${text}`);
  const fix = finding.fixes!().find((f) => f.preferred)!;
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  return edits.reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}
