// `kubewright lint --profile`: the same file reports the seed practices by default and only the Pod Security
// Standards' controls under a PSS profile.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, runCli } from './harness';

const LIVENESS = path.join(FIXTURES, 'liveness-http.yaml');

function ruleIds(stdout: string): string[] {
  const [result] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
  return [...new Set(result.messages.map((m) => m.ruleId))].sort();
}

describe('cli: --profile', () => {
  it('runs the seed practices by default, none of them under pss-baseline, and the restricted controls under pss-restricted', () => {
    const seed = runCli(['lint', '--format', 'json', LIVENESS]);
    assert.deepEqual(ruleIds(seed.stdout), ['no-privilege-escalation', 'read-only-root-fs', 'require-readiness-probe', 'require-requests-limits', 'run-as-non-root']);
    const baseline = runCli(['lint', '--format', 'json', '--profile', 'pss-baseline', LIVENESS]);
    assert.deepEqual(ruleIds(baseline.stdout), []);
    const restricted = runCli(['lint', '--format', 'json', '--profile=pss-restricted', LIVENESS]);
    assert.ok(ruleIds(restricted.stdout).includes('run-as-non-root'), restricted.stdout);
    assert.ok(!ruleIds(restricted.stdout).includes('read-only-root-fs'), 'read-only-root-fs is not a PSS control');
  });

  it('rejects a profile it does not know, with exit code 2', () => {
    const run = runCli(['lint', '--profile', 'strict', LIVENESS]);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /unknown profile "strict"/);
  });
});
