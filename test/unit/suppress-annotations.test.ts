// Suppression annotations: `kubewright.io/ignore` on the object (all of it) or on its pod template (the template
// only), and the kube-linter, Polaris and kube-score annotations that foreign.ts maps to rules.
import * as assert from 'node:assert/strict';
import { lintWithRules, yaml } from '../support/rule-tester';
import { allRules } from '../../server/src/engine';
import { rule as noPrivileged } from '../../server/src/engine/rules/no-privileged';
import { rule as noHostNetwork } from '../../server/src/engine/rules/no-host-network';
import { rule as runAsNonRoot } from '../../server/src/engine/rules/run-as-non-root';
import { rule as requireRequestsLimits } from '../../server/src/engine/rules/require-requests-limits';
import { rule as unusedSuppression } from '../../server/src/engine/rules/unused-suppression';
import { rule as noHostNamespaces } from '../../server/src/engine/rules/no-host-namespaces';
import { foreignSuppressions, KUBE_LINTER, KUBE_SCORE, POLARIS } from '../../server/src/engine/suppress/foreign';

const RULES = [noPrivileged, noHostNetwork, runAsNonRoot, requireRequestsLimits, unusedSuppression];

function found(text: string): string[] {
  return lintWithRules(text, RULES).map((f) => `${f.ruleId}@${f.line + 1}`);
}

/** A Deployment with hostNetwork, a privileged container that may run as root and has no resources. */
const deployment = (objectAnnotations: string, templateAnnotations = '{}') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    annotations: ${objectAnnotations}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata:
        labels: {app: web}
        annotations: ${templateAnnotations}
      spec:
        hostNetwork: true
        containers:
          - name: web
            image: web:1
            securityContext: {privileged: true}
`;

const ALL = ['no-host-network@13', 'run-as-non-root@15', 'require-requests-limits@15', 'no-privileged@17'];

describe('suppress: annotations', () => {
  it('reports everything without them', () => {
    assert.deepEqual(found(deployment('{}')), ALL.slice().sort(byLine));
  });

  it('kubewright.io/ignore on the object silences its ids everywhere in it, pod template included', () => {
    const text = deployment('{kubewright.io/ignore: "no-privileged, no-host-network", kubewright.io/ignore-reason: "CNI agent"}');
    assert.deepEqual(found(text), ['run-as-non-root@15', 'require-requests-limits@15'].sort(byLine));
  });

  it('kubewright.io/ignore on the pod template silences its ids in the template', () => {
    assert.deepEqual(found(deployment('{}', '{kubewright.io/ignore: run-as-non-root}')), ALL.filter((f) => !f.startsWith('run-as')).sort(byLine));
  });

  it('does not reach into the next --- document', () => {
    const text = deployment('{kubewright.io/ignore: no-host-network}') + '---\n' + deployment('{}');
    const second = found(text).filter((f) => Number(f.split('@')[1]) > 17);
    assert.equal(second.length, 4);
  });

  it('honours kube-linter, Polaris and kube-score annotations, silently', () => {
    assert.deepEqual(
      found(deployment('{ignore-check.kube-linter.io/privileged-container: "needs /dev", polaris.fairwinds.com/hostNetworkSet-exempt: "true"}')),
      ['run-as-non-root@15', 'require-requests-limits@15'].sort(byLine),
    );
    assert.deepEqual(found(deployment('{kube-score/ignore: "container-security-context-user-group-id,container-resources"}')), [
      'no-host-network@13',
      'no-privileged@17',
    ]);
    // Polaris exempts only with "true".
    assert.deepEqual(found(deployment('{polaris.fairwinds.com/hostNetworkSet-exempt: "false"}')), ALL.slice().sort(byLine));
  });

  it('silences a rule that covers several checks of another tool only when all of them are exempted', () => {
    assert.deepEqual([...foreignSuppressions(new Map([['ignore-check.kube-linter.io/unset-cpu-requirements', 'x']])).keys()], []);
    const both = new Map([
      ['ignore-check.kube-linter.io/unset-cpu-requirements', 'x'],
      ['ignore-check.kube-linter.io/unset-memory-requirements', 'x'],
    ]);
    assert.deepEqual([...foreignSuppressions(both).keys()], ['require-requests-limits']);
  });

  it("gives kube-linter's annotation values as the reason, naming each annotation; Polaris and kube-score give none", () => {
    const reasons = (annotations: Array<[string, string]>) => [...foreignSuppressions(new Map(annotations))];
    assert.deepEqual(reasons([['ignore-check.kube-linter.io/host-network', ' reads the node\'s interfaces ']]), [
      ['no-host-network', "reads the node's interfaces (ignore-check.kube-linter.io/host-network)"],
    ]);
    // kube-linter exempts whatever the value, an empty one included, but an empty value is no reason.
    assert.deepEqual(reasons([['ignore-check.kube-linter.io/host-network', '']]), [['no-host-network', undefined]]);
    assert.deepEqual(reasons([['ignore-check.kube-linter.io/host-pid', 'a'], ['ignore-check.kube-linter.io/host-ipc', 'b']]), [
      ['no-host-namespaces', 'a (ignore-check.kube-linter.io/host-pid); b (ignore-check.kube-linter.io/host-ipc)'],
    ]);
    assert.equal(foreignSuppressions(new Map([['kube-linter.io/ignore-all', 'legacy']])).get('no-privileged'), 'legacy (kube-linter.io/ignore-all)');
    assert.deepEqual(reasons([['polaris.fairwinds.com/hostNetworkSet-exempt', 'true']]), [['no-host-network', undefined]]);
    assert.deepEqual(reasons([['kube-score/ignore', 'container-security-context-privileged']]), [['no-privileged', undefined]]);
  });

  it('silences no-host-namespaces for hostPID and hostIPC together', () => {
    const pod = (annotations: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: ${annotations}}\nspec: {hostPID: true, containers: []}\n`;
    const ids = (text: string) => lintWithRules(text, [noHostNamespaces]).map((f) => f.ruleId);
    assert.deepEqual(ids(pod('{}')), ['no-host-namespaces']);
    assert.deepEqual(ids(pod('{ignore-check.kube-linter.io/host-pid: x}')), ['no-host-namespaces']);
    assert.deepEqual(ids(pod('{ignore-check.kube-linter.io/host-pid: x, ignore-check.kube-linter.io/host-ipc: x}')), []);
    assert.deepEqual(ids(pod('{polaris.fairwinds.com/hostPIDSet-exempt: "true", polaris.fairwinds.com/hostIPCSet-exempt: "true"}')), []);
  });

  it('takes the tools\' exempt-from-everything annotations', () => {
    const kubeLinter = foreignSuppressions(new Map([['kube-linter.io/ignore-all', '']]));
    assert.deepEqual([...kubeLinter.keys()].sort(), [...new Set(KUBE_LINTER.map((m) => m.rule))].sort());
    const polaris = foreignSuppressions(new Map([['polaris.fairwinds.com/exempt', 'true']]));
    assert.deepEqual([...polaris.keys()].sort(), [...new Set(POLARIS.map((m) => m.rule))].sort());
  });

  it('maps only to rules that exist', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const { rule } of [...KUBE_LINTER, ...POLARIS, ...KUBE_SCORE]) assert.ok(ids.has(rule), `${rule} is not a rule`);
  });
});

function byLine(a: string, b: string): number {
  return Number(a.split('@')[1]) - Number(b.split('@')[1]);
}
