// Honours a chunk's suppressions for findings made outside the per-chunk pass: the cross-file rules, which run over
// the workspace index. Nothing is reported unused here, and the per-chunk pass does not judge these rules' ids either.
import type { Finding } from '../types';
import { parseChunkText } from '../parse';
import { readDirectives } from './directives';
import { readIgnoreAnnotations } from './annotations';
import type { AnnotatedId } from './annotations';
import type { NamedId } from './directives';
import { isSilenced } from './apply';

/** The findings (file offsets) that no comment or annotation of their chunk (starting at `chunkOffset`) silences. */
export function unsuppressed(chunkText: string, chunkOffset: number, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const directives = readDirectives(chunkText).filter((d) => d.kind !== 'enable');
  const annotations = parseChunkText(chunkText).flatMap((d) => readIgnoreAnnotations(d, chunkText));
  if (directives.length === 0 && annotations.length === 0) return [...findings];
  const used = new Set<NamedId | AnnotatedId>();
  return findings.filter((f) => !isSilenced({ ...f, start: f.start - chunkOffset }, directives, annotations, used));
}
