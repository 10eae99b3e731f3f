// A file's text kept as its `---` chunks across edits. An edit re-splits only the chunks around it, so a keystroke in
// a 60-document file costs the edited document, not the file: the other chunks keep their string objects (whose
// hashes V8 has already computed, so the linter's cache finds them at once) and only their offsets move.
import { chunkStarts, hasDirectiveLine } from './parse';
import { lastAtOrBefore } from './positions';

/** One `---` chunk of a file: where it starts, and its text (from its `---` line up to the next one). */
export interface ChunkSlice {
  readonly offset: number;
  readonly text: string;
}

/** The chunk an offset falls in: the last one starting at or before it. */
export function chunkHolding(chunks: readonly ChunkSlice[], offset: number): ChunkSlice | undefined {
  return chunks[Math.max(0, lastAtOrBefore(chunks.length, (i) => chunks[i].offset, offset))];
}

export class ChunkedText {
  private texts: string[] = [];
  private offsets: number[] = [];
  private slices?: ChunkSlice[];
  private joined?: string;

  constructor(text: string) {
    this.reset(text);
  }

  /** The chunks, as splitChunks would give them for the current text. */
  get chunks(): readonly ChunkSlice[] {
    this.slices ??= this.texts.map((text, i) => ({ offset: this.offsets[i], text }));
    return this.slices;
  }

  get length(): number {
    const last = this.texts.length - 1;
    return this.offsets[last] + this.texts[last].length;
  }

  /** The whole text (joined once per version, when asked). */
  text(): string {
    this.joined ??= this.texts.join('');
    return this.joined;
  }

  /** The index of the chunk holding `offset`: the last one starting at or before it. */
  chunkAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.offsets.length, (i) => this.offsets[i], offset));
  }

  /** The offset where chunk `index` starts. */
  offsetOf(index: number): number {
    return this.offsets[index];
  }

  textOf(index: number): string {
    return this.texts[index];
  }

  get chunkCount(): number {
    return this.texts.length;
  }

  /** Replaces the text from `start` to `end` (offsets, clamped to the text) with `inserted`. */
  replace(start: number, end: number, inserted: string): void {
    const length = this.length;
    start = Math.max(0, Math.min(start, length));
    end = Math.max(start, Math.min(end, length));
    if (start === end && inserted === '') return;
    // A chunk boundary depends only on the few characters around it, so an edit can move, add or remove the
    // boundaries inside the chunks it touches and at their edges: re-split those chunks with one neighbour on each side.
    const first = Math.max(0, this.chunkAt(start) - 1);
    const last = Math.min(this.texts.length - 1, this.chunkAt(end) + 1);
    const from = this.offsets[first];
    const before = this.texts.slice(first, last + 1).join('');
    const region = before.slice(0, start - from) + inserted + before.slice(end - from);
    // A directive line (`%YAML`, `%TAG`) keeps the whole file in one chunk, so it cannot be judged region by region.
    if (hasDirectiveLine(region) && (first > 0 || last < this.texts.length - 1)) {
      this.reset(this.text().slice(0, start) + inserted + this.text().slice(end));
      return;
    }
    const starts = chunkStarts(region);
    const pieces = starts.map((at, i) => region.slice(at, starts[i + 1] ?? region.length));
    // Keep the neighbours' own strings when they did not change: equal strings, but with their hashes known.
    if (pieces[0] === this.texts[first]) pieces[0] = this.texts[first];
    if (pieces.length > 1 && pieces[pieces.length - 1] === this.texts[last]) pieces[pieces.length - 1] = this.texts[last];
    this.texts.splice(first, last - first + 1, ...pieces);
    this.offsets.length = this.texts.length;
    for (let i = first + 1; i < this.texts.length; i++) this.offsets[i] = this.offsets[i - 1] + this.texts[i - 1].length;
    this.slices = undefined;
    this.joined = undefined;
  }

  private reset(text: string): void {
    const starts = chunkStarts(text);
    this.texts = starts.map((at, i) => text.slice(at, starts[i + 1] ?? text.length));
    this.offsets = starts;
    this.slices = undefined;
    this.joined = text;
  }
}
