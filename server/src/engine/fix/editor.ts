// The YAML editor under every quick fix: it turns an intent (set this scalar, make sure these keys exist, remove
// that pair, append to that list) into minimal text edits on the original source, in the file's own style.
// It never re-stringifies a document, so comments, blank lines and quoting elsewhere stay exactly as they were.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Placeholder, Renderer, isMapValue, join, snippetEscape } from './render';
import type { Rendered, YamlMapValue, YamlValue } from './render';
import { columnOf, lineStart, nextLineStart } from './style';
import type { YamlStyle } from './style';

/** One replacement of [start, end) in the source; `snippet` is the same text with tab stops. */
export interface FixEdit {
  start: number;
  end: number;
  text: string;
  snippet?: string;
}

/** Thrown when a fix meets a shape it will not edit (e.g. a key whose value has an unexpected type). */
export class FixDeclined extends Error {}

const EMPTY: Rendered = { text: '', snippet: '' };

export function decline(reason: string): never {
  throw new FixDeclined(reason);
}

function rangeOfNode(node: Node | null | undefined): [number, number, number] {
  if (!node?.range) return decline('a node without a source range');
  return node.range;
}

/** Where a pair's own text ends (value end, or key end for `key:` with nothing after it); trailing comment excluded. */
function pairValueEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  if (value?.range && value.range[1] > value.range[0]) return value.range[1];
  return rangeOfNode(pair.key as Node)[1];
}

/** A null value written as nothing at all (`securityContext:`), as opposed to `null`, `~` or `{}`. */
function isEmptyValue(value: unknown): value is Scalar {
  return isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1];
}

/** Rendered lines without the line break that ends the last one. */
function withoutFinalBreak(lines: Rendered, eol: string): Rendered {
  return { text: lines.text.slice(0, -eol.length), snippet: lines.snippet.slice(0, -eol.length) };
}

export class YamlEditor {
  readonly edits: FixEdit[] = [];
  private readonly render: Renderer;

  constructor(
    readonly source: string,
    private readonly style: YamlStyle,
  ) {
    this.render = new Renderer(style);
  }

  private push(start: number, end: number, rendered: Rendered): void {
    this.edits.push({ start, end, text: rendered.text, snippet: rendered.snippet });
  }

  /** Replaces a scalar's value, keeping its quote style for strings; a trailing comment stays where it is. */
  setScalar(node: Scalar, value: YamlValue): void {
    const [start, end] = rangeOfNode(node);
    const quote = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
    this.push(start, end, this.render.scalar(value, quote));
  }

  /**
   * Makes sure `map` holds `entries`, merging into maps that already exist rather than adding a second key:
   * existing scalars that differ are set, missing keys are inserted, nested maps are created as needed.
   */
  ensure(map: YAMLMap, entries: YamlMapValue): void {
    const missing: Record<string, YamlValue> = {};
    for (const [key, want] of Object.entries(entries)) {
      const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) {
        missing[key] = want;
        continue;
      }
      const have = pair.value;
      if (isMapValue(want) && isMap(have)) this.ensure(have, want);
      else if (isMapValue(want) && isEmptyValue(have)) this.fillEmptyValue(pair, want);
      else if (!isMapValue(want) && !Array.isArray(want) && isScalar(have)) {
        if (have.value !== (want instanceof Placeholder ? want.value : want)) this.setScalar(have, want);
      } else if (Array.isArray(want) && isSeq(have)) {
        for (const item of want) if (!have.items.some((i) => isScalar(i) && i.value === item)) this.append(have, item);
      } else {
        decline(`"${key}" holds a value of another type than the fix expects`);
      }
    }
    if (Object.keys(missing).length) this.insertEntries(map, missing);
  }

  /** Inserts new entries into a map: after its last line for a block map, inside the braces for a flow map. */
  private insertEntries(map: YAMLMap, entries: YamlMapValue): void {
    if (map.flow) return this.insertIntoFlow(map, '}', this.render.flowEntries(entries));
    if (map.items.length === 0) decline('an empty block map');
    const column = columnOf(this.source, rangeOfNode(map.items[0].key as Node)[0]);
    this.insertLines(this.contentEnd(rangeOfNode(map)[1], column), this.render.blockMap(entries, column));
  }

  /**
   * Inserts entries into a flow collection: right after its last entry (so a line break or a trailing comma before
   * the closing bracket stays where it is), or in place of the blank between the brackets of an empty one.
   */
  private insertIntoFlow(node: YAMLMap | YAMLSeq, close: '}' | ']', inner: Rendered): void {
    const [start, end] = rangeOfNode(node);
    if (this.source[end - 1] !== close) decline('a flow collection without its closing bracket');
    const last = node.items[node.items.length - 1] as Pair | Node | undefined;
    if (last === undefined) {
      if (this.source.slice(start + 1, end - 1).trim() !== '') decline('an empty flow collection with a comment inside');
      return this.push(start + 1, end - 1, inner);
    }
    const after = isPair(last) ? pairValueEnd(last) : rangeOfNode(last)[1];
    this.push(after, after, join([{ text: ', ', snippet: ', ' }, inner]));
  }

  /** `key:` with nothing after it becomes `key:` with a block map under it. */
  private fillEmptyValue(pair: Pair, entries: YamlMapValue): void {
    const keyStart = rangeOfNode(pair.key as Node)[0];
    const column = columnOf(this.source, keyStart) + this.style.indent;
    // After the key's line (and its comment, if any): the new lines become the key's block value.
    const lineEnd = nextLineStart(this.source, keyStart);
    this.insertLines(lineEnd, this.render.blockMap(entries, column));
  }

  /**
   * Inserts whole lines (ending with a line break) at a line start. At the very end of a file that has no final
   * line break, the break goes first instead, so the file still ends as it did.
   */
  private insertLines(at: number, lines: Rendered): void {
    if (at > 0 && this.source[at - 1] !== '\n') {
      const eol = this.style.eol;
      this.push(at, at, join([{ text: eol, snippet: eol }, withoutFinalBreak(lines, eol)]));
    } else {
      this.push(at, at, lines);
    }
  }

  /**
   * Where the lines of a block node ending at `end` really end. The parser gives a node the comment lines after it
   * whatever their indentation, and with them the next line's indentation; a comment line at or left of `column`
   * (the node's own keys or dashes) is about what follows, so it is left outside, as is that indentation.
   */
  private contentEnd(end: number, column: number): number {
    let at = lineStart(this.source, end);
    if (this.source.slice(at, end).trim() !== '') return end;
    for (let probe = at; probe > 0; ) {
      const start = lineStart(this.source, probe - 1);
      const line = this.source.slice(start, probe);
      const text = line.trim();
      if (text.startsWith('#') && line.length - line.trimStart().length <= column) at = start;
      else if (text !== '') break;
      probe = start;
    }
    return at;
  }

  /**
   * Inserts a comment line above the line holding `offset`, at that line's indentation. With `tabStop`, the comment
   * ends in an empty tab stop (where a suppression's reason goes).
   */
  insertCommentAbove(offset: number, comment: string, tabStop = false): void {
    const start = lineStart(this.source, offset);
    const indent = /^[ \t]*/.exec(this.source.slice(start))![0];
    const eol = this.style.eol;
    this.push(start, start, { text: indent + comment + eol, snippet: snippetEscape(indent + comment) + (tabStop ? '${1:}' : '') + eol });
  }

  /** Removes [start, end) of the source as it is: for text that is not YAML structure, such as a comment. */
  removeText(start: number, end: number): void {
    this.push(start, end, EMPTY);
  }

  /** Appends an item to a block or flow sequence. */
  append(seq: YAMLSeq, item: YamlValue): void {
    if (seq.flow) return this.insertIntoFlow(seq, ']', this.render.flow(item));
    if (seq.items.length === 0) decline('an empty block sequence');
    const [start, end] = rangeOfNode(seq);
    const column = columnOf(this.source, start);
    this.insertLines(this.contentEnd(end, column), this.render.blockSequence([item], column));
  }

  /**
   * Removes `pair` from `map`, with its line(s) and trailing comment. A map left empty is removed from its own
   * parent instead: pass the chain of enclosing pairs, innermost last (`[securityContext, sysctls]`).
   */
  removePair(map: YAMLMap, pair: Pair, parents: ReadonlyArray<{ map: YAMLMap; pair: Pair }> = []): void {
    if (map.items.length === 1) {
      const parent = parents[parents.length - 1];
      if (!parent) return decline('removing the only entry of a map');
      return this.removePair(parent.map, parent.pair, parents.slice(0, -1));
    }
    const index = map.items.indexOf(pair);
    if (index < 0) decline('a pair that is not in its map');
    if (map.flow) {
      // `{a: 1, b: 2}`: take the pair with the separator after it, or, for the last pair, the one before it.
      const keyStart = rangeOfNode(pair.key as Node)[0];
      if (index < map.items.length - 1) this.push(keyStart, rangeOfNode(map.items[index + 1].key as Node)[0], EMPTY);
      else this.push(pairValueEnd(map.items[index - 1]), pairValueEnd(pair), EMPTY);
      return;
    }
    const { start, end, afterDash } = this.blockPairSpan(pair);
    if (!afterDash) {
      // The file's last line, without a line break: the break before it goes too, so the file still ends without one.
      const atEnd = end === this.source.length && !this.source.endsWith('\n') && start > 0;
      return this.push(atEnd ? start - (this.source[start - 2] === '\r' ? 2 : 1) : start, end, EMPTY);
    }
    // The first pair of a sequence item (`- hostPort: 80`): the next pair moves up after the dash.
    const next = map.items[index + 1];
    if (!next) decline('the last pair on a sequence item line');
    this.push(start, rangeOfNode(next.key as Node)[0], EMPTY);
  }

  /** Replaces one pair with one new `key: value` entry in the same place, in block or flow style. */
  replacePair(map: YAMLMap, pair: Pair, key: string, value: YamlValue): void {
    if (map.flow) return this.push(rangeOfNode(pair.key as Node)[0], pairValueEnd(pair), this.render.flowEntries({ [key]: value }));
    const { start, end, afterDash } = this.blockPairSpan(pair);
    const column = columnOf(this.source, rangeOfNode(pair.key as Node)[0]);
    const indent = afterDash ? '' : ' '.repeat(column);
    // A value written in flow style (`add: [NET_ADMIN]`) is replaced by one in flow style, on its one line.
    const old = pair.value;
    let entry = (isMap(old) || isSeq(old)) && old.flow ? this.render.flowEntry(key, value) : this.render.entry(key, value, column);
    // The pair's line was the file's last, without a line break: the file still ends without one.
    if (end === this.source.length && !this.source.endsWith('\n')) entry = withoutFinalBreak(entry, this.style.eol);
    this.push(start, end, join([{ text: indent, snippet: indent }, entry]));
  }

  /**
   * The text a block pair takes: its whole lines with the trailing comment and line break, from its line's start;
   * or from its key when it shares its line with a sequence item's dash. What removePair removes, and so what a
   * migration copies when it moves a pair elsewhere.
   */
  blockPairSpan(pair: Pair): { start: number; end: number; afterDash: boolean } {
    const keyStart = rangeOfNode(pair.key as Node)[0];
    const value = pair.value as Node | null;
    const blockValue = (isMap(value) || isSeq(value)) && !value.flow;
    const start = lineStart(this.source, keyStart);
    // A block value goes with the comment lines indented under it.
    const end = blockValue ? this.contentEnd(rangeOfNode(value)[2], keyStart - start) : nextLineStart(this.source, pairValueEnd(pair));
    const afterDash = this.source.slice(start, keyStart).trim() !== '';
    return { start: afterDash ? keyStart : start, end, afterDash };
  }
}
