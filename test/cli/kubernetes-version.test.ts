// `kubewright lint --kubernetes-version`: the same Ingress is an error where its apiVersion is removed, a warning
// where it is only deprecated, and `--fix` migrates it only for a version that serves the replacement.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, makeTree, removeTree, runCli } from './harness';

const INGRESS = path.join(FIXTURES, 'migrations/liveness-ingress.yaml');

function deprecatedApiMessages(stdout: string): Array<{ severity: number; message: string; line: number }> {
  const [result] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; severity: number; message: string; line: number }> }>;
  return result.messages.filter((m) => m.ruleId === 'deprecated-api').map(({ severity, message, line }) => ({ severity, message, line }));
}

describe('cli: --kubernetes-version', () => {
  it('reports a removed apiVersion as an error by default and a deprecated one as a warning for 1.21', () => {
    const latest = runCli(['lint', '--format', 'json', INGRESS]);
    assert.equal(latest.exitCode, 1);
    assert.deepEqual(deprecatedApiMessages(latest.stdout), [
      { severity: 2, message: 'extensions/v1beta1 Ingress was removed in Kubernetes 1.22: use networking.k8s.io/v1', line: 2 },
    ]);

    const older = runCli(['lint', '--format', 'json', '--kubernetes-version', '1.21', INGRESS]);
    assert.equal(older.exitCode, 0, 'a warning alone does not fail the run');
    assert.deepEqual(deprecatedApiMessages(older.stdout), [
      { severity: 1, message: 'extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed in 1.22: use networking.k8s.io/v1', line: 2 },
    ]);

    const beforeDeprecation = runCli(['lint', '--format', 'json', '--kubernetes-version', '1.13', INGRESS]);
    assert.deepEqual(deprecatedApiMessages(beforeDeprecation.stdout), []);
  });

  it('--fix migrates for 1.19, which serves networking.k8s.io/v1, and leaves the file alone for 1.18, which does not', () => {
    const root = makeTree({ 'ingress.yaml': fs.readFileSync(INGRESS, 'utf8') });
    try {
      const file = path.join(root, 'ingress.yaml');
      const old = runCli(['lint', '--fix', '--format', 'json', '--kubernetes-version', '1.18', file]);
      assert.deepEqual(deprecatedApiMessages(old.stdout), [
        {
          severity: 1,
          message: 'extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed in 1.22: use networking.k8s.io/v1 (served from Kubernetes 1.19 on)',
          line: 2,
        },
      ]);
      assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(INGRESS, 'utf8'));

      const fixed = runCli(['lint', '--fix', '--format', 'json', '--kubernetes-version', '1.19', file]);
      assert.deepEqual(deprecatedApiMessages(fixed.stdout), []);
      assert.match(fs.readFileSync(file, 'utf8'), /^apiVersion: networking\.k8s\.io\/v1$/m);
    } finally {
      removeTree(root);
    }
  });
});
