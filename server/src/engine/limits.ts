// How much Kubewright checks of a document or a file before it stops: the size limits, grounded in what a cluster
// accepts, and the findings that say what was left unchecked. lint.ts applies them; rules/document-too-large documents them.
import type { Finding, Severity } from './types';

export const DOCUMENT_TOO_LARGE = 'document-too-large';

/**
 * Above this a document gets only its YAML syntax checked. etcd refuses to store a request over 1.5 MiB (its default
 * --max-request-bytes), so no cluster holds an object this large: rules about what it would do cannot matter, while
 * the parser's errors still help whoever is editing it. The largest real object in the corpus (argo-cd's
 * ApplicationSet CRD, 1.4 MB) stays under it and is checked in full.
 */
export const SYNTAX_ONLY_CHARS = 1.5 * 1024 * 1024;

/**
 * Above this a document is not even parsed. The API server rejects a request body over 3 MiB, and parsing costs about
 * a second and 70 bytes of memory per byte of text: a 50 MB document would freeze the editor for a minute.
 */
export const UNPARSED_CHARS = 3 * 1024 * 1024;

export type DocumentLimit = 'full' | 'syntax-only' | 'unparsed';

export function limitFor(chunkText: string): DocumentLimit {
  if (chunkText.length > UNPARSED_CHARS) return 'unparsed';
  return chunkText.length > SYNTAX_ONLY_CHARS ? 'syntax-only' : 'full';
}

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/** The message for a document over a limit. */
export function tooLargeMessage(chars: number, limit: Exclude<DocumentLimit, 'full'>): string {
  if (limit === 'unparsed') {
    return `This document is ${megabytes(chars)}, over the ${megabytes(UNPARSED_CHARS)} the API server accepts: Kubewright does not check it, not even its YAML syntax`;
  }
  return `This document is ${megabytes(chars)}, over the ${megabytes(SYNTAX_ONLY_CHARS)} etcd stores: Kubewright checks only its YAML syntax`;
}

/** The message for a lint that ran out of time before it reached this document. */
export function cancelledMessage(budgetMs: number, unchecked: number): string {
  const what = unchecked > 1 ? `this document and the ${unchecked - 1} after it were` : 'this document was';
  return `Kubewright stopped checking after ${budgetMs / 1000} s: ${what} not checked; the next edit resumes where it stopped`;
}

/** A finding on the first line of a chunk (chunk-relative offsets), where a document's own finding belongs. */
export function firstLineFinding(chunkText: string, severity: Severity, message: string): Finding {
  const newline = chunkText.indexOf('\n');
  const end = newline < 0 ? chunkText.length : newline > 0 && chunkText[newline - 1] === '\r' ? newline - 1 : newline;
  return { ruleId: DOCUMENT_TOO_LARGE, severity, message, start: 0, end };
}

/** A time budget for one lint: spent() once `ms` have passed on `clock` since it was made. */
export class Budget {
  private readonly deadline: number;

  /** `startedAt`: when the work it limits began on `clock`, if before now (a validation done in slices). */
  constructor(
    readonly ms: number,
    private readonly clock: () => number,
    startedAt = clock(),
  ) {
    this.deadline = startedAt + ms;
  }

  spent(): boolean {
    return this.clock() >= this.deadline;
  }
}
