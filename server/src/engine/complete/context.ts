// Where the cursor is in a YAML document, read from the text by indentation alone: which map it is in (as a path of
// keys from the root), the keys that map already has, and whether it is typing a key or a value. Text, not a parse,
// because the line being typed is usually half-written and the document may not parse while it is.
import { splitChunks } from '../parse';
import { chunkHolding } from '../chunked-text';

/** A path step into a sequence item; any other step is a map key. */
export const ITEM = '[]';

export interface LineShape {
  /** Columns of the `- ` sequence dashes that open the line. */
  dashes: number[];
  /** The line's `key:` after its dashes, with what follows the colon (comment dropped, trimmed). */
  key?: { name: string; col: number; end: number; rest: string };
  /** Column of the first character that is not a space; -1 for a blank or comment line. */
  contentCol: number;
  /** A `---` or `...` document marker. */
  marker: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],:-][^#:]*?|-[^\s#:][^#:]*?)[ \t]*:(?=[ \t]|$)/;

/** Reads the block structure of one line. */
export function shapeOf(line: string): LineShape {
  const contentCol = line.search(/\S/);
  if (contentCol < 0 || line[contentCol] === '#') return { dashes: [], contentCol: -1, marker: false };
  if (/^(---|\.\.\.)(\s|$)/.test(line)) return { dashes: [], contentCol, marker: true };
  const dashes: number[] = [];
  let at = contentCol;
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ')) {
    dashes.push(at);
    at = line.slice(at + 1).search(/\S/);
    if (at < 0) return { dashes, contentCol, marker: false };
    at += dashes[dashes.length - 1] + 1;
  }
  const match = KEY.exec(line.slice(at));
  if (!match) return { dashes, contentCol, marker: false };
  const raw = match[1];
  const name = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  const rest = line.slice(at + match[0].length).replace(/(^|\s)#.*$/, '').trim();
  return { dashes, contentCol, marker: false, key: { name, col: at, end: at + raw.length, rest } };
}

/** Where the walk stands: inside a block map whose keys sit at `col`, or a sequence whose dashes do. */
type Level = { mode: 'map' | 'seq'; col: number };

/** A value that still opens a block under its key: nothing, or only an anchor or tag. */
function opensBlock(rest: string): boolean {
  return rest === '' || /^([&!][^\s]*\s*)+$/.test(rest);
}

/**
 * The path from the document root to the map whose keys sit at `col`, for a key on line `lineNo` (0-based in
 * `lines`); `startsItem` when that line opens the map with a dash at `dashCol`. Undefined when the lines above do
 * not nest it in block maps and sequences (a flow collection, a block scalar, a misplaced indent).
 */
export function pathTo(lines: readonly string[], lineNo: number, col: number, dashCol?: number): string[] | undefined {
  const path: string[] = [];
  let level: Level = { mode: 'map', col };
  if (dashCol !== undefined) {
    path.unshift(ITEM);
    level = { mode: 'seq', col: dashCol };
  }
  for (let i = lineNo - 1; i >= 0; i--) {
    const line = shapeOf(lines[i]);
    if (line.marker) break;
    if (line.contentCol < 0) continue;
    if (level.mode === 'map') {
      if (line.key && line.key.col === level.col) {
        // A sibling; when a dash opens its line, the map is that sequence item, and the walk climbs to the sequence.
        if (line.dashes.length > 1) return undefined;
        if (line.dashes.length === 1) {
          path.unshift(ITEM);
          level = { mode: 'seq', col: line.dashes[0] };
        }
        continue;
      }
      if (line.contentCol >= level.col) continue;
    } else {
      if (line.dashes[0] === level.col) continue; // an earlier item of the same sequence
      if (line.contentCol > level.col) continue;
      if (line.contentCol === level.col && !line.key) return undefined;
    }
    // The first line above that is less indented (or, for a flush sequence, the key at the dashes' column): the parent.
    const parent = line.key;
    if (parent && parent.col <= level.col && opensBlock(parent.rest)) {
      if (level.mode === 'map' && parent.col === level.col) return undefined;
      path.unshift(parent.name);
      if (line.dashes.length > 1) return undefined;
      level = line.dashes.length ? { mode: 'seq', col: line.dashes[0] } : { mode: 'map', col: parent.col };
      if (line.dashes.length) path.unshift(ITEM);
      continue;
    }
    if (!parent && line.dashes.length === 1 && level.mode === 'map' && line.dashes[0] < level.col) {
      path.unshift(ITEM); // a `-` alone on its line, the map below it
      level = { mode: 'seq', col: line.dashes[0] };
      continue;
    }
    return undefined;
  }
  return level.mode === 'map' ? path : undefined;
}

/** The keys of the map whose keys sit at `col` around line `lineNo`, that line excluded. */
export function siblingKeys(lines: readonly string[], lineNo: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!startsItem) {
    for (let i = lineNo - 1; i >= 0; i--) {
      const line = shapeOf(lines[i]);
      if (line.marker) break;
      if (line.contentCol < 0) continue;
      if (line.key?.col === col) {
        keys.add(line.key.name);
        if (line.dashes.length) break; // the line that opens this sequence item's map
        continue;
      }
      if (line.contentCol < col) break;
    }
  }
  for (let i = lineNo + 1; i < lines.length; i++) {
    const line = shapeOf(lines[i]);
    if (line.marker) break;
    if (line.contentCol < 0) continue;
    if (line.contentCol < col) break;
    if (line.key?.col === col && !line.dashes.length) keys.add(line.key.name);
  }
  return keys;
}

/** The cursor's `---` chunk, its lines (line breaks dropped), where each starts, and the cursor's line and column. */
export interface Cursor {
  chunkOffset: number;
  chunkText: string;
  lines: string[];
  starts: number[];
  lineNo: number;
  column: number;
}

/** `chunks`: the text's `---` chunks when the caller keeps them (an open document does), else they are split here. */
export function locate(text: string, offset: number, chunks: ReadonlyArray<{ offset: number; text: string }> = splitChunks(text)): Cursor {
  const chunk = chunkHolding(chunks, offset)!;
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (const line of chunk.text.split('\n')) {
    starts.push(start);
    start += line.length + 1;
    lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
  const local = offset - chunk.offset;
  let lineNo = starts.length - 1;
  while (lineNo > 0 && starts[lineNo] > local) lineNo--;
  return { chunkOffset: chunk.offset, chunkText: chunk.text, lines, starts, lineNo, column: local - starts[lineNo] };
}
