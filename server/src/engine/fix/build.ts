// Carries out a rule's fix proposals on a chunk's source and keeps only the fixes that leave the YAML valid: each is
// applied in memory and re-parsed (check.ts) before it is offered. A caller that offers a fix before applying it (an
// editor that resolves a code action only when it is picked) may take the fixes unchecked and check the one picked.
import type { Document } from 'yaml';
import type { Fix, FixProposal, FixRequest } from '../types';
import { checkEdits } from './check';
import { FixDeclined, YamlEditor } from './editor';
import { detectStyle } from './style';
import type { YamlStyle } from './style';

export { applyEdits } from './check';

/** A fix built on the source, with its check (which runs at most once per resulting text). */
type CheckableFix = Fix & { check: () => string | undefined };

/**
 * The style read from each document, once: a rule's fixes and each finding's suppressions have their own FixContext on
 * the same document.
 */
const styles = new WeakMap<Document.Parsed, YamlStyle>();

/** What a chunk's fixes need: its text, its documents, and the style read from the document. */
export class FixContext {
  private readonly built = new WeakMap<readonly FixProposal[], CheckableFix[]>();

  constructor(
    readonly chunkText: string,
    private readonly documents: readonly Document.Parsed[],
    private readonly document: Document.Parsed,
  ) {}

  private styleOf(): YamlStyle {
    let style = styles.get(this.document);
    if (!style) styles.set(this.document, (style = detectStyle(this.chunkText, this.document)));
    return style;
  }

  /**
   * The proposals carried out on the source, declined ones left out; offsets are chunk-relative. Checked (the default):
   * only those whose result re-parses cleanly, each checked now (one re-parse of the chunk, 4 ms for a 330-line
   * Deployment). Unchecked: all of them, each with its check() for the caller to run before it applies or sends it.
   * Built once per proposal list, checked once per result: the editor asks again at each cursor move.
   */
  build(proposals: readonly FixProposal[], request: FixRequest = {}): Fix[] {
    let fixes = this.built.get(proposals);
    if (!fixes) this.built.set(proposals, (fixes = this.buildNow(proposals)));
    if (request.unchecked) return fixes.map((fix) => ({ ...fix }));
    return fixes.filter((fix) => fix.check() === undefined).map(({ title, preferred, edits }) => ({ title, preferred, edits }));
  }

  private buildNow(proposals: readonly FixProposal[]): CheckableFix[] {
    const fixes: CheckableFix[] = [];
    for (const proposal of proposals) {
      const editor = new YamlEditor(this.chunkText, this.styleOf());
      try {
        proposal.apply(editor);
      } catch (error) {
        if (error instanceof FixDeclined) continue;
        throw error;
      }
      const edits = editor.edits;
      if (edits.length === 0) continue;
      const check = () => checkEdits(this.chunkText, this.documents, edits);
      fixes.push({ title: proposal.title, preferred: proposal.preferred === true, edits, check });
    }
    return fixes;
  }
}

/** The same fixes with every edit moved by `offset` (chunk-relative → file offsets); a fix keeps its check. */
export function shiftFixes(fixes: readonly Fix[], offset: number): Fix[] {
  if (offset === 0) return [...fixes];
  return fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })) }));
}
