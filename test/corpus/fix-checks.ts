// The one-fix-at-a-time round trip the corpus tests run on every fix a linter offers: the document still parses, the
// finding it fixes is gone, no other finding appeared, and every line outside the edited ranges is still there in order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, ManifestLinter } from '../../server/src/engine';
import type { Finding, Fix } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';
import { CORPUS, yamlFiles } from './corpus-files';
// The fuzz tests' reading of "untouched": an insertion inside a line touches it too (a flow map gaining an entry).
import { lostLines } from '../fuzz/lines';

/** What stays the same for a finding while a fix elsewhere moves it: its rule and message. */
const identity = (f: Finding) => `${f.ruleId}: ${f.message}`;

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(identity(f), (counts.get(identity(f)) ?? 0) + 1);
  return counts;
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
  const lost = lostLines(chunkText, fixed, fix.edits);
  if (lost.length) return `lines lost: ${JSON.stringify(lost.slice(0, 3))}`;
  return undefined;
}

export interface RoundTrip {
  findingsWithFixes: number;
  fixesApplied: number;
  /** Of fixesApplied, the "Suppress …" ones. */
  suppressFixes: number;
  failures: string[];
  /** Findings per rule id, over the corpus. */
  counts: Map<string, number>;
}

/**
 * Lints every corpus chunk with `makeLinter()`'s linter and checks each fix of the findings `wanted` accepts, one at a
 * time. "Suppress … for this line / object" must pass the same checks; they depend on where the finding is, not on its
 * rule, so trying them on the first finding of each line keeps it quick.
 */
export function roundTripCorpus(makeLinter: () => ManifestLinter, wanted: (finding: Finding) => boolean = () => true): RoundTrip {
  const result: RoundTrip = { findingsWithFixes: 0, fixesApplied: 0, suppressFixes: 0, failures: [], counts: new Map() };
  for (const file of yamlFiles(CORPUS)) {
    const linter = makeLinter();
    for (const chunk of splitChunks(fs.readFileSync(file, 'utf8'))) {
      const findings = linter.lintChunk(chunk.text);
      for (const finding of findings) {
        result.counts.set(finding.ruleId, (result.counts.get(finding.ruleId) ?? 0) + 1);
        if (!wanted(finding)) continue;
        const fixes = finding.fixes?.() ?? [];
        if (fixes.length) result.findingsWithFixes++;
        const firstOnLine = findings.find((f) => chunk.text.lastIndexOf('\n', f.start - 1) === chunk.text.lastIndexOf('\n', finding.start - 1)) === finding;
        const suppressions = firstOnLine ? (finding.suppressions?.() ?? []) : [];
        result.suppressFixes += suppressions.length;
        for (const fix of [...fixes, ...suppressions]) {
          result.fixesApplied++;
          const problem = checkFix(chunk.text, findings, finding, fix, linter);
          if (problem) result.failures.push(`${path.relative(CORPUS, file)}: ${finding.ruleId} "${fix.title}": ${problem}`);
        }
      }
    }
  }
  return result;
}
