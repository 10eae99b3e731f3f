// The file's own layout, read from the document so that inserted YAML looks like the user wrote it: the indent
// unit, whether block sequences sit flush under their key or indented, and the line ending.
import { isCollection, isMap, isPair, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';

export interface YamlStyle {
  /** Spaces from a key to the keys of the block map under it. */
  indent: number;
  /** Spaces from a key to the dash of the block sequence under it: 0 when flush (`- name:` at the key's column). */
  sequenceIndent: number;
  eol: '\n' | '\r\n';
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, sequenceIndent: 2, eol: '\n' };

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column (in code units) of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset just past the end of the line holding `offset`, its line break included (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The most frequent value, ties to the smaller; undefined for none. */
function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && value < best!)) best = value;
  }
  return best;
}

/**
 * Calls `fn` on every pair under `node`, in maps and in flow sequences, keys included (aliases are not followed). With
 * its own stack, not recursion, so that a deeply nested document cannot overflow it.
 */
function eachPair(node: unknown, fn: (pair: Pair) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const next = stack.pop();
    if (isCollection(next)) {
      for (const item of next.items) stack.push(item);
    } else if (isPair(next)) {
      fn(next);
      stack.push(next.key, next.value);
    }
  }
}

/**
 * Reads the style from every block map and sequence nested under a key in the document. A plain walk rather than
 * yaml's visit(), which copies and freezes the path at every node: this runs before the first fix of a document is
 * listed, often while that code is still cold, and the walk takes a fraction of the time.
 */
export function detectStyle(text: string, document: Document.Parsed | undefined): YamlStyle {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const mapSteps: number[] = [];
  const sequenceSteps: number[] = [];
  eachPair(document?.contents, (pair) => {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!key?.range || !value?.range || (!isMap(value) && !isSeq(value)) || value.flow) return;
    const keyLine = lineStart(text, key.range[0]);
    const valueLine = lineStart(text, value.range[0]);
    // A block value must start on a later line than its key; anything else is not nesting we can measure.
    if (valueLine === keyLine) return;
    const step = value.range[0] - valueLine - (key.range[0] - keyLine);
    if (isMap(value) && step > 0) mapSteps.push(step);
    if (isSeq(value) && step >= 0) sequenceSteps.push(step);
  });
  const indent = mostCommon(mapSteps) ?? DEFAULT_STYLE.indent;
  return { indent, sequenceIndent: mostCommon(sequenceSteps) ?? indent, eol };
}
