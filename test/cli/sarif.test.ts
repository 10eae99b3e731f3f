// `kubewright lint --format sarif`: valid against the SARIF 2.1.0 JSON schema (the one @microsoft/jest-sarif ships,
// checked by Ajv), one run naming every rule, and results with levels, relative URIs and UTF-16 regions.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, makeTree, removeTree, runCli, SUPPRESSED_POD } from './harness';
import { allRules } from '../../server/src/engine';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { assertValidSarif, validateSarif } from './sarif-schema';

describe('cli: --format sarif', () => {
  it('the validator rejects what is not SARIF (so a pass means something)', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'a driver without a name');
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] }), false);
  });

  it('writes one valid log for liveness-http.yaml, paths relative to the working directory', () => {
    const { exitCode, stdout, stderr } = runCli(['lint', '--format', 'sarif', 'liveness-http.yaml'], { cwd: FIXTURES });
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const log = JSON.parse(stdout);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'Kubewright');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), allRules.map((r) => r.meta.id));
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${FIXTURES}/`);
    assert.equal(run.results.length, 5);
    assert.deepEqual(run.results[0], {
      ruleId: 'run-as-non-root',
      ruleIndex: allRules.findIndex((r) => r.meta.id === 'run-as-non-root'),
      level: 'warning',
      message: { text: 'Container "liveness" may run as root: set securityContext.runAsNonRoot: true (pod or container), or a runAsUser above 0' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'liveness-http.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 10, startColumn: 5, endLine: 10, endColumn: 19 },
          },
        },
      ],
    });
  });

  it('describes each rule with its summary, docs page, help and default level', () => {
    const [run] = JSON.parse(runCli(['lint', '-f', 'sarif', path.join(FIXTURES, 'liveness-http.yaml')]).stdout).runs;
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'no-privileged');
    assert.equal(rule.shortDescription.text, 'A container runs privileged (`securityContext.privileged: true`).');
    assert.match(rule.helpUri, /^file:\/\/.*\/docs\/rules\/no-privileged\.md$/);
    assert.match(rule.help.markdown, /\*\*How to fix:\*\*/);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
  });

  it('encodes names in URIs, gives errors, infos as notes, columns in UTF-16 code units, and stays valid', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {annotations: {a: "😀"}, name: Bad_Name}\nspec: {hostNetwork: true, containers: []}\n';
    const root = makeTree({ 'my app/pod é.yaml': pod });
    try {
      const { stdout } = runCli(['lint', '--format', 'sarif', '.'], { cwd: root });
      const log = JSON.parse(stdout);
      assertValidSarif(log);
      const [result] = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'no-host-network');
      assert.equal(result.level, 'error');
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'my%20app/pod%20%C3%A9.yaml');
      assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 8, endLine: 4, endColumn: 25 });
      // The emoji before the bad name counts two UTF-16 code units, as columnKind says.
      const [name] = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'schema-name');
      const line = pod.split('\n')[2];
      assert.deepEqual(name.locations[0].physicalLocation.region, {
        startLine: 3,
        startColumn: line.indexOf('Bad_Name') + 1,
        endLine: 3,
        endColumn: line.indexOf('Bad_Name') + 'Bad_Name'.length + 1,
      });
      assert.equal(line.indexOf('Bad_Name'), [...line.slice(0, line.indexOf('Bad_Name'))].length + 1, 'the emoji is two code units');
    } finally {
      removeTree(root);
    }
    const note = formatSarif(
      [{ filePath: '/elsewhere/x.yaml', errorCount: 0, warningCount: 1, suppressedMessages: [], messages: [{ ruleId: 'missing-reference', severity: 1, level: 'info', message: 'm', line: 1, column: 2, endLine: 1, endColumn: 3 }] }],
      { cwd: '/work' },
    );
    const log = JSON.parse(note);
    assertValidSarif(log);
    assert.equal(log.runs[0].results[0].level, 'note');
    // Outside the working directory: an absolute file URI, no base.
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/x.yaml' });
  });

  it('reports the mistakes of an invalid .kubewright.yaml as config-file results in it, and stays valid', () => {
    const root = makeTree({ '.kubewright.yaml': 'profile: strict\n', 'pod.yaml': 'apiVersion: v1\nkind: Pod\n' });
    try {
      const { exitCode, stdout } = runCli(['lint', '--format', 'sarif', '.'], { cwd: root });
      assert.equal(exitCode, 2, 'nothing was linted');
      const log = JSON.parse(stdout);
      assertValidSarif(log);
      const [run] = log.runs;
      assert.deepEqual(run.results, [
        {
          ruleId: 'config-file',
          ruleIndex: allRules.findIndex((r) => r.meta.id === 'config-file'),
          level: 'error',
          message: { text: 'profile must be one of seed, pss-baseline, pss-restricted, all, got "strict"' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: '.kubewright.yaml', uriBaseId: '%SRCROOT%' },
                region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 },
              },
            },
          ],
        },
      ]);
      const rule = run.tool.driver.rules[run.results[0].ruleIndex];
      assert.match(rule.helpUri, /^file:\/\/.*\/docs\/rules\/config-file\.md$/);
      assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    } finally {
      removeTree(root);
    }
  });

  it('lists a finding a comment silences as a result suppressed inSource, with the reason as justification, and stays valid', () => {
    const root = makeTree({ 'pod.yaml': SUPPRESSED_POD });
    try {
      const { exitCode, stdout } = runCli(['lint', '--format', 'sarif', 'pod.yaml'], { cwd: root });
      assert.equal(exitCode, 0, 'a suppressed error does not fail the run');
      const log = JSON.parse(stdout);
      assertValidSarif(log);
      assert.deepEqual(log.runs[0].results, [
        {
          ruleId: 'no-host-network',
          ruleIndex: allRules.findIndex((r) => r.meta.id === 'no-host-network'),
          level: 'error',
          message: { text: 'Pod "p" uses the node\'s network (hostNetwork: true): expose it through a Service instead' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' },
                region: { startLine: 6, startColumn: 3, endLine: 6, endColumn: 20 },
              },
            },
          ],
          suppressions: [{ kind: 'inSource', justification: "reads the node's interfaces" }],
        },
      ]);
    } finally {
      removeTree(root);
    }
  });

  it('is valid with no results, and exits 1 when there are errors as the other formats do', () => {
    const clean = runCli(['lint', '--format', 'sarif', path.join(FIXTURES, 'following-all-practices.yaml')]);
    assert.equal(clean.exitCode, 0);
    assertValidSarif(JSON.parse(clean.stdout));
    assert.deepEqual(JSON.parse(clean.stdout).runs[0].results, []);
    const failing = runCli(['lint', '--format=sarif', path.join(FIXTURES, 'cli/privileged-host-network.yaml')]);
    assert.equal(failing.exitCode, 1);
    assertValidSarif(JSON.parse(failing.stdout));
  });
});
