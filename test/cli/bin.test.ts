// The shipped bundle end to end: `node dist/cli.js` as CI would run it, for its exit codes, its stdout and stderr
// through real pipes, and its version. Needs the bundle built (npm test's pretest builds it).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './harness';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const PRIVILEGED = path.join(FIXTURES, 'cli/privileged-host-network.yaml');

function kubewright(...args: string[]) {
  // Without the colour switches of the environment the tests run in, so the pipe decides.
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const child = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 15_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('cli: dist/cli.js', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node scripts/build.mjs\` first`);
  });

  it('starts with the #! line the bin entry needs', () => {
    assert.equal(fs.readFileSync(CLI, 'utf8').split('\n', 1)[0], '#!/usr/bin/env node');
  });

  it('exits 0 with JSON for a file with warnings only', () => {
    const { status, stdout, stderr } = kubewright('lint', '--format', 'json', path.join(FIXTURES, 'liveness-http.yaml'));
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const [result] = JSON.parse(stdout);
    assert.deepEqual([result.errorCount, result.warningCount, result.messages[0].line, result.messages[0].column], [0, 5, 10, 5]);
  });

  it('exits 1 on an error, with a plain (uncoloured) stylish report through a pipe', () => {
    const { status, stdout } = kubewright('lint', PRIVILEGED);
    assert.equal(status, 1);
    assert.ok(stdout.includes(`\n${PRIVILEGED}\n   6:3  error    Pod "web" uses the node's network`), stdout);
    assert.ok(stdout.endsWith('\n✖ 4 problems (2 errors, 2 warnings)\n'));
    assert.ok(!stdout.includes('\u001b'), 'no ANSI codes in piped output');
  });

  it('exits 2 naming a missing file, and on a usage error', () => {
    assert.deepEqual(kubewright('lint', PRIVILEGED, 'missing.yaml'), {
      status: 2,
      stdout: '',
      stderr: 'kubewright: "missing.yaml": no such file or folder\n',
    });
    const unknownCommand = kubewright('fix', PRIVILEGED);
    assert.equal(unknownCommand.status, 2);
    assert.equal(unknownCommand.stderr.split('\n')[0], 'kubewright: unknown command "fix"');
  });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    assert.deepEqual(kubewright('--version'), { status: 0, stdout: `${version}\n`, stderr: '' });
  });
});
