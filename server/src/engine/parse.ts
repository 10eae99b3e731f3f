// Text → ManifestFile: the file split at its `---` lines into chunks, each parsed on its own by eemeli/yaml
// with source tokens kept, so that an edit inside one document leaves the other chunks' parse results reusable.
import { Document, parseAllDocuments } from 'yaml';
import { addDuplicateKeyErrors, explainResourceErrors } from './parse-checks';

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

// uniqueKeys off: the library's duplicate-key check is quadratic in a map's size; parse-checks.ts does it in linear time.
const PARSE_OPTIONS = { keepSourceTokens: true, prettyErrors: false, strict: true, uniqueKeys: false } as const;

/** Parses one chunk's text; offsets in the result are relative to the chunk. */
export function parseChunkText(text: string): Document.Parsed[] {
  const documents = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  for (const document of documents) {
    addDuplicateKeyErrors(document);
    explainResourceErrors(document);
  }
  return documents;
}

/**
 * Offsets where a new chunk starts: every line that opens with a document marker `---` (followed by space or end
 * of line). YAML forbids such a line inside any scalar, so it always begins a document. A stream with directives
 * (`%YAML`, `%TAG`) is not split, because a directive belongs to the document after it.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (hasDirectiveLine(text)) return starts;
  for (let i = text.indexOf('---', 1); i >= 0; i = text.indexOf('---', i + 1)) {
    const next = i + 3;
    if (startsLine(text, i) && (next === text.length || isBreakOrBlank(text.charCodeAt(next)))) starts.push(i);
  }
  return starts;
}

/** Whether a line of the text starts with `%` (a directive, which belongs to the document after it). */
export function hasDirectiveLine(text: string): boolean {
  // indexOf and a look at the neighbours, not multiline regexes: on a 1 MB file, /^%/m and /^---/gm took several
  // milliseconds per keystroke. A line starts after LF, CR, U+2028 or U+2029, as for the `^` and `$` they replace.
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    if (startsLine(text, i)) return true;
  }
  return false;
}

function startsLine(text: string, index: number): boolean {
  return index === 0 || isLineBreak(text.charCodeAt(index - 1));
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function isBreakOrBlank(code: number): boolean {
  return code === 32 || code === 9 || isLineBreak(code);
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
