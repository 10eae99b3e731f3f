// The command line as data: options in any order and spelling, and each usage error's message.
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';

describe('cli: arguments', () => {
  it('defaults to stylish, not quiet, and keeps PATHs in the order given', () => {
    assert.deepEqual(parseArgs(['lint', 'b.yaml', 'a/', 'k8s/**/*.yml']), {
      ok: true,
      command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['b.yaml', 'a/', 'k8s/**/*.yml'], fix: 'none' },
    });
  });

  it('reads --fix and --fix-dry-run', () => {
    assert.deepEqual(parseArgs(['lint', '--fix', 'x.yaml']), {
      ok: true,
      command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['x.yaml'], fix: 'write' },
    });
    assert.deepEqual(parseArgs(['lint', 'x.yaml', '--fix-dry-run']), {
      ok: true,
      command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['x.yaml'], fix: 'dry-run' },
    });
  });

  it('reads --format VALUE, --format=VALUE and -f VALUE, and options before or after PATHs', () => {
    const expected = { ok: true, command: { kind: 'lint', format: 'json', quiet: true, paths: ['x.yaml', 'y.yaml'], fix: 'none' } };
    assert.deepEqual(parseArgs(['lint', '--format', 'json', '--quiet', 'x.yaml', 'y.yaml']), expected);
    assert.deepEqual(parseArgs(['lint', 'x.yaml', '--format=json', 'y.yaml', '--quiet']), expected);
    assert.deepEqual(parseArgs(['lint', '-f', 'json', 'x.yaml', '--quiet', 'y.yaml']), expected);
  });

  it('reads --kubernetes-version VALUE and --kubernetes-version=VALUE', () => {
    const expected = { ok: true, command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['x.yaml'], fix: 'none', kubernetesVersion: '1.22' } };
    assert.deepEqual(parseArgs(['lint', '--kubernetes-version', '1.22', 'x.yaml']), expected);
    assert.deepEqual(parseArgs(['lint', 'x.yaml', '--kubernetes-version=1.22']), expected);
  });

  it('reads --profile NAME and --profile=NAME', () => {
    const expected = { ok: true, command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['x.yaml'], fix: 'none', profile: 'pss-restricted' } };
    assert.deepEqual(parseArgs(['lint', '--profile', 'pss-restricted', 'x.yaml']), expected);
    assert.deepEqual(parseArgs(['lint', 'x.yaml', '--profile=pss-restricted']), expected);
  });

  it('takes everything after -- as a PATH, even names that look like options', () => {
    assert.deepEqual(parseArgs(['lint', '--', '--quiet', '-f']), {
      ok: true,
      command: { kind: 'lint', format: 'stylish', quiet: false, paths: ['--quiet', '-f'], fix: 'none' },
    });
  });

  it('answers --help and -h anywhere, even beside a mistake', () => {
    assert.deepEqual(parseArgs(['--help']), { ok: true, command: { kind: 'help' } });
    assert.deepEqual(parseArgs(['lint', '-h']), { ok: true, command: { kind: 'help' } });
    assert.deepEqual(parseArgs(['lint', '--bogus', '--help']), { ok: true, command: { kind: 'help' } });
  });

  it('answers --version without a command', () => {
    assert.deepEqual(parseArgs(['--version']), { ok: true, command: { kind: 'version' } });
  });

  const usageErrors: Array<[string[], string]> = [
    [[], 'no command given'],
    [['check', 'x.yaml'], 'unknown command "check"'],
    [['x.yaml'], 'unknown command "x.yaml"'],
    [['lint'], 'no PATH given: name the files, folders or globs to lint'],
    [['lint', '--quiet'], 'no PATH given: name the files, folders or globs to lint'],
    [['lint', '--fixes', 'x.yaml'], 'unknown option "--fixes"'],
    [['lint', '--fix', '--fix-dry-run', 'x.yaml'], 'use --fix or --fix-dry-run, not both'],
    [['lint', '--fix=yes', 'x.yaml'], 'option --fix takes no value'],
    [['lint', '-q', 'x.yaml'], 'unknown option "-q"'],
    [['lint', '--format', 'xml', 'x.yaml'], 'unknown format "xml": use stylish, json or sarif'],
    [['lint', 'x.yaml', '--format'], 'option --format needs a value: stylish, json or sarif'],
    [['lint', '--format=', 'x.yaml'], 'option --format needs a value: stylish, json or sarif'],
    [['lint', '--quiet=yes', 'x.yaml'], 'option --quiet takes no value'],
    [['lint', 'x.yaml', '--kubernetes-version'], 'option --kubernetes-version needs a value: a Kubernetes minor version such as 1.36'],
    [['lint', '--kubernetes-version', 'v1.22', 'x.yaml'], 'bad Kubernetes version "v1.22": give a minor version such as 1.36'],
    [['lint', '--kubernetes-version=1.22.3', 'x.yaml'], 'bad Kubernetes version "1.22.3": give a minor version such as 1.36'],
    [['lint', 'x.yaml', '--profile'], 'option --profile needs a value: seed, pss-baseline, pss-restricted, all'],
    [['lint', '--profile', 'restricted', 'x.yaml'], 'unknown profile "restricted": use seed, pss-baseline, pss-restricted, all'],
  ];
  for (const [argv, error] of usageErrors) {
    it(`rejects \`${['kubewright', ...argv].join(' ')}\`: ${error}`, () => {
      assert.deepEqual(parseArgs(argv), { ok: false, error });
    });
  }
});
