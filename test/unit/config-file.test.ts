// .kubewright.yaml: the settings' keys as data, each mistake reported at the key it concerns, a file with any
// mistake not used at all, and nothing in it evaluated or expanded without bound.
import * as assert from 'node:assert/strict';
import { alwaysOnMessage, configProblemFinding, excludedByConfig, layerConfig, lineAndColumn, parseConfigFile, ruleById } from '../../server/src/engine';

/** Each problem as "text it marks: message", so a test shows where it points. */
function problemsOf(text: string): string[] {
  return parseConfigFile(text).problems.map((p) => `${text.slice(p.start, p.end)}: ${p.message}`);
}

describe('engine: .kubewright.yaml', () => {
  it('reads every key: profile, rules (bare or with options), kubernetesVersion as written, exclude', () => {
    const result = parseConfigFile(
      [
        'profile: pss-restricted',
        'kubernetesVersion: 1.30   # a float to YAML, 1.30 to the user',
        'rules:',
        '  read-only-root-fs: off',
        '  require-requests-limits: {severity: error, options: {cpuLimit: true}}',
        '  run-as-non-root: {options: {x: 1}}',
        'exclude: [vendor/**, "**/generated/**"]',
      ].join('\n'),
    );
    assert.deepEqual(result, {
      config: {
        lint: {
          profile: 'pss-restricted',
          kubernetesVersion: '1.30',
          rules: {
            'read-only-root-fs': 'off',
            'require-requests-limits': { severity: 'error', options: { cpuLimit: true } },
            'run-as-non-root': { severity: 'warning', options: { x: 1 } },
          },
        },
        exclude: ['vendor/**', '**/generated/**'],
      },
      problems: [],
    });
  });

  it('takes an empty file or one with only comments as an empty configuration', () => {
    assert.deepEqual(parseConfigFile(''), { config: { lint: {} }, problems: [] });
    assert.deepEqual(parseConfigFile('# nothing yet\n'), { config: { lint: {} }, problems: [] });
  });

  it('reports each invalid field at its key, with what it expected and what it got, and then gives no config', () => {
    const text = [
      'profile: strict',
      'kubernetesVersion: latest',
      'rules:',
      '  no-such-rule: off',
      '  run-as-non-root: loud',
      '  no-privileged: {severity: high, color: red}',
      'exclude: vendor/**',
    ].join('\n');
    assert.equal(parseConfigFile(text).config, undefined);
    assert.deepEqual(problemsOf(text), [
      'profile: profile must be one of seed, pss-baseline, pss-restricted, all, got "strict"',
      'kubernetesVersion: kubernetesVersion must be a Kubernetes minor version such as "1.36", got "latest"',
      'no-such-rule: rules: no rule is called "no-such-rule" (kubewright rules lists them)',
      'run-as-non-root: rules.run-as-non-root must be off, info, warning or error, or { severity, options }, got "loud"',
      'severity: severity must be off, info, warning or error, got "high"',
      'color: unknown key "color" in a rule setting: use severity and options',
      'exclude: exclude must be a list of glob patterns such as "vendor/**", got "vendor/**"',
    ]);
  });

  it('refuses a setting for config-file, which is always reported', () => {
    assert.deepEqual(problemsOf('rules:\n  config-file: off\n'), [`config-file: ${alwaysOnMessage('config-file')}`]);
  });

  it("reports mistakes as config-file errors, and the rule's docs examples behave (bad: mistakes, good: none)", () => {
    const { bad, good } = ruleById('config-file')!.meta.docs;
    const findings = parseConfigFile(bad).problems.map(configProblemFinding);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, bad.slice(f.start, f.end)]),
      [['config-file', 'error', 'profle'], ['config-file', 'error', 'read-only-root-fs'], ['config-file', 'error', 'run-as-nonroot']],
    );
    assert.deepEqual(parseConfigFile(good).problems, []);
  });

  it('reports unknown keys (a typo must not be silently ignored)', () => {
    assert.deepEqual(problemsOf('profle: all\n'), ['profle: unknown key "profle": .kubewright.yaml takes profile, rules, kubernetesVersion, exclude']);
  });

  it('reports a root that is not a mapping, a second document, and YAML syntax errors', () => {
    assert.deepEqual(problemsOf('- profile'), ['- profile: .kubewright.yaml must be a mapping of profile, rules, kubernetesVersion, exclude']);
    assert.match(problemsOf('profile: all\n---\nprofile: seed\n')[0], /must hold one YAML document, not 2/);
    assert.equal(parseConfigFile('profile: all\nprofile: seed\n').problems.length, 1, 'duplicate keys');
    assert.equal(parseConfigFile('rules: {a: \n').config, undefined);
  });

  it('evaluates nothing: custom tags are reported, not resolved', () => {
    const result = parseConfigFile('profile: !!js/function "function () { process.exit(1) }"\n');
    assert.equal(result.config, undefined);
    assert.match(result.problems[0].message, /tag/i);
  });

  it('bounds aliases: a billion-laughs file is refused quickly, a shared anchor is fine', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) laughs.push(`${'abcdefghijklm'[i]}: &${'abcdefghijklm'[i]} [${Array(10).fill(`*${'abcdefghijklm'[i - 1]}`).join(', ')}]`);
    const refused = parseConfigFile(laughs.join('\n'));
    assert.equal(refused.config, undefined);
    assert.match(refused.problems[0].message, /alias/i);

    const shared = parseConfigFile('rules:\n  read-only-root-fs: &quiet info\n  require-readiness-probe: *quiet\n');
    assert.deepEqual(shared.config?.lint.rules, { 'read-only-root-fs': 'info', 'require-readiness-probe': 'info' });
  });

  it('layers settings: the top replaces profile and version and overrides rules one by one', () => {
    assert.deepEqual(
      layerConfig({ profile: 'all', kubernetesVersion: '1.20', rules: { a: 'off', b: 'info' } }, { profile: 'seed', rules: { b: 'error' } }),
      { profile: 'seed', kubernetesVersion: '1.20', rules: { a: 'off', b: 'error' } },
    );
  });

  it('excludes, relative to the config file\'s folder, what a glob matches and what is below a folder it names', () => {
    const globs = ['vendor', 'charts/', '**/generated/**', '*.tmp.yaml'];
    const excluded = ['vendor/a.yaml', 'vendor/x/b.yaml', 'charts/c/values.yaml', 'app/generated/d.yaml', 'e.tmp.yaml', 'vendor/.hidden/f.yaml'];
    const kept = ['app/vendor.yaml', 'app/vendor/g.yaml', 'app/h.tmp.yaml', 'charts.yaml', '../vendor/i.yaml'];
    assert.deepEqual(excluded.filter((file) => !excludedByConfig(globs, file)), []);
    assert.deepEqual(kept.filter((file) => excludedByConfig(globs, file)), []);
  });

  it('gives 1-based lines and columns for CLI messages', () => {
    assert.deepEqual(lineAndColumn('a: 1\nprofile: x\n', 5), { line: 2, column: 1 });
    assert.deepEqual(lineAndColumn('a: 1\nprofile: x\n', 14), { line: 2, column: 10 });
  });
});
