// Fix safety helpers: which lines of a text an edit list leaves alone, and whether they all survive, in order.
import type { FixEdit } from '../../server/src/engine';

/** Lines of `before` that no edit touches, missing from `after` (in order); empty when none was lost. */
export function lostLines(before: string, after: string, edits: readonly FixEdit[]): string[] {
  const lines: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (const text of before.split('\n')) {
    lines.push({ text, start, end: start + text.length });
    start += text.length + 1;
  }
  // An edit touches a line when it removes part of it or inserts inside it (not at its very start or end).
  const untouched = lines.filter((l) => !edits.some((e) => e.start <= l.end && e.end >= l.start && (e.end > e.start || (e.start > l.start && e.start < l.end))));
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
