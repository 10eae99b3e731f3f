// The injection grammar on fixture files (test/grammar/*.yaml: a `# SYNTAX TEST` header, then YAML with `^` assertion
// lines), run by vscode-tmgrammar-test on Oniguruma, injected into VS Code's own YAML grammar as it is in the editor.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = 'test/grammar/*.yaml';
const RUNNER = require.resolve('vscode-tmgrammar-test/dist/unit.js');
/** VS Code's built-in YAML grammars (source.yaml and the per-version ones it includes), as VS Code ships them. */
const YAML_GRAMMAR_DIR = path.join(path.dirname(require.resolve('@codingame/monaco-vscode-yaml-default-extension/package.json')), 'resources');
const YAML_GRAMMARS = fs.readdirSync(YAML_GRAMMAR_DIR).filter((f) => f.endsWith('.tmLanguage.json')).map((f) => path.join(YAML_GRAMMAR_DIR, f));

/** Runs the grammar tests on `fixtures` (a glob), with the grammars package.json contributes unless told otherwise. */
function runGrammarTests(fixtures: string, config = 'package.json'): { status: number | null; output: string } {
  const args = [RUNNER, '--config', config, ...YAML_GRAMMARS.flatMap((g) => ['-g', g]), fixtures];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-grammar-'));
}

describe('grammar fixtures (vscode-tmgrammar-test)', function () {
  this.timeout(60_000);

  it('cover the object identity and the suppression comments', () => {
    const fixtures = fs.readdirSync(path.join(ROOT, 'test/grammar')).sort();
    assert.deepEqual(fixtures, ['directives.yaml', 'object-identity.yaml']);
    assert.ok(YAML_GRAMMARS.some((g) => g.endsWith(`${path.sep}yaml.tmLanguage.json`)), `no yaml.tmLanguage.json in ${YAML_GRAMMAR_DIR}`);
  });

  it('hold: every assertion in test/grammar/*.yaml passes', () => {
    const { status, output } = runGrammarTests(FIXTURES);
    assert.equal(status, 0, output);
    assert.equal(output.match(/run successfuly/g)?.length, 2, output);
  });

  it('fail on a wrong assertion: the runner really checks', () => {
    const dir = tempDir();
    try {
      const wrong = ['# SYNTAX TEST "source.yaml" "a rule id is not a directive"', '# kubewright-disable no-host-path', '#                    ^^^^^^^^^^^^ keyword.other.directive.kubewright', ''];
      fs.writeFileSync(path.join(dir, 'wrong.yaml'), wrong.join('\n'));
      const { status, output } = runGrammarTests(path.join(dir, '*.yaml'));
      assert.notEqual(status, 0, output);
      assert.match(output, /missing required scopes: keyword\.other\.directive\.kubewright/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('test the injection grammar: with VS Code\'s YAML grammar alone they fail', () => {
    const dir = tempDir();
    try {
      const config = path.join(dir, 'package.json');
      fs.writeFileSync(config, JSON.stringify({ contributes: { grammars: [] } }));
      const { status, output } = runGrammarTests(FIXTURES, config);
      assert.notEqual(status, 0, output);
      assert.match(output, /object-identity\.yaml failed/);
      assert.match(output, /directives\.yaml failed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
