// Every fix Kubewright offers on the shared corpus (suppressions too), applied one at a time: the document still parses, the finding it
// fixes is gone, no other finding appeared, and every line outside the edited ranges is still there in order.
// Then fix-all on each file: applying it twice equals applying it once. Prints the counts; failures must be 0.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll, lintText, ManifestLinter } from '../../server/src/engine';
import type { Finding, Fix } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

/** What stays the same for a finding while a fix elsewhere moves it: its rule and message. */
const identity = (f: Finding) => `${f.ruleId}: ${f.message}`;

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(identity(f), (counts.get(identity(f)) ?? 0) + 1);
  return counts;
}

/** Lines of `before` that no edit touches must all appear in `after`, in the same order. */
function lostLines(before: string, after: string, fix: Fix): string[] {
  const lines: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (const text of before.split('\n')) {
    lines.push({ text, start, end: start + text.length });
    start += text.length + 1;
  }
  const untouched = lines.filter((l) => !fix.edits.some((e) => e.end > e.start && e.start <= l.end && e.end > l.start));
  const afterLines = after.split('\n');
  const lost: string[] = [];
  let at = 0;
  for (const line of untouched) {
    const found = afterLines.indexOf(line.text, at);
    if (found < 0) lost.push(line.text);
    else at = found + 1;
  }
  return lost;
}

/** Checks one fix on one chunk; returns what went wrong, if anything. */
function checkFix(chunkText: string, findings: readonly Finding[], finding: Finding, fix: Fix, linter: ManifestLinter): string | undefined {
  if (fix.edits.some((e) => e.start < 0 || e.end > chunkText.length)) return 'an edit reaches outside its document';
  const fixed = applyEdits(chunkText, fix.edits);
  if (fixed === chunkText) return 'the fix changes nothing';
  const after = linter.lintChunk(fixed);
  if (after.some((f) => f.ruleId === 'yaml-syntax')) return 'the fixed text does not parse';
  const before = countBy(findings);
  const now = countBy(after);
  if ((now.get(identity(finding)) ?? 0) >= (before.get(identity(finding)) ?? 0)) return 'the finding is still there';
  for (const [key, count] of now) if (count > (before.get(key) ?? 0)) return `a new finding appeared: ${key}`;
  const lost = lostLines(chunkText, fixed, fix);
  if (lost.length) return `lines lost: ${JSON.stringify(lost.slice(0, 3))}`;
  return undefined;
}

/**
 * The removed kinds that fix-all leaves for a person: nothing replaces PodSecurityPolicy or InitializerConfiguration,
 * and admission webhooks in v1 must declare sideEffects and admissionReviewVersions, which only their authors know.
 */
const NO_SAFE_MIGRATION = /^\S+ (PodSecurityPolicy|ValidatingWebhookConfiguration|MutatingWebhookConfiguration|InitializerConfiguration) /;

describe('corpus: fixes', function () {
  before(skipWithoutCorpus);

  it('every fix keeps the document valid, removes its finding, adds none and loses no line', function () {
    this.timeout(300_000);
    const failures: string[] = [];
    let findingsWithFixes = 0;
    let fixesApplied = 0;
    let suppressFixes = 0;
    const started = Date.now();
    for (const file of yamlFiles(CORPUS)) {
      const linter = new ManifestLinter();
      for (const chunk of splitChunks(fs.readFileSync(file, 'utf8'))) {
        const findings = linter.lintChunk(chunk.text);
        for (const finding of findings) {
          const fixes = finding.fixes?.() ?? [];
          if (fixes.length) findingsWithFixes++;
          // "Suppress … for this line / object" must pass the same checks: it silences its finding and adds none. They
          // depend on where the finding is, not on its rule: trying them on the first finding of each line keeps it quick.
          const firstOnLine = findings.find((f) => chunk.text.lastIndexOf('\n', f.start - 1) === chunk.text.lastIndexOf('\n', finding.start - 1)) === finding;
          const suppressions = firstOnLine ? (finding.suppressions?.() ?? []) : [];
          suppressFixes += suppressions.length;
          for (const fix of [...fixes, ...suppressions]) {
            fixesApplied++;
            const problem = checkFix(chunk.text, findings, finding, fix, linter);
            if (problem) failures.push(`${path.relative(CORPUS, file)}: ${finding.ruleId} "${fix.title}": ${problem}`);
          }
        }
      }
    }
    console.log(
      `      ${findingsWithFixes} findings with fixes, ${fixesApplied} fixes (${suppressFixes} of them suppressions) applied one by one, ` +
        `${failures.length} failures, ` +
        `in ${Date.now() - started} ms`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(fixesApplied - suppressFixes > 500, `expected hundreds of fixes on the corpus, got ${fixesApplied - suppressFixes}`);
    assert.ok(suppressFixes > 300, `expected hundreds of suppressions on the corpus, got ${suppressFixes}`);
  });

  it('fix-all leaves only findings without a fix, and is idempotent: fixing a fixed file changes nothing', function () {
    this.timeout(300_000);
    const unstable: string[] = [];
    const left = new Map<string, number>();
    const unmigrated: string[] = [];
    let applied = 0;
    for (const file of yamlFiles(CORPUS)) {
      const once = fixAll(fs.readFileSync(file, 'utf8'));
      applied += once.applied;
      for (const f of lintText(once.text)) {
        left.set(f.ruleId, (left.get(f.ruleId) ?? 0) + 1);
        if (f.ruleId === 'deprecated-api' && !NO_SAFE_MIGRATION.test(f.message)) unmigrated.push(`${path.relative(CORPUS, file)}: ${f.message}`);
      }
      const twice = fixAll(once.text);
      if (twice.text !== once.text) unstable.push(path.relative(CORPUS, file));
    }
    const remaining = [...left].map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`      fix-all applied ${applied} fixes over the corpus; left: ${remaining}; ${unstable.length} files changed on a second run`);
    // hostPath volumes change what the pod does, so they get no automatic fix; the two duplicate keys are real, and so
    // are the three schema mistakes schema-corpus.test.ts lists (a wrong type, kind or field needs a person's choice).
    const schemaMistakes = ['schema-type', 'schema-unknown-field', 'schema-unknown-kind'];
    assert.deepEqual([...left.keys()].sort(), ['deprecated-api', 'no-container-socket', 'no-host-path', ...schemaMistakes, 'yaml-syntax']);
    assert.deepEqual(unmigrated, [], 'every other removed apiVersion is migrated');
    assert.deepEqual(unstable, []);
  });
});
