// Every workload kind in the table is found at its pod spec path; look-alike kinds from other API groups are not.
import * as assert from 'node:assert/strict';
import { parseChunkText } from '../../server/src/engine/parse';
import { readWorkload, WORKLOAD_KINDS } from '../../server/src/engine/k8s/workload';
import { lintWithRules, yaml } from '../support/rule-tester';
import { rule as noPrivileged } from '../../server/src/engine/rules/no-privileged';
import { rule as liveness } from '../../server/src/engine/rules/require-liveness-probe';

/** A manifest of the given kind whose pod spec (at the table's path) holds one privileged container. */
function manifestFor(apiVersion: string, kind: string, podSpecPath: readonly string[]): string {
  const podSpec = ['containers:', '  - name: app', '    image: x:1', '    securityContext: {privileged: true}'];
  const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: w}'];
  podSpecPath.forEach((key, depth) => lines.push(`${'  '.repeat(depth)}${key}:`));
  for (const line of podSpec) lines.push('  '.repeat(podSpecPath.length) + line);
  return lines.join('\n') + '\n';
}

const API_VERSIONS: Record<string, string> = { '': 'v1', apps: 'apps/v1', extensions: 'extensions/v1beta1', batch: 'batch/v1' };

describe('workload table', () => {
  for (const workloadKind of WORKLOAD_KINDS) {
    for (const group of workloadKind.groups) {
      it(`finds the containers of ${group || 'core'} ${workloadKind.kind} at ${workloadKind.podSpecPath.join('.')}`, () => {
        const text = manifestFor(API_VERSIONS[group], workloadKind.kind, workloadKind.podSpecPath);
        const findings = lintWithRules(text, [noPrivileged]);
        assert.equal(findings.length, 1, text);
        assert.equal(findings[0].line, workloadKind.podSpecPath.length + 6, "on the securityContext line");
        const probeFindings = lintWithRules(text, [liveness]);
        assert.equal(probeFindings.length, workloadKind.longRunning ? 1 : 0, 'probes only for long-running kinds');
      });
    }
  }

  it('ignores a kind of the same name from another API group (a CRD)', () => {
    const text = manifestFor('example.com/v1', 'Deployment', ['spec', 'template', 'spec']);
    assert.deepEqual(lintWithRules(text, [noPrivileged]), []);
  });

  it('reads all three container lists, with their kinds and names', () => {
    const [document] = parseChunkText(yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        initContainers: [{name: i, image: x}]
        containers: [{name: c, image: x}, {image: y}]
        ephemeralContainers: [{name: e, image: x}]`);
    const workload = readWorkload(document)!;
    assert.deepEqual(
      workload.containers.map((c) => `${c.kind}:${c.name}`),
      ['container:c', 'container:#2', 'initContainer:i', 'ephemeralContainer:e'],
    );
    assert.equal(workload.name, 'p');
  });

  it('skips a workload whose pod spec is not a map (half-typed)', () => {
    const [document] = parseChunkText('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n');
    assert.equal(readWorkload(document), undefined);
  });
});
