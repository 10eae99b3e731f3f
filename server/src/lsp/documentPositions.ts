// Offsets to editor positions and back for an open document, and its `---` chunks: from what a ChunkedDocument keeps
// across edits, so that no request or publish makes a pass over the whole text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import type { Position } from '../engine';
import type { ChunkSlice } from '../engine/chunked-text';
import { splitChunks } from '../engine/parse';
import { ChunkedDocument } from './chunked-document';

/** What turns offsets into positions and back: a LineIndex, or the TextDocument itself (see positionsOf). */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/**
 * The document keeps its line starts up to date across edits, so it converts offsets without the pass over the
 * whole text that a new LineIndex makes on every publish (a 34k-line file per keystroke) or request. It counts a lone CR as a
 * line break and moves an offset off the LF of a CRLF, where LineIndex, like all of Kubewright, counts LFs only:
 * the two agree on a text without CR, and only there is the document used.
 */
export function positionsOf(document: TextDocument, text?: string): Positions {
  const hasCarriageReturn = document instanceof ChunkedDocument ? document.hasCarriageReturn : (text ?? document.getText()).includes('\r');
  return hasCarriageReturn ? new LineIndex(text ?? document.getText()) : document;
}

/** A document's `---` chunks: kept across edits by a ChunkedDocument, split from the text otherwise. */
export function chunksOf(document: TextDocument): readonly ChunkSlice[] {
  return document instanceof ChunkedDocument ? document.chunks : splitChunks(document.getText());
}
