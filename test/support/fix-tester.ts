// Exact-output fixture tests for quick fixes, after rust-analyzer's `check_fix` and ESLint RuleTester's `output`:
// lint the input with one rule, take one finding's fix, apply its edits, and compare the whole text.
import * as assert from 'node:assert/strict';
import { applyEdits, ManifestLinter } from '../../server/src/engine';
import type { Finding, Fix, Rule } from '../../server/src/engine';
import { rule as yamlSyntax } from '../../server/src/engine/rules/yaml-syntax';

export interface FixChoice {
  /** A fragment of the fix's title; without it, the finding's preferred fix. */
  title?: string;
  /** A fragment of the finding's message, when the input has more than one finding of the rule. */
  finding?: string;
  /** The rule's options, as a user would set them. */
  options?: Record<string, unknown>;
}

/** What stays the same for a finding while a fix moves text around: its rule and message. */
const identity = (f: Finding) => `${f.ruleId}: ${f.message}`;

/** Lints with `rule` alone (options as given); a rule that throws fails the test instead of going quiet. */
export function lintOne(text: string, rule: Rule, options: Record<string, unknown> = {}): Finding[] {
  const errors: unknown[] = [];
  const config = { rules: { [rule.meta.id]: { severity: rule.meta.severity, options } } };
  const findings = new ManifestLinter(config, { rules: [rule], onRuleError: (_id, e) => errors.push(e) }).lint(text);
  if (errors.length) throw errors[0];
  return findings;
}

/** The one finding the test is about: the only one, or the only one whose message holds `fragment`. */
function chooseFinding(findings: readonly Finding[], fragment: string | undefined): Finding {
  const matching = fragment === undefined ? findings : findings.filter((f) => f.message.includes(fragment));
  const listed = findings.map((f) => `  ${f.message}`).join('\n');
  assert.equal(matching.length, 1, `expected one finding${fragment ? ` with "${fragment}"` : ''}, found:\n${listed}\n`);
  return matching[0];
}

/** The finding's fix with `title` in its title, or its preferred one. */
function chooseFix(fixes: readonly Fix[], title: string | undefined): Fix {
  const matching = title === undefined ? fixes.filter((f) => f.preferred) : fixes.filter((f) => f.title.includes(title));
  const listed = fixes.map((f) => `  ${f.preferred ? '*' : ' '} ${f.title}`).join('\n');
  assert.equal(matching.length, 1, `expected one ${title ? `fix titled "…${title}…"` : 'preferred fix'}, offered:\n${listed}\n`);
  return matching[0];
}

/** The plain text an LSP snippet inserts: each `${n:default}` as its default, escapes undone. */
export function snippetText(snippet: string): string {
  return snippet.replace(/\$\{\d+:((?:\\.|[^\\}])*)\}|\\(.)/g, (_m, placeholder?: string, escaped?: string) =>
    placeholder !== undefined ? placeholder.replace(/\\(.)/g, '$1') : escaped!,
  );
}

/**
 * Applies one fix of the input's finding and returns it with the fixed text, after the checks every fix must pass:
 * the output differs, has no yaml-syntax finding, has fewer of that finding, and each edit's snippet inserts its text.
 */
export function applyFix(rule: Rule, input: string, choice: FixChoice = {}): { fix: Fix; output: string } {
  const findings = lintOne(input, rule, choice.options);
  const finding = chooseFinding(findings, choice.finding);
  // The suppress fixes are chosen by title like the rule's own; never as the preferred fix.
  const fix = chooseFix([...(finding.fixes?.() ?? []), ...(finding.suppressions?.() ?? [])], choice.title);
  const output = applyEdits(input, fix.edits);
  assert.notEqual(output, input, `"${fix.title}" changes nothing`);
  for (const edit of fix.edits) {
    if (edit.snippet !== undefined) assert.equal(snippetText(edit.snippet), edit.text, `the snippet of "${fix.title}" inserts other text`);
  }
  assert.deepEqual(lintOne(output, yamlSyntax).map((f) => f.message), [], `"${fix.title}" leaves text that does not parse:\n${output}`);
  const count = (list: readonly Finding[]) => list.filter((f) => identity(f) === identity(finding)).length;
  const after = lintOne(output, rule, choice.options);
  assert.ok(count(after) < count(findings), `"${fix.title}" leaves its finding in place: ${finding.message}\n${output}`);
  return { fix, output };
}

/** Asserts that the chosen fix turns `input` into exactly `expected`. */
export function assertFix(rule: Rule, input: string, expected: string, choice: FixChoice = {}): void {
  assert.equal(applyFix(rule, input, choice).output, expected);
}

/** Asserts that the finding is there but offers no fix (with `title` given: no fix of that title). */
export function assertNoFix(rule: Rule, input: string, choice: FixChoice = {}): void {
  const finding = chooseFinding(lintOne(input, rule, choice.options), choice.finding);
  const titles = (finding.fixes?.() ?? []).map((f) => f.title);
  const offered = choice.title === undefined ? titles : titles.filter((t) => t.includes(choice.title!));
  assert.deepEqual(offered, [], `"${finding.message}" offers a fix`);
}

/** The titles of every fix the input's finding offers, the preferred one marked with `*`. */
export function fixTitles(rule: Rule, input: string, choice: Omit<FixChoice, 'title'> = {}): string[] {
  const finding = chooseFinding(lintOne(input, rule, choice.options), choice.finding);
  return (finding.fixes?.() ?? []).map((f) => `${f.preferred ? '* ' : ''}${f.title}`);
}

/** The same text with CRLF line breaks (fixtures are written with `\n`). */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
