// Reads the ignore annotations of the objects in a chunk: Kubewright's own `kubewright.io/ignore` (with the place of
// each id, for unused-suppression) and other linters' (foreign.ts), on the object and on its pod template.
import { isMap, isScalar } from 'yaml';
import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { kubernetesIdentity } from '../k8s/object';
import { mapAt, pairOf } from '../k8s/nodes';
import { WORKLOAD_KINDS } from '../k8s/workload';
import { foreignSuppressions } from './foreign';
import type { ForeignSuppressions } from './foreign';

export const IGNORE_ANNOTATION = 'kubewright.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kubewright.io/ignore-reason';

/** One id in a `kubewright.io/ignore` value; start and end are its place in the chunk when it can be told. */
export interface AnnotatedId {
  id: string;
  start: number;
  end: number;
}

/** The ignore annotations of one metadata map, and the chunk range they cover (the object or its pod template). */
export interface IgnoreAnnotations {
  scope: [number, number];
  /** The `kubewright.io/ignore` entry, when there is one with a string value. */
  own?: { metadata: YAMLMap; annotations: YAMLMap; annotationsPair: Pair; pair: Pair; value: Scalar; ids: AnnotatedId[] };
  /** Rules silenced by other tools' annotations, with the reason given there (kube-linter's value). */
  foreign: ForeignSuppressions;
  /** The `kubewright.io/ignore-reason` value, when there is one. */
  reason?: string;
}

/** What of an IgnoreAnnotations decides whether a finding is silenced. */
export interface SilencingAnnotations {
  scope: [number, number];
  own?: { ids: AnnotatedId[] };
  foreign: ForeignSuppressions;
  /** The `kubewright.io/ignore-reason` value, when there is one. */
  reason?: string;
}

/** Splits `a, b` into ids; offsets point into the source when the scalar's text is the value itself (plain or quoted, no escapes). */
function readIds(value: Scalar, text: string, source: string): AnnotatedId[] {
  const range = value.range!;
  const raw = source.slice(range[0], range[1]);
  const quoted = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
  const exact = raw.slice(quoted, raw.length - quoted) === text;
  const ids: AnnotatedId[] = [];
  const word = /[^,\s]+/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const at = range[0] + quoted + m.index;
    ids.push(exact ? { id: m[0], start: at, end: at + m[0].length } : { id: m[0], start: range[0], end: range[1] });
  }
  return ids;
}

function readMetadata(metadata: YAMLMap | undefined, scope: [number, number], source: string): IgnoreAnnotations | undefined {
  const annotationsPair = pairOf(metadata, 'annotations');
  const annotations = annotationsPair?.value;
  if (!metadata || !annotationsPair || !isMap(annotations)) return undefined;
  const values = new Map<string, string>();
  for (const item of annotations.items) {
    if (isScalar(item.key) && isScalar(item.value)) values.set(String(item.key.value), String(item.value.value ?? ''));
  }
  const pair = pairOf(annotations, IGNORE_ANNOTATION);
  const value = pair?.value;
  const own =
    pair && isScalar(value) && typeof value.value === 'string' && value.range
      ? { metadata, annotations, annotationsPair, pair, value, ids: readIds(value, value.value, source) }
      : undefined;
  const reason = values.get(IGNORE_REASON_ANNOTATION)?.trim();
  return { scope, ...(own ? { own } : {}), foreign: foreignSuppressions(values), ...(reason ? { reason } : {}) };
}

/** The ignore annotations of a document: its own metadata's (covering all of it), then its pod template's. */
export function readIgnoreAnnotations(document: Document.Parsed, source: string): IgnoreAnnotations[] {
  const root = document.contents;
  if (!isMap(root) || !root.range) return [];
  const found: IgnoreAnnotations[] = [];
  const own = readMetadata(mapAt(root, ['metadata']), [document.range[0], document.range[2]], source);
  if (own) found.push(own);
  const kind = kubernetesIdentity(document)?.kind;
  const templatePath = WORKLOAD_KINDS.find((k) => k.kind === kind)?.podSpecPath.slice(0, -1);
  const template = templatePath?.length ? mapAt(root, templatePath) : undefined;
  if (template?.range) {
    const annotations = readMetadata(mapAt(template, ['metadata']), [template.range[0], template.range[2]], source);
    if (annotations) found.push(annotations);
  }
  return found;
}
