// Honours a chunk's suppressions for findings made outside the per-chunk pass: the cross-file rules, which run over
// the workspace index. Nothing is reported unused here, and the per-chunk pass does not judge these rules' ids either.
// The index reads a chunk's suppressions once, when it reads the chunk, so that re-checking a file's cross-file
// findings on every keystroke parses nothing.
import type { Document } from 'yaml';
import type { Finding } from '../types';
import { readDirectives } from './directives';
import type { Directive, NamedId } from './directives';
import { readIgnoreAnnotations } from './annotations';
import type { AnnotatedId, SilencingAnnotations } from './annotations';
import { markedSuppressed, silencers } from './apply';

/** What silences findings in one chunk, without the syntax nodes the fixes need (the index keeps it for a long time). */
export interface ChunkSuppressions {
  directives: readonly Directive[];
  annotations: readonly SilencingAnnotations[];
}

/** A parsed chunk's suppressions, or undefined when it has none (most chunks). */
export function readChunkSuppressions(chunkText: string, documents: readonly Document.Parsed[]): ChunkSuppressions | undefined {
  const directives = readDirectives(chunkText).filter((d) => d.kind !== 'enable');
  const annotations = documents.flatMap((d) => readIgnoreAnnotations(d, chunkText)).map(({ scope, own, foreign, reason }) => ({
    scope,
    ...(own ? { own: { ids: own.ids } } : {}),
    foreign,
    // kubewright.io/ignore-reason, which reports that list suppressed findings give as the justification.
    ...(reason ? { reason } : {}),
  }));
  return directives.length === 0 && annotations.length === 0 ? undefined : { directives, annotations };
}

/**
 * The findings (file offsets) that no suppression of their chunk (starting at `chunkOffset`) silences; with
 * `keepSuppressed`, the silenced ones too, marked with what silenced them (suppressedBy), for reports that list them.
 */
export function unsuppressed(suppressions: ChunkSuppressions | undefined, chunkOffset: number, findings: readonly Finding[], keepSuppressed = false): Finding[] {
  if (!suppressions) return [...findings];
  const used = new Set<NamedId | AnnotatedId>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const suppressedBy = silencers({ ...finding, start: finding.start - chunkOffset }, suppressions.directives, suppressions.annotations, used);
    if (suppressedBy.length === 0) kept.push(finding);
    else if (keepSuppressed) kept.push(markedSuppressed(finding, suppressedBy));
  }
  return kept;
}
