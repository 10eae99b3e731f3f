// The fixes of suppressions: "Suppress <id> for this line / this object" on every finding, and the removal of an
// unused or unknown id (or of a whole directive or annotation) for unused-suppression. Offsets are chunk-relative.
import { isScalar, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import type { FixProposal } from '../types';
import { mapAt, pairOf } from '../k8s/nodes';
import { decline } from '../fix/editor';
import { lineStart, nextLineStart } from '../fix/style';
import type { Directive, NamedId } from './directives';
import { IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION } from './annotations';
import type { AnnotatedId, IgnoreAnnotations } from './annotations';

/** True when a line starting at `at` lies inside a scalar that spans lines (a block scalar, a folded string). */
function insideScalar(documents: readonly Document.Parsed[], at: number): boolean {
  let inside = false;
  for (const document of documents) {
    visit(document, {
      Scalar(_key, node: Scalar) {
        if (node.range && node.range[0] < at && at < node.range[1]) inside = true;
        return inside ? visit.BREAK : undefined;
      },
    });
  }
  return inside;
}

/** "Suppress <id> for this line": a disable-next-line comment above the finding's line, a tab stop for the reason. */
export function suppressLine(id: string, source: string, documents: readonly Document.Parsed[], at: number): FixProposal | undefined {
  const start = lineStart(source, at);
  // Above a `---` or `...` line the comment would belong to the document before; in a multi-line scalar it would be text.
  if (/^(---|\.\.\.)(\s|$)/.test(source.slice(start, start + 4)) || insideScalar(documents, start)) return undefined;
  return {
    title: `Suppress ${id} for this line`,
    apply: (editor) => editor.insertCommentAbove(at, `# kubewright-disable-next-line ${id} -- `, true),
  };
}

/** "Suppress <id> for this object": the id added to the object's `kubewright.io/ignore` annotation (created if need be). */
export function suppressObject(id: string, document: Document.Parsed): FixProposal | undefined {
  const metadata = mapAt(document.contents, ['metadata']);
  if (!metadata) return undefined;
  return {
    title: `Suppress ${id} for this object`,
    apply(editor) {
      const value = pairOf(mapAt(metadata, ['annotations']), IGNORE_ANNOTATION)?.value;
      if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
        const separator = value.value.includes(', ') ? ', ' : ',';
        editor.setScalar(value, value.value.trimEnd() + separator + id);
      } else {
        editor.ensure(metadata, { annotations: { [IGNORE_ANNOTATION]: id } });
      }
    },
  };
}

/** Removes one id of a comment directive, with its comma; the whole comment when it is the only one. */
export function removeDirectiveId(title: string, directive: Directive, named: NamedId | undefined, source: string, preferred: boolean): FixProposal {
  return {
    title,
    preferred,
    apply(editor) {
      const ids = directive.ids;
      const index = named ? ids.indexOf(named) : -1;
      if (named && ids.length > 1) {
        if (index < ids.length - 1) editor.removeText(named.start, ids[index + 1].start);
        else editor.removeText(ids[index - 1].end, named.end);
      } else if (directive.ownLine) {
        editor.removeText(lineStart(source, directive.start), nextLineStart(source, directive.end));
      } else {
        // A comment after a value: it goes with the blanks before it.
        let from = directive.start;
        while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t')) from--;
        editor.removeText(from, directive.end);
      }
    },
  };
}

/** Removes one id from `kubewright.io/ignore`; the annotation (and its reason) when it is the only one. */
export function removeAnnotationId(title: string, annotations: IgnoreAnnotations, named: AnnotatedId, preferred: boolean): FixProposal {
  return {
    title,
    preferred,
    apply(editor) {
      const own = annotations.own ?? decline('no ignore annotation');
      const rest = own.ids.filter((n) => n !== named);
      if (rest.length > 0) {
        const separator = String(own.value.value).includes(', ') ? ', ' : ',';
        return editor.setScalar(own.value, rest.map((n) => n.id).join(separator));
      }
      const reason = pairOf(own.annotations, IGNORE_REASON_ANNOTATION);
      const others = own.annotations.items.filter((p) => p !== own.pair && p !== reason);
      // Nothing else annotated: `annotations:` goes too, rather than being left empty.
      if (others.length === 0) return editor.removePair(own.metadata, own.annotationsPair);
      editor.removePair(own.annotations, own.pair);
      if (reason) editor.removePair(own.annotations, reason);
    },
  };
}
