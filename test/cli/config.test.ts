// `kubewright lint` and .kubewright.yaml: the nearest one above each file applies, --config names one for all,
// command-line options override it, its excludes leave files out, and an invalid one stops the run, its mistakes
// reported as config-file errors in the output format asked for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, HOST_NETWORK_POD, makeTree, removeTree, runCli } from './harness';

const OLD_INGRESS = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec: {backend: {serviceName: s, servicePort: 80}}\n';

/** Rule ids reported per file (relative to root), from --format json. */
function reported(root: string, stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
  return Object.fromEntries(results.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages.map((m) => m.ruleId)]));
}

describe('cli: .kubewright.yaml and --config', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('applies the nearest .kubewright.yaml above each file, and does not lint the config file itself', () => {
    root = makeTree({
      '.kubewright.yaml': 'rules:\n  no-host-network: off\n',
      'quiet/pod.yaml': HOST_NETWORK_POD,
      'loud/.kubewright.yaml': 'rules:\n  no-host-network: warning\n',
      'loud/pod.yaml': HOST_NETWORK_POD,
    });
    const run = runCli(['lint', '--format', 'json', root]);
    assert.equal(run.stderr, '');
    assert.deepEqual(reported(root, run.stdout), { 'loud/pod.yaml': ['no-host-network'], 'quiet/pod.yaml': [] });
    assert.equal(run.exitCode, 0, 'the warning is not an error');
  });

  it('finds the config above the file even when the file is given by a relative path from another folder', () => {
    root = makeTree({ 'k8s/.kubewright.yaml': 'rules: {no-host-network: off}\n', 'k8s/app/pod.yaml': HOST_NETWORK_POD });
    const run = runCli(['lint', '--format', 'json', 'k8s/app/pod.yaml'], { cwd: root });
    assert.deepEqual(reported(root, run.stdout), { 'k8s/app/pod.yaml': [] });
  });

  it('--config uses the named file for every file, and no other', () => {
    root = makeTree({
      '.kubewright.yaml': 'rules: {no-host-network: off}\n',
      'ci.yaml.conf': 'rules: {no-host-network: info}\n',
      'pod.yaml': HOST_NETWORK_POD,
    });
    const run = runCli(['lint', '--format', 'json', '--config', 'ci.yaml.conf', 'pod.yaml'], { cwd: root });
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>;
    assert.deepEqual(result.messages.map((m) => [m.ruleId, m.severity]), [['no-host-network', 1]]);
  });

  it('lets --profile and --kubernetes-version override the file', () => {
    const liveness = fs.readFileSync(path.join(FIXTURES, 'liveness-http.yaml'), 'utf8');
    root = makeTree({ '.kubewright.yaml': 'profile: pss-baseline\nkubernetesVersion: "1.21"\n', 'pod.yaml': liveness, 'ingress.yaml': OLD_INGRESS });
    const fromFile = runCli(['lint', '--format', 'json', root]);
    assert.deepEqual(reported(root, fromFile.stdout), { 'ingress.yaml': ['deprecated-api'], 'pod.yaml': [] });
    assert.equal(fromFile.exitCode, 0, 'extensions/v1beta1 is only deprecated in 1.21');
    const overridden = runCli(['lint', '--format', 'json', '--profile', 'seed', '--kubernetes-version', '1.22', root]);
    assert.ok(reported(root, overridden.stdout)['pod.yaml'].includes('read-only-root-fs'), overridden.stdout);
    assert.equal(overridden.exitCode, 1, 'removed in 1.22: an error');
  });

  it("skips files the file's exclude globs match in folder walks, but lints a file named on the command line", () => {
    root = makeTree({ '.kubewright.yaml': 'exclude: ["vendor"]\n', 'vendor/pod.yaml': HOST_NETWORK_POD, 'app/pod.yaml': HOST_NETWORK_POD });
    assert.deepEqual(Object.keys(reported(root, runCli(['lint', '--format', 'json', root]).stdout)), ['app/pod.yaml']);
    const named = runCli(['lint', '--format', 'json', path.join(root, 'vendor/pod.yaml')]);
    assert.deepEqual(reported(root, named.stdout), { 'vendor/pod.yaml': ['no-host-network'] });
  });

  it('stops with exit code 2 on an invalid config, its mistakes the report (code config-file), once however many files it governs', () => {
    root = makeTree({ '.kubewright.yaml': 'rules:\n  no-host-network: loud\n', 'a.yaml': HOST_NETWORK_POD, 'b.yaml': HOST_NETWORK_POD });
    const config = path.join(root, '.kubewright.yaml');
    const mistake = 'rules.no-host-network must be off, info, warning or error, or { severity, options }, got "loud"';
    const run = runCli(['lint', root]);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stdout, `\n${config}\n  2:3  error  ${mistake}  config-file\n\n\u2716 1 problem (1 error, 0 warnings)\n`);
    assert.equal(run.stderr, `kubewright: ${config} has mistakes (config-file): no file was linted\n`);

    const json = runCli(['lint', '--format', 'json', root]);
    assert.equal(json.exitCode, 2);
    const [result, ...others] = JSON.parse(json.stdout) as Array<{ filePath: string; errorCount: number; messages: unknown[] }>;
    assert.deepEqual(others, [], 'the files it governs are not linted');
    assert.equal(result.filePath, config);
    assert.equal(result.errorCount, 1);
    assert.deepEqual(result.messages, [{ ruleId: 'config-file', severity: 2, message: mistake, line: 2, column: 3, endLine: 2, endColumn: 18 }]);
  });

  it('names the mistakes with file:line:column and their code on stderr when another problem stops the run first', () => {
    root = makeTree({ 'app/.kubewright.yaml': 'profle: all\n', 'app/pod.yaml': HOST_NETWORK_POD, 'image.yaml': 'a\u0000b' });
    const run = runCli(['lint', root]);
    assert.equal(run.exitCode, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `kubewright: cannot read ${path.join(root, 'image.yaml')}: not a text file\n` +
        `kubewright: ${path.join(root, 'app/.kubewright.yaml')}:1:1: unknown key "profle": .kubewright.yaml takes profile, rules, kubernetesVersion, exclude (config-file)\n`,
    );
  });

  it('fails with exit code 2 when --config names a missing file, and without a value', () => {
    root = makeTree({ 'pod.yaml': HOST_NETWORK_POD });
    const missing = runCli(['lint', '--config', 'nope.yaml', 'pod.yaml'], { cwd: root });
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /cannot read .*nope\.yaml/);
    const noValue = runCli(['lint', 'pod.yaml', '--config'], { cwd: root });
    assert.equal(noValue.exitCode, 2);
    assert.match(noValue.stderr, /option --config needs a value/);
  });
});
