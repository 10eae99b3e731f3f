// The language server's open documents, kept as their `---` chunks (ChunkedText) rather than one string: applying a
// keystroke re-splits the edited document only, and no pass over the whole text is made until something asks for the
// whole text. The stock TextDocument copies a 2 MB file and shifts every line offset after the edit on each keystroke
// (about 1 ms per edit on argo-cd's install.yaml). Positions follow LSP, as the stock one does: LF, CRLF and a lone CR
// each end a line, and an offset inside a CRLF moves before it.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedText } from '../engine/chunked-text';
import { lastAtOrBefore } from '../engine/positions';
import type { ChunkSlice } from '../engine/chunked-text';

/** Where the lines of one chunk start, relative to it (the first line, at 0, is left out), and whether it has a CR. */
interface ChunkLines {
  starts: number[];
  hasCarriageReturn: boolean;
}

function linesOf(text: string): ChunkLines {
  const starts: number[] = [];
  let hasCarriageReturn = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      hasCarriageReturn = true;
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) starts.push(i + 1);
  }
  return { starts, hasCarriageReturn };
}

const isEndOfLine = (code: number) => code === 10 || code === 13;

/** The line layout of one version of the text: each chunk's lines, and the line each chunk starts on. */
interface Layout {
  lines: ChunkLines[];
  /** firstLine[i]: the line chunk i starts on (the line breaks before it); one more entry holds all the line breaks. */
  firstLine: number[];
  hasCarriageReturn: boolean;
}

export class ChunkedDocument implements TextDocument {
  private readonly content: ChunkedText;
  private layout?: Layout;
  /** Line tables by chunk text, for the chunks of the current version: an edit recomputes the edited chunk's only. */
  private linesByText = new Map<string, ChunkLines>();

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.content = new ChunkedText(text);
  }

  /** The `---` chunks of the current text (unchanged chunks keep their strings from version to version). */
  get chunks(): readonly ChunkSlice[] {
    return this.content.chunks;
  }

  /** Whether the text has a CR (as a line break): Kubewright's own offsets count LFs only (see positionsOf). */
  get hasCarriageReturn(): boolean {
    return this.lineLayout().hasCarriageReturn;
  }

  getText(range?: Range): string {
    if (!range) return this.content.text();
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const chunk = this.content.chunkAt(start);
    const from = this.content.offsetOf(chunk);
    const text = this.content.textOf(chunk);
    // Within one chunk, slice it: no need to join the whole text.
    if (end - from <= text.length) return text.slice(start - from, end - from);
    return this.content.text().slice(start, end);
  }

  get lineCount(): number {
    // The lines are the line breaks plus one.
    const { firstLine } = this.lineLayout();
    return firstLine[firstLine.length - 1] + 1;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.content.length));
    const layout = this.lineLayout();
    const chunk = this.content.chunkAt(offset);
    const from = this.content.offsetOf(chunk);
    const starts = layout.lines[chunk].starts;
    // The number of line starts in the chunk at or before the offset.
    const low = lastAtOrBefore(starts.length, (i) => starts[i], offset - from) + 1;
    const line = layout.firstLine[chunk] + low;
    // Before its first line break a chunk is usually on the line it starts, but not always: a `---` after U+2028
    // starts a chunk (YAML ends a line there) while the line, as the editor counts lines, began in an earlier chunk.
    const lineStart = low > 0 ? from + starts[low - 1] : this.lineStart(layout, line);
    return { line, character: this.beforeEndOfLine(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.content.length;
    if (position.line < 0) return 0;
    const [lineStart, nextLineStart] = this.lineBounds(position.line);
    if (position.character <= 0) return lineStart;
    return this.beforeEndOfLine(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  getLineRange(line: number): Range {
    const lineCount = this.lineCount;
    if (line >= lineCount) {
      const lastLine = lineCount - 1;
      return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this.content.length - this.lineStart(this.lineLayout(), lastLine) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [start, next] = this.lineBounds(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeEndOfLine(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const [start, next] = this.lineBounds(line);
    return this.getText({ start: this.positionAt(this.beforeEndOfLine(next, start)), end: this.positionAt(next) });
  }

  /** Where a line starts, and where the next one does (the end of the text after the last line). */
  private lineBounds(line: number): [number, number] {
    const layout = this.lineLayout();
    const start = this.lineStart(layout, line);
    return [start, line + 1 < this.lineCount ? this.lineStart(layout, line + 1) : this.content.length];
  }

  /** Applies the editor's changes in order, as the stock TextDocument does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const { start, end } = wellFormed(change.range);
        this.content.replace(this.offsetAt(start), this.offsetAt(end), change.text);
      } else {
        this.content.replace(0, this.content.length, change.text);
      }
      this.layout = undefined;
    }
    this.version = version;
  }

  /** Where a line starts: line 0 at 0, line L right after the L-th line break. */
  private lineStart(layout: Layout, line: number): number {
    if (line <= 0) return 0;
    // The chunk holding the L-th line break: the last one with fewer than L breaks before it (line 0 is handled above,
    // and chunk 0 has none before it, so there is one).
    const chunk = lastAtOrBefore(layout.lines.length, (i) => layout.firstLine[i], line - 1);
    return this.content.offsetOf(chunk) + layout.lines[chunk].starts[line - layout.firstLine[chunk] - 1];
  }

  /** An offset between the CR and LF of a line end (or after a line's break) moves back before it. */
  private beforeEndOfLine(offset: number, lineStart: number): number {
    while (offset > lineStart && isEndOfLine(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private charCodeAt(offset: number): number {
    const chunk = this.content.chunkAt(offset);
    return this.content.textOf(chunk).charCodeAt(offset - this.content.offsetOf(chunk));
  }

  private lineLayout(): Layout {
    if (this.layout) return this.layout;
    const next = new Map<string, ChunkLines>();
    const lines: ChunkLines[] = [];
    const firstLine = [0];
    let hasCarriageReturn = false;
    for (const { text } of this.content.chunks) {
      const chunkLines = next.get(text) ?? this.linesByText.get(text) ?? linesOf(text);
      next.set(text, chunkLines);
      lines.push(chunkLines);
      firstLine.push(firstLine[firstLine.length - 1] + chunkLines.starts.length);
      hasCarriageReturn ||= chunkLines.hasCarriageReturn;
    }
    this.linesByText = next;
    this.layout = { lines, firstLine, hasCarriageReturn };
    return this.layout;
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** What TextDocuments needs to keep ChunkedDocuments. */
export const chunkedDocuments: TextDocumentsConfiguration<ChunkedDocument> = {
  create: (uri, languageId, version, content) => new ChunkedDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
