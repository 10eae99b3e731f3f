// A unified diff of a file before and after `--fix`, for `--fix-dry-run`: the changed regions are known (one per
// changed document), so only their lines are compared, never the whole of a 20k-line file.
import type { FixEdit } from '../engine';

const CONTEXT = 3;
/** Above this many line pairs a region is shown as removed and re-added rather than compared line by line. */
const MAX_COMPARED = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Line-level longest-common-subsequence diff of two short line lists. */
function diffLines(before: string[], after: string[]): Op[] {
  if (before.length * after.length > MAX_COMPARED) {
    return [...before.map((line) => ({ kind: '-' as const, line })), ...after.map((line) => ({ kind: '+' as const, line }))];
  }
  const n = before.length;
  const m = after.length;
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ kind: ' ', line: before[i++] });
      j++;
    } else if (i < n && (j === m || common[i + 1][j] >= common[i][j + 1])) {
      // Removals before additions, as diff and git print them.
      ops.push({ kind: '-', line: before[i++] });
    } else {
      ops.push({ kind: '+', line: after[j++] });
    }
  }
  return ops;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The unified diff (`---`/`+++` headers, `@@` hunks with 3 lines of context) of `text` with `edits` applied. */
export function unifiedDiff(filePath: string, text: string, edits: readonly FixEdit[]): string {
  if (edits.length === 0) return '';
  const lines = text.split('\n');
  // Every op of the file in order: unchanged lines between the edited regions, compared lines within them.
  const ops: Op[] = [];
  let next = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const first = lineOf(text, edit.start);
    const last = lineOf(text, edit.end);
    for (; next < first; next++) ops.push({ kind: ' ', line: lines[next] });
    const startOfFirst = text.lastIndexOf('\n', edit.start - 1) + 1;
    const endOfLast = text.indexOf('\n', edit.end) < 0 ? text.length : text.indexOf('\n', edit.end);
    const replaced = text.slice(startOfFirst, edit.start) + edit.text + text.slice(edit.end, endOfLast);
    ops.push(...diffLines(lines.slice(first, last + 1), replaced.split('\n')));
    next = last + 1;
  }
  for (; next < lines.length; next++) ops.push({ kind: ' ', line: lines[next] });
  // A final line break ends the last line; it does not start an empty one.
  if (text.endsWith('\n') && ops[ops.length - 1]?.kind === ' ' && ops[ops.length - 1].line === '') ops.pop();
  return `--- ${filePath}\n+++ ${filePath}\n${hunks(ops)}`;
}

/** Groups ops into hunks: each change with up to 3 unchanged lines around it, nearby changes in one hunk. */
function hunks(ops: Op[]): string {
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let out = '';
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k] - CONTEXT);
    let to = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - to <= 2 * CONTEXT) to = changed[++k];
    to = Math.min(ops.length - 1, to + CONTEXT);
    k++;
    const before = ops.slice(0, from);
    const oldStart = before.filter((op) => op.kind !== '+').length + 1;
    const newStart = before.filter((op) => op.kind !== '-').length + 1;
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${body.map((op) => `${op.kind}${op.line}\n`).join('')}`;
  }
  return out;
}
