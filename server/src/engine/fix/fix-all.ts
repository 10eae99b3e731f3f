// Fix-all: applies every finding's preferred fix, document by document, re-linting after each round until nothing
// fixable is left (bounded). The editor's fix-all action and `kubewright lint --fix` both come here. The work follows
// the documents it changes: a chunk with no preferred fix costs a cache lookup, and each round parses its chunk once,
// a parse that both checks the round's fixes together and lints their result.
import { ManifestLinter } from '../lint';
import type { LintOptions } from '../lint';
import { splitChunks } from '../parse';
import type { ChunkSlice } from '../chunked-text';
import type { Finding, Fix, FixRequest, LintConfig } from '../types';
import { applyEdits, whyBroken } from './check';
import type { FixEdit } from './editor';

/** Rounds per document: each round applies every fix whose edits do not touch another's. */
const MAX_ROUNDS = 50;

export interface FixAllOptions extends LintOptions {
  /**
   * A linter that has linted this text (the editor keeps one per open document): its parses and findings are reused,
   * so only the documents a fix changes are parsed, and what fix-all makes stays in its cache for the lint after the
   * edit is applied. It lints with its own settings: `config` and the other options are not used. Unset: a new linter.
   */
  linter?: ManifestLinter;
  /** The text's `---` chunks, when the caller keeps them (the editor does, across edits): the text is not split again. */
  chunks?: readonly ChunkSlice[];
}

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all rounds. */
  applied: number;
  /** The change as edits on the original text: one per changed document, trimmed to what differs. */
  edits: FixEdit[];
}

interface Chosen {
  finding: Finding;
  fix: Fix;
}

function span(edits: readonly FixEdit[]): [number, number] {
  return [Math.min(...edits.map((e) => e.start)), Math.max(...edits.map((e) => e.end))];
}

/** The preferred fixes of these findings whose spans neither overlap nor touch: they can be applied together. */
function independentFixes(findings: readonly Finding[], skip: ReadonlySet<string>, request: FixRequest): Chosen[] {
  const chosen: Array<Chosen & { span: [number, number] }> = [];
  for (const finding of findings) {
    if (!finding.fixes || skip.has(identity(finding))) continue;
    const fix = finding.fixes(request).find((f) => f.preferred);
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

/** A round's fixes applied to the chunk, and the findings of the result. */
interface Round {
  chosen: Chosen[];
  text: string;
  findings: Finding[];
}

/**
 * One round on a chunk: the independent preferred fixes applied together and the result linted, accepted when that
 * parse is clean. When it is not, some fix breaks the YAML: the round falls back to fixes that pass their own check,
 * and to the first of them alone if even those do not go together. Undefined: nothing left to apply.
 */
function round(text: string, findings: readonly Finding[], stuck: ReadonlySet<string>, documentCount: number, linter: ManifestLinter): Round | undefined {
  const attempt = (chosen: Chosen[]): Round | undefined => {
    const next = applyEdits(text, chosen.flatMap((c) => c.fix.edits));
    const after = linter.lintChunk(next);
    return whyBroken(linter.documentsOf(next) ?? [], documentCount) === undefined ? { chosen, text: next, findings: after } : undefined;
  };
  const unchecked = independentFixes(findings, stuck, { unchecked: true });
  if (unchecked.length === 0) return undefined;
  const together = attempt(unchecked);
  if (together) return together;
  const checked = independentFixes(findings, stuck, {});
  if (checked.length === 0) return undefined;
  return (checked.length > 1 ? attempt(checked) : undefined) ?? attempt(checked.slice(0, 1));
}

/** Fixes one `---` chunk to a fixed point. */
function fixChunk(chunkText: string, linter: ManifestLinter): { text: string; applied: number } {
  let text = chunkText;
  let applied = 0;
  let findings = linter.lintChunk(text);
  const documentCount = linter.documentsOf(text)?.length ?? 0;
  // A fix that left its own finding in place is not tried again: it would loop.
  const stuck = new Set<string>();
  for (let n = 0; n < MAX_ROUNDS; n++) {
    const next = round(text, findings, stuck, documentCount, linter);
    if (!next) break;
    ({ text, findings } = next);
    applied += next.chosen.length;
    const left = new Set(findings.map(identity));
    for (const c of next.chosen) if (left.has(identity(c.finding))) stuck.add(identity(c.finding));
  }
  return { text, applied };
}

/** Applies all preferred fixes to a file's text with the given rule settings. */
export function fixAll(text: string, config: LintConfig = {}, options: FixAllOptions = {}): FixAllResult {
  const linter = options.linter ?? new ManifestLinter(config, options);
  // Reads the file's own CRDs, which apply to all of its chunks, and caches each chunk's first round (a linter that
  // linted this text already has: then this only looks them up).
  const chunks = options.chunks ?? splitChunks(text);
  linter.lintChunks(chunks);
  let applied = 0;
  const edits: FixEdit[] = [];
  // A file that repeats a document (a manifest concatenated twice) has it fixed once.
  const fixedChunks = new Map<string, { text: string; applied: number }>();
  const out = chunks.map((chunk) => {
    let fixed = fixedChunks.get(chunk.text);
    if (!fixed) fixedChunks.set(chunk.text, (fixed = fixChunk(chunk.text, linter)));
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
