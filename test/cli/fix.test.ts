// `kubewright lint --fix` and `--fix-dry-run`: what is written to disk (exactly the engine's fix-all, byte order
// mark kept), the diff printed instead, what is reported afterwards, and that a failed write changes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../../server/src/engine';
import { replaceFileAtomically } from '../../server/src/cli/run';
import { FIXTURES, makeTree, removeTree, runCli } from './harness';

const LIVENESS_HTTP = fs.readFileSync(path.join(FIXTURES, 'liveness-http.yaml'), 'utf8');

/** A Pod with one fixable finding set (all on one container) and one that has no fix: a docker socket mount. */
const SOCKET_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: agent}',
  'spec:',
  '  containers:',
  '    - name: agent  # ships logs',
  '      image: agent:1.0',
  '      securityContext:',
  '        privileged: true',
  '  volumes:',
  '    - name: sock',
  '      hostPath: {path: /var/run/docker.sock}',
  '',
].join('\n');

describe('cli: --fix', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({ 'pod.yaml': LIVENESS_HTTP, 'agent.yaml': SOCKET_POD, 'bom.yaml': `\uFEFF${LIVENESS_HTTP}` });
  });
  afterEach(() => removeTree(root));

  it('writes the fixed file, comments and the Service untouched, and reports nothing left', () => {
    const file = path.join(root, 'pod.yaml');
    const { exitCode, stdout, stderr } = runCli(['lint', '--fix', file]);
    assert.deepEqual({ exitCode, stdout, stderr }, { exitCode: 0, stdout: '', stderr: '' });
    const written = fs.readFileSync(file, 'utf8');
    assert.equal(written, fixAll(LIVENESS_HTTP).text);
    assert.ok(written.startsWith('# The liveness-http example Pod'), 'the leading comment is kept');
    assert.ok(written.endsWith(LIVENESS_HTTP.slice(LIVENESS_HTTP.indexOf('---'))), 'the Service is byte for byte the same');
    assert.deepEqual(fs.readdirSync(root).sort(), ['agent.yaml', 'bom.yaml', 'pod.yaml'], 'no temporary file is left');
  });

  it('keeps a byte order mark at the start of the file', () => {
    const file = path.join(root, 'bom.yaml');
    assert.equal(runCli(['lint', '--fix', file]).exitCode, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), `\uFEFF${fixAll(LIVENESS_HTTP).text}`);
  });

  it('reports what it cannot fix, with the exit code that calls for', () => {
    const file = path.join(root, 'agent.yaml');
    const { exitCode, stdout } = runCli(['lint', '--fix', file]);
    assert.equal(exitCode, 1, 'the docker socket mount is an error that no fix takes away');
    assert.deepEqual(
      stdout.split('\n').filter((line) => /^\s+\d+:\d+/.test(line)).map((line) => line.trim().split(/\s+/).pop()),
      ['no-host-path', 'no-container-socket'],
    );
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.includes('    - name: agent  # ships logs\n'), 'the comment on the container stays');
    assert.ok(written.includes('        privileged: false\n'));
  });

  it('changes nothing and exits 2 naming the file when it cannot be written', () => {
    const file = path.join(root, 'pod.yaml');
    const { exitCode, stdout, stderr } = runCli(['lint', '--fix', file], {
      replaceFile: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    assert.equal(exitCode, 2);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`^kubewright: cannot write ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    assert.equal(fs.readFileSync(file, 'utf8'), LIVENESS_HTTP);
  });
});

describe('cli: --fix-dry-run', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({ 'agent.yaml': SOCKET_POD });
  });
  afterEach(() => removeTree(root));

  // The expected diff is what GNU `diff -u` prints for the same change, but for the file names in its header.
  it('prints the fixes as a unified diff, then the report of what is left, and leaves the file alone', () => {
    const file = path.join(root, 'agent.yaml');
    const { exitCode, stdout } = runCli(['lint', '--fix-dry-run', file]);
    assert.equal(exitCode, 1);
    const diff = stdout.slice(0, stdout.indexOf(`\n${file}\n`));
    assert.equal(
      diff,
      [
        `--- ${file}`,
        `+++ ${file}`,
        '@@ -6,7 +6,26 @@',
        '     - name: agent  # ships logs',
        '       image: agent:1.0',
        '       securityContext:',
        '-        privileged: true',
        '+        privileged: false',
        '+        runAsNonRoot: true',
        '+        allowPrivilegeEscalation: false',
        '+        readOnlyRootFilesystem: true',
        '+      resources:',
        '+        requests:',
        '+          cpu: 100m',
        '+          memory: 128Mi',
        '+        limits:',
        '+          memory: 128Mi',
        '+      livenessProbe:',
        '+        tcpSocket:',
        '+          port: 8080',
        '+        periodSeconds: 10',
        '+        failureThreshold: 6',
        '+      readinessProbe:',
        '+        tcpSocket:',
        '+          port: 8080',
        '+        periodSeconds: 5',
        '+        failureThreshold: 3',
        '   volumes:',
        '     - name: sock',
        '       hostPath: {path: /var/run/docker.sock}',
        '',
      ].join('\n'),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), SOCKET_POD);
  });

  it('adds ESLint\'s "output" field to JSON results for files it would change', () => {
    const file = path.join(root, 'agent.yaml');
    const [result] = JSON.parse(runCli(['lint', '--fix-dry-run', '--format', 'json', file]).stdout);
    assert.equal(result.output, fixAll(SOCKET_POD).text);
    assert.deepEqual(
      result.messages.map((m: { ruleId: string }) => m.ruleId),
      ['no-host-path', 'no-container-socket'],
    );
    assert.equal(fs.readFileSync(file, 'utf8'), SOCKET_POD);
  });
});

describe('cli: atomic replace', () => {
  it('replaces the content, keeps the mode, and leaves no temporary file', () => {
    const root = makeTree({ 'a.yaml': 'old\n' });
    try {
      const file = path.join(root, 'a.yaml');
      fs.chmodSync(file, 0o640);
      replaceFileAtomically(file, 'new\n');
      assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(root), ['a.yaml']);
    } finally {
      removeTree(root);
    }
  });
});
