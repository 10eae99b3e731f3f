// Text edits that API migrations need beyond the YAML editor's: rename a key in place, move pairs under new parent
// keys (`serviceName: x` → `service:` / `name: x`), insert lines next to a pair. Each keeps the pair's value and its
// trailing comment where they are, so a change of shape keeps the user's comments.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isCollection, isScalar } from 'yaml';
import { decline } from '../editor';
import type { YamlEditor } from '../editor';
import { Renderer, scalarText } from '../render';
import type { YamlMapValue } from '../render';
import { columnOf, lineStart, nextLineStart } from '../style';
import type { YamlStyle } from '../style';

/** A pair to move: `path` is its new place under the map (parents first, new key last). */
export interface Move {
  pair: Pair;
  path: readonly string[];
  /** Scalar entries to add beside it, before it, under the same new parent (`type: Utilization`). */
  before?: Readonly<Record<string, string>>;
}

function keyRange(pair: Pair): [number, number] {
  const range = (pair.key as Node | null)?.range;
  if (!range) return decline('a key without a source range');
  return [range[0], range[1]];
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export class Surgeon {
  private readonly source: string;

  constructor(
    private readonly editor: YamlEditor,
    private readonly style: YamlStyle,
  ) {
    this.source = editor.source;
  }

  /** Plain text edits carry no tab stops, so their snippet is the text itself, escaped. */
  private replace(start: number, end: number, text: string): void {
    this.editor.edits.push({ start, end, text, snippet: text.replace(/[$}\\]/g, '\\$&') });
  }

  /** `backend:` → `defaultBackend:`, value and comment untouched. */
  renameKey(pair: Pair, key: string): void {
    const [start, end] = keyRange(pair);
    this.replace(start, end, key);
  }

  /**
   * Moves pairs of a map under new parent keys, in block or flow style. Pairs that share a parent must be next to
   * each other in the map (the first opens the parent, the next one goes under it); otherwise the result repeats a
   * key and the fix, failing its re-parse, is not offered.
   */
  nest(map: YAMLMap, moves: readonly Move[]): void {
    const sorted = [...moves].sort((a, b) => keyRange(a.pair)[0] - keyRange(b.pair)[0]);
    let previous: { index: number; parents: readonly string[]; pair: Pair } | undefined;
    for (const move of sorted) {
      const index = map.items.indexOf(move.pair);
      if (index < 0) decline('a pair that is not in its map');
      const parents = move.path.slice(0, -1);
      const shared = previous && previous.index === index - 1 ? commonPrefix(previous.parents, parents) : 0;
      // A flow parent is closed by a brace after the last value that goes in it.
      if (map.flow && previous) this.closeFlow(previous.pair, previous.parents.length - shared);
      const [keyStart, keyEnd] = keyRange(move.pair);
      const leaf = move.path[move.path.length - 1];
      const before = Object.entries(move.before ?? {});
      if (map.flow) {
        const opened = parents.slice(shared).map((key) => `${key}: {`).join('');
        this.replace(keyStart, keyEnd, opened + before.map(([key, value]) => `${key}: ${scalarText(value)}, `).join('') + leaf);
      } else {
        const unit = this.style.indent;
        const at = (depth: number) => ' '.repeat(columnOf(this.source, keyStart) + depth * unit);
        let text = ' '.repeat(shared * unit);
        for (let depth = shared; depth < parents.length; depth++) text += `${parents[depth]}:${this.style.eol}${at(depth + 1)}`;
        for (const [key, value] of before) text += `${key}: ${scalarText(value)}${this.style.eol}${at(parents.length)}`;
        this.replace(keyStart, keyEnd, text + leaf);
        this.indentValue(move.pair, parents.length * unit);
      }
      previous = { index, parents, pair: move.pair };
    }
    if (map.flow && previous) this.closeFlow(previous.pair, previous.parents.length);
  }

  private closeFlow(pair: Pair, count: number): void {
    const end = (pair.value as Node | null)?.range?.[1] ?? keyRange(pair)[1];
    if (count > 0) this.replace(end, end, '}'.repeat(count));
  }

  /** The lines of a value that spans several lines (a block map, a block scalar) move right with their key. */
  private indentValue(pair: Pair, by: number): void {
    const value = pair.value as Node | null;
    if (!value?.range || by === 0) return;
    const end = isCollection(value) || (isScalar(value) && value.type?.startsWith('BLOCK')) ? value.range[2] : value.range[1];
    for (let at = nextLineStart(this.source, keyRange(pair)[0]); at < end; at = nextLineStart(this.source, at)) {
      if (this.source.slice(at, nextLineStart(this.source, at)).trim() !== '') this.replace(at, at, ' '.repeat(by));
    }
  }

  /** New lines right after a `key: scalar` pair's line, at its key's column. */
  insertAfter(pair: Pair, entries: YamlMapValue): void {
    const value = pair.value as Scalar | null;
    if (!isScalar(value) || !value.range) return decline('inserting after a pair whose value is not a scalar');
    const column = columnOf(this.source, keyRange(pair)[0]);
    let lines = new Renderer(this.style).blockMap(entries, column).text;
    // After the line's break, so a comment on the pair's line stays on it; at the end of a file without a final
    // line break, the break goes first and the file still ends without one.
    const at = nextLineStart(this.source, value.range[1]);
    if (at === this.source.length && !this.source.endsWith('\n')) lines = this.style.eol + lines.slice(0, -this.style.eol.length);
    this.replace(at, at, lines);
  }

  /** New lines just above `pair` and the comment lines right above it, which are about it; at its column. */
  insertBefore(pair: Pair, entries: YamlMapValue): void {
    const keyStart = keyRange(pair)[0];
    const column = columnOf(this.source, keyStart);
    let start = lineStart(this.source, keyStart);
    if (this.source.slice(start, keyStart).trim() !== '') return decline('inserting above a pair that shares its line');
    while (start > 0) {
      const above = lineStart(this.source, start - 1);
      if (!this.source.slice(above, start).startsWith(`${' '.repeat(column)}#`)) break;
      start = above;
    }
    this.replace(start, start, new Renderer(this.style).blockMap(entries, column).text);
  }
}
