// A rule tester in the house style: fixtures carry their expected findings as caret comment lines under the
// text they point at, and the tester asserts exactly those findings (position and message), nothing more.
//
//     - name: web
//   # ^^^^^^^^^ may run as root        <- columns of the finding on the line above, and a fragment of its message
import * as assert from 'node:assert/strict';
import { ManifestLinter, LineIndex } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine';

/** Template tag that strips the common indentation and the first empty line, so fixtures can sit indented in code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export interface ExpectedFinding {
  line: number;
  start: number;
  end: number;
  messageFragment: string;
}

const MARKER = /^\s*#\s*(\^+)\s*(.*)$/;

/** Splits a fixture into the text to lint and the findings its caret lines promise (0-based lines and columns). */
export function readMarkers(fixture: string): { text: string; expected: ExpectedFinding[] } {
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of fixture.split('\n')) {
    const m = MARKER.exec(line);
    if (m && kept.length > 0) {
      const start = line.indexOf('^');
      expected.push({ line: kept.length - 1, start, end: start + m[1].length, messageFragment: m[2].trim() });
    } else {
      kept.push(line);
    }
  }
  return { text: kept.join('\n'), expected };
}

export interface ActualFinding {
  line: number;
  start: number;
  end: number;
  message: string;
  ruleId: string;
}

export function lintWithRules(text: string, rules: readonly Rule[], ruleOptions: Record<string, unknown> = {}): ActualFinding[] {
  const config = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, { severity: r.meta.severity, options: ruleOptions }])) };
  const errors: unknown[] = [];
  const findings = new ManifestLinter(config, { rules, onRuleError: (_id, e) => errors.push(e) }).lint(text);
  if (errors.length) throw errors[0];
  const index = new LineIndex(text);
  return findings.map((f) => {
    const start = index.positionAt(f.start);
    const end = index.positionAt(f.end);
    assert.equal(end.line, start.line, `finding "${f.message}" spans lines ${start.line}-${end.line}; findings should sit on one line`);
    return { line: start.line, start: start.character, end: end.character, message: f.message, ruleId: f.ruleId };
  });
}

/** Asserts that linting the fixture with `rule` alone gives exactly the findings its caret lines describe. */
export function assertFindings(rule: Rule, fixture: string, ruleOptions: Record<string, unknown> = {}): void {
  const { text, expected } = readMarkers(fixture);
  const actual = lintWithRules(text, [rule], ruleOptions);
  const where = (f: { line: number; start: number; end: number }) => `${f.line + 1}:${f.start + 1}-${f.end + 1}`;
  assert.deepEqual(
    actual.map(where),
    expected.map(where),
    `findings at other places than marked.\nactual:\n${actual.map((f) => `  ${where(f)} ${f.message}`).join('\n')}\n`,
  );
  expected.forEach((e, i) => {
    assert.ok(actual[i].message.includes(e.messageFragment), `message "${actual[i].message}" lacks "${e.messageFragment}"`);
  });
}

export interface RuleTests {
  valid: string[];
  invalid: Array<string | { code: string; options?: Record<string, unknown> }>;
  /** Valid only with these options. */
  validWithOptions?: Array<{ code: string; options: Record<string, unknown> }>;
}

/** Registers mocha tests for a rule: its docs examples, every valid fixture clean, every invalid one exact. */
export function runRuleTests(rule: Rule, tests: RuleTests): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('reports on its docs "bad" example and not on its "good" one', () => {
      assert.ok(lintWithRules(rule.meta.docs.bad, [rule]).length > 0, 'bad example gave no finding');
      assert.deepEqual(lintWithRules(rule.meta.docs.good, [rule]), [], 'good example gave findings');
    });
    tests.valid.forEach((code, i) => {
      it(`valid #${i + 1}`, () => {
        const { text, expected } = readMarkers(code);
        assert.equal(expected.length, 0, 'a valid fixture should have no markers');
        assert.deepEqual(lintWithRules(text, [rule]), []);
      });
    });
    (tests.validWithOptions ?? []).forEach(({ code, options }, i) => {
      it(`valid with options #${i + 1}`, () => assert.deepEqual(lintWithRules(code, [rule], options), []));
    });
    tests.invalid.forEach((test, i) => {
      const { code, options } = typeof test === 'string' ? { code: test, options: {} } : { options: {}, ...test };
      it(`invalid #${i + 1}`, () => {
        assert.ok(readMarkers(code).expected.length > 0, 'an invalid fixture needs at least one marker');
        assertFindings(rule, code, options);
      });
    });
  });
}
