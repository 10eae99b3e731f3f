// Text → ManifestFile: the file split at its `---` lines into chunks, each parsed on its own by eemeli/yaml
// with source tokens kept, so that an edit inside one document leaves the other chunks' parse results reusable.
import { Document, LineCounter, parseAllDocuments } from 'yaml';

/** One `---`-delimited slice of the file, parsed alone; node ranges inside are relative to `offset`. */
export interface Chunk {
  /** Offset of the chunk's first character in the file. */
  offset: number;
  /** The chunk's own text (from its `---` line up to the next one). */
  text: string;
  /** The YAML documents in this chunk: usually one, none for a chunk of only comments. */
  documents: Document.Parsed[];
}

export interface ManifestFile {
  text: string;
  chunks: Chunk[];
}

const PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: false, strict: true } as const;

/** Parses one chunk's text; offsets in the result are relative to the chunk. */
export function parseChunkText(text: string): Document.Parsed[] {
  return parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: new LineCounter() }) as Document.Parsed[];
}

/**
 * Offsets where a new chunk starts: every line that opens with a document marker `---` (followed by space or end
 * of line). YAML forbids such a line inside any scalar, so it always begins a document. A stream with directives
 * (`%YAML`, `%TAG`) is not split, because a directive belongs to the document after it.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (/^%/m.test(text)) return starts;
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > 0) starts.push(m.index);
  }
  return starts;
}

/** Splits text into chunk slices without parsing them. */
export function splitChunks(text: string): Array<{ offset: number; text: string }> {
  const starts = chunkStarts(text);
  return starts.map((offset, i) => ({ offset, text: text.slice(offset, starts[i + 1] ?? text.length) }));
}

/** Parses a whole file, chunk by chunk. `reuse` may hand back an earlier parse of an identical chunk text. */
export function parseManifest(text: string, reuse?: (chunkText: string) => Document.Parsed[] | undefined): ManifestFile {
  const chunks = splitChunks(text).map(({ offset, text: chunkText }) => ({
    offset,
    text: chunkText,
    documents: reuse?.(chunkText) ?? parseChunkText(chunkText),
  }));
  return { text, chunks };
}
