// Cross-file fixtures: a folder of YAML files is one workspace; caret comment lines under a text say which finding
// sits there (`# ^^^ rule-id: message fragment`). The tester indexes every file and asserts exactly those findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, isWorkspaceRule, lintWorkspace, LineIndex, WorkspaceIndex } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine';
import { readMarkers } from './rule-tester';

export const CROSS_FILE_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/cross-file');

export function yamlFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  }).sort();
}

export const workspaceRules: readonly Rule[] = allRules.filter(isWorkspaceRule);

/** Every rule at its default severity, as one config. */
const DEFAULTS = { rules: Object.fromEntries(workspaceRules.map((r) => [r.meta.id, r.meta.severity])) };

/** Indexes texts by file name and returns each file's findings as `line:col-col rule-id: message`. */
export function lintFiles(texts: ReadonlyMap<string, string>, rules: readonly Rule[] = workspaceRules): Map<string, string[]> {
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) index.setFile(file, text);
  const errors: unknown[] = [];
  const found = lintWorkspace(index, DEFAULTS, texts.keys(), { rules, onRuleError: (_id, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  const out = new Map<string, string[]>();
  for (const [file, findings] of found) {
    const lines = new LineIndex(texts.get(file)!);
    out.set(file, findings.map((f) => {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      assert.equal(e.line, s.line, `${f.message} spans lines`);
      return `${s.line + 1}:${s.character + 1}-${e.character + 1} ${f.ruleId}: ${f.message}`;
    }));
  }
  return out;
}

/** Asserts a fixture workspace's findings are exactly those its caret lines mark. */
export function assertWorkspace(folder: string): void {
  const texts = new Map<string, string>();
  const expected = new Map<string, Array<{ where: string; fragment: string }>>();
  for (const file of yamlFilesUnder(folder)) {
    const { text, expected: marks } = readMarkers(fs.readFileSync(file, 'utf8'));
    const rel = path.relative(folder, file).split(path.sep).join('/');
    texts.set(rel, text);
    expected.set(rel, marks.map((m) => ({ where: `${m.line + 1}:${m.start + 1}-${m.end + 1}`, fragment: m.messageFragment })));
  }
  const actual = lintFiles(texts);
  for (const [file, marks] of expected) {
    const got = actual.get(file) ?? [];
    assert.deepEqual(got.map((g) => g.split(' ')[0]), marks.map((m) => m.where), `${file}: findings at other places than marked:\n${got.join('\n')}`);
    marks.forEach((m, i) => {
      const [ruleId, fragment] = m.fragment.split(/:\s*(.*)/s);
      assert.ok(got[i].includes(` ${ruleId}: `) && got[i].includes(fragment ?? ''), `${file}: "${got[i]}" is not "${m.fragment}"`);
    });
  }
}
