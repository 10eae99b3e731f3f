// Suppression comments: `# kubewright-disable-next-line`, `-line`, `disable` and `enable`, each with its exact scope
// (the next non-comment line, its own line, the rest of the `---` document), and what is not a directive.
import * as assert from 'node:assert/strict';
import { lintWithRules, yaml } from '../support/rule-tester';
import { rule as noPrivileged } from '../../server/src/engine/rules/no-privileged';
import { rule as noHostNetwork } from '../../server/src/engine/rules/no-host-network';
import { rule as unusedSuppression } from '../../server/src/engine/rules/unused-suppression';
import { readDirectives } from '../../server/src/engine/suppress/directives';

/** `ruleId@line` (1-based) of every finding, with the two rules under test and unused-suppression on. */
function found(text: string): string[] {
  return lintWithRules(text, [noPrivileged, noHostNetwork, unusedSuppression]).map((f) => `${f.ruleId}@${f.line + 1}`);
}

/** Two privileged containers and hostNetwork, with `directive` as the line before the first container. */
const pod = (directive: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    hostNetwork: true
    containers:
      ${directive}
      - name: a
        image: a:1
        securityContext: {privileged: true}
      - name: b
        image: b:1
        securityContext: {privileged: true}
`;

describe('suppress: comments', () => {
  it('without a directive, all three findings are reported', () => {
    assert.deepEqual(found(pod('# a plain comment')), ['no-host-network@5', 'no-privileged@10', 'no-privileged@13']);
  });

  it('disable-next-line silences the named rule on the next non-comment line only', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        # kubewright-disable-next-line no-host-network -- the node exporter reads the host's interfaces
        # another comment in between
        hostNetwork: true
        containers:
          - {name: a, image: a:1, securityContext: {privileged: true}}
    `;
    assert.deepEqual(found(text), ['no-privileged@9']);
  });

  it('disable-next-line does not reach past the next line, even a blank one', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        # kubewright-disable-next-line no-host-network

        hostNetwork: true
        containers: []
    `;
    assert.deepEqual(found(text), ['unused-suppression@5', 'no-host-network@7']);
  });

  it('disable-next-line takes several ids, with or without a reason', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          # kubewright-disable-next-line no-privileged,no-host-network
          - {name: a, image: a:1, securityContext: {privileged: true}}
      # kubewright-disable-next-line no-privileged , no-host-network -- both on purpose
        hostNetwork: true
    `;
    // Each directive silences one finding; the id that found nothing on its line is reported in each.
    assert.deepEqual(found(text), ['unused-suppression@6', 'unused-suppression@8']);
  });

  it('disable-line silences its own line', () => {
    const text = pod('').replace('hostNetwork: true', 'hostNetwork: true   # kubewright-disable-line no-host-network -- exporter');
    assert.deepEqual(found(text), ['no-privileged@10', 'no-privileged@13']);
  });

  it('disable silences from its line to the end of the document, and not the next --- document', () => {
    const text = pod('# kubewright-disable no-privileged -- both containers need the GPU driver') + '---\n' + pod('');
    assert.deepEqual(found(text), ['no-host-network@5', 'no-host-network@19', 'no-privileged@24', 'no-privileged@27']);
  });

  it('disable does not reach back above itself', () => {
    const text = pod('').replace('    - name: b', '    # kubewright-disable no-privileged\n    - name: b');
    assert.deepEqual(found(text), ['no-host-network@5', 'no-privileged@10']);
  });

  it('enable ends a disable for the rules it names, or for all', () => {
    const enable = (line: string) => pod('# kubewright-disable no-privileged').replace('    - name: b', `    ${line}\n    - name: b`);
    assert.deepEqual(found(enable('# kubewright-enable no-privileged')), ['no-host-network@5', 'no-privileged@14']);
    assert.deepEqual(found(enable('# kubewright-enable')), ['no-host-network@5', 'no-privileged@14']);
    assert.deepEqual(found(enable('# kubewright-enable no-host-network')), ['no-host-network@5']);
  });

  it('is not fooled by the words inside a block scalar, a string or a longer word', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          note: |
            # kubewright-disable no-host-network
          other: "# kubewright-disable no-host-network"
      spec:
        # kubewright-disabled no-host-network
        hostNetwork: true
        containers: []
    `;
    assert.deepEqual(found(text), ['no-host-network@11']);
  });

  it('reads each directive: kind, ids with their places, the reason, and where it is', () => {
    const text = 'a: 1\n  # kubewright-disable-next-line x, y -- why not\nb: 2  #kubewright-disable-line z\n';
    const [next, line] = readDirectives(text);
    assert.equal(next.kind, 'disable-next-line');
    assert.deepEqual(next.ids.map((n) => [n.id, text.slice(n.start, n.end), n.scope]), [
      ['x', 'x', [54, 87]],
      ['y', 'y', [54, 87]],
    ]);
    assert.equal(next.reason, 'why not');
    assert.equal(next.ownLine, true);
    assert.deepEqual([line.kind, line.ownLine, line.ids.map((n) => n.id), line.reason], ['disable-line', false, ['z'], undefined]);
  });
});
