// Carries out a rule's fix proposals on a chunk's source and keeps only the fixes that leave the YAML valid:
// each is applied in memory and re-parsed before it is ever offered.
import type { Document } from 'yaml';
import { parseChunkText } from '../parse';
import type { Fix, FixProposal } from '../types';
import { FixDeclined, YamlEditor } from './editor';
import type { FixEdit } from './editor';
import { detectStyle } from './style';
import type { YamlStyle } from './style';

/** Applies edits to text. Edits must not overlap; insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map(({ e }) => e);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

function overlaps(edits: readonly FixEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
}

/** True when every document in the edited chunk still parses cleanly, and there are as many as before. */
export function keepsYamlValid(chunkText: string, edits: readonly FixEdit[], documentCount: number): boolean {
  if (overlaps(edits)) return false;
  const documents = parseChunkText(applyEdits(chunkText, edits));
  return documents.length === documentCount && documents.every((d) => d.errors.length === 0);
}

/** What a chunk's fixes need: its text, its documents, and the style read from the document (once). */
export class FixContext {
  private style?: YamlStyle;
  private readonly built = new WeakMap<readonly FixProposal[], Fix[]>();

  constructor(
    readonly chunkText: string,
    private readonly documents: readonly Document.Parsed[],
    private readonly document: Document.Parsed,
  ) {}

  private styleOf(): YamlStyle {
    return (this.style ??= detectStyle(this.chunkText, this.document));
  }

  /**
   * Builds and checks each proposal; declined and invalid ones are left out. Offsets are chunk-relative. Kept per
   * proposal list: the editor asks for a finding's code actions again at each cursor move and diagnostics change, and
   * each check re-parses the chunk (4 ms for a 330-line Deployment), so the first answer costs a few checks, later ones none.
   */
  build(proposals: readonly FixProposal[]): Fix[] {
    let fixes = this.built.get(proposals);
    if (!fixes) this.built.set(proposals, (fixes = this.buildNow(proposals)));
    return [...fixes];
  }

  private buildNow(proposals: readonly FixProposal[]): Fix[] {
    const fixes: Fix[] = [];
    for (const proposal of proposals) {
      const editor = new YamlEditor(this.chunkText, this.styleOf());
      try {
        proposal.apply(editor);
      } catch (error) {
        if (error instanceof FixDeclined) continue;
        throw error;
      }
      if (editor.edits.length === 0 || !keepsYamlValid(this.chunkText, editor.edits, this.documents.length)) continue;
      fixes.push({ title: proposal.title, preferred: proposal.preferred === true, edits: editor.edits });
    }
    return fixes;
  }
}

/** The same fixes with every edit moved by `offset` (chunk-relative → file offsets). */
export function shiftFixes(fixes: readonly Fix[], offset: number): Fix[] {
  if (offset === 0) return [...fixes];
  return fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })) }));
}
