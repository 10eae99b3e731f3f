// Fix-all: applies every finding's preferred fix, document by document, re-linting after each round until nothing
// fixable is left (bounded). The editor's fix-all action and `kubewright lint --fix` both come here.
import { ManifestLinter } from '../lint';
import type { LintOptions } from '../lint';
import { splitChunks } from '../parse';
import type { Finding, Fix, LintConfig } from '../types';
import { applyEdits } from './build';
import type { FixEdit } from './editor';

/** Rounds per document: each round applies every fix whose edits do not touch another's. */
const MAX_ROUNDS = 50;

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all rounds. */
  applied: number;
  /** The change as edits on the original text: one per changed document, trimmed to what differs. */
  edits: FixEdit[];
}

function span(edits: readonly FixEdit[]): [number, number] {
  return [Math.min(...edits.map((e) => e.start)), Math.max(...edits.map((e) => e.end))];
}

/** The preferred fixes of these findings whose spans neither overlap nor touch: they can be applied together. */
function independentFixes(findings: readonly Finding[], skip: ReadonlySet<string>): Array<{ finding: Finding; fix: Fix }> {
  const chosen: Array<{ finding: Finding; fix: Fix; span: [number, number] }> = [];
  for (const finding of findings) {
    if (!finding.fixes || skip.has(identity(finding))) continue;
    const fix = finding.fixes().find((f) => f.preferred);
    if (!fix) continue;
    const s = span(fix.edits);
    // Touching counts as a clash: two insertions at one offset (two new securityContexts) must not both go in.
    if (chosen.some((c) => s[0] <= c.span[1] && c.span[0] <= s[1])) continue;
    chosen.push({ finding, fix, span: s });
  }
  return chosen;
}

/** What stays the same for a finding while other fixes move it around: its rule and message. */
function identity(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}

/** Fixes one `---` chunk to a fixed point. */
function fixChunk(chunkText: string, linter: ManifestLinter): { text: string; applied: number } {
  let text = chunkText;
  let applied = 0;
  // A fix that left its own finding in place is not tried again: it would loop.
  const stuck = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen = independentFixes(linter.lintChunk(text), stuck);
    if (chosen.length === 0) break;
    text = applyEdits(text, chosen.flatMap((c) => c.fix.edits));
    applied += chosen.length;
    const left = new Set(linter.lintChunk(text).map(identity));
    for (const c of chosen) if (left.has(identity(c.finding))) stuck.add(identity(c.finding));
  }
  return { text, applied };
}

/** Applies all preferred fixes to a file's text with the given rule settings. */
export function fixAll(text: string, config: LintConfig = {}, options: LintOptions = {}): FixAllResult {
  const linter = new ManifestLinter(config, options);
  // Reads the file's own CRDs, which apply to all of its chunks, and caches each chunk's first round.
  linter.lint(text);
  let applied = 0;
  const edits: FixEdit[] = [];
  const out = splitChunks(text).map((chunk) => {
    const fixed = fixChunk(chunk.text, linter);
    applied += fixed.applied;
    if (fixed.text !== chunk.text) edits.push(differingSpan(chunk.text, fixed.text, chunk.offset));
    return fixed.text;
  });
  return { text: out.join(''), applied, edits };
}

/** One edit that turns `before` into `after`, covering only the part between their common start and end. */
function differingSpan(before: string, after: string, offset: number): FixEdit {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: offset + head, end: offset + before.length - tail, text: after.slice(head, after.length - tail) };
}
