// The safety check every fix passes before it reaches a user: its edits are applied to the chunk in memory and the
// result re-parsed; a fix that breaks the YAML is never offered. A verdict is kept per resulting text, so fixes that
// lead to the same text (one asked for twice, a quick fix and fix-all's) share one re-parse.
import type { Document } from 'yaml';
import { parseChunkText } from '../parse';
import type { FixEdit } from './editor';

/** Applies edits to text. Edits must not overlap; insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map(({ e }) => e);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

function overlaps(edits: readonly FixEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

/**
 * Why the parse of a fixed chunk is not an acceptable result, in words for the person who picked the fix; undefined when
 * every document parses cleanly and there are as many as before.
 */
export function whyBroken(documents: readonly Document.Parsed[], documentCount: number): string | undefined {
  const error = documents.flatMap((d) => d.errors)[0];
  if (error) return `the fixed YAML would not parse: ${error.message.split('\n')[0]}`;
  if (documents.length !== documentCount) return `the fix would turn ${documentCount} YAML document(s) into ${documents.length}`;
  return undefined;
}

/**
 * Verdicts on fixed texts, per parse of the chunk they were made from: kept while that parse is (the chunk's version
 * is in the linter's cache), gone with it. Empty string: the text is valid.
 */
const verdicts = new WeakMap<readonly Document.Parsed[], Map<string, string>>();

/**
 * Applies `edits` to a chunk whose parse is `documents` and re-parses the result (once per resulting text): undefined
 * when it keeps the YAML valid, otherwise why not.
 */
export function checkEdits(chunkText: string, documents: readonly Document.Parsed[], edits: readonly FixEdit[]): string | undefined {
  if (overlaps(edits)) return 'the fix has overlapping edits';
  const fixed = applyEdits(chunkText, edits);
  let known = verdicts.get(documents);
  if (!known) verdicts.set(documents, (known = new Map()));
  let verdict = known.get(fixed);
  if (verdict === undefined) known.set(fixed, (verdict = whyBroken(parseChunkText(fixed), documents.length) ?? ''));
  return verdict || undefined;
}
