// Copying a block pair's lines to another place and depth, for migrations that move a field under a new parent
// (a CRD's shared schema into each of its versions): comments and blank lines inside go with it, and edits made on
// the original (a key renamed inside it, lines added) are carried into the copy.
import type { Node, Pair } from 'yaml';
import { decline } from '../editor';
import type { FixEdit, YamlEditor } from '../editor';
import { columnOf } from '../style';

/**
 * The source of [start, end) with those of `edits` that fall inside it applied. Lines inserted where it starts end the
 * text before it (a map above, to which they were added), so they are not taken; those inserted where it ends are.
 */
function withEdits(source: string, start: number, end: number, edits: readonly FixEdit[]): string {
  const inside = edits.filter((e) => e.end >= start && e.start <= end && !(e.start === start && e.end === start));
  const sorted = inside.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map(({ e }) => e);
  let out = '';
  let at = start;
  for (const edit of sorted) {
    if (edit.start < at || edit.end > end) return decline('an edit across the edge of the lines being copied');
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at, end);
}

/**
 * The lines of block pair `pair` (as the editor would remove them), with `edits` applied, moved to `column`: every
 * non-blank line shifts by the same amount, so block scalars and comments keep their place relative to the key.
 * Ends with a line break.
 */
export function copyPairLines(editor: YamlEditor, pair: Pair, column: number, eol: string, edits: readonly FixEdit[] = []): string {
  const { start, end, afterDash } = editor.blockPairSpan(pair);
  if (afterDash) return decline('copying a pair that shares its line with a dash');
  const keyStart = (pair.key as Node).range![0];
  const shift = column - columnOf(editor.source, keyStart);
  let text = withEdits(editor.source, start, end, edits);
  if (!text.endsWith('\n')) text += eol;
  const lines = text.slice(0, -1).split('\n');
  return lines
    .map((line) => {
      if (line.trim() === '') return line;
      if (shift >= 0) return ' '.repeat(shift) + line;
      if (!line.startsWith(' '.repeat(-shift))) return decline('a line that cannot move left');
      return line.slice(-shift);
    })
    .join('\n') + '\n';
}
