// What the workspace index reads out of one `---` chunk of a file: its objects' cross-file facts, its CRDs, its
// suppressions, and a fingerprint of all that without spans (what other files' findings can depend on).
import type { Document } from 'yaml';
import { parseChunkText } from '../parse';
import { isTemplate } from '../k8s/object';
import { limitFor } from '../limits';
import { readFacts, readKustomization } from './extract';
import type { ObjectFacts } from './model';
import type { CustomResourceSchema } from '../schema/crd/custom-resources';
import { isCrd, mayDefineCrd, readCrdsInChunk } from '../schema/crd/read';
import { readChunkSuppressions } from '../suppress/filter';
import type { ChunkSuppressions } from '../suppress/filter';

/** One chunk as read; the index keeps the same object while the chunk's text is unchanged. */
export interface ChunkFacts {
  facts: ObjectFacts[];
  /** The schemas of the CRDs in the chunk (their objects are not among the facts: no cross-file rule reads them). */
  crds: readonly CustomResourceSchema[];
  /** Its suppression comments and annotations, read with it: cross-file findings honour them. */
  suppressions?: ChunkSuppressions;
  /** The facts without their spans, as JSON, and the CRDs' tokens: what other files' findings can depend on. */
  fingerprint: string;
}

const NOTHING: ChunkFacts = { facts: [], crds: [], fingerprint: '' };

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

function withoutSpans(key: string, value: unknown): unknown {
  return key === 'span' || key === 'nameSpan' || key === 'serviceSpan' || key === 'portSpan' || key === 'labelsSpan' || key === 'extent' ? undefined : value;
}

export function crdFingerprint(crds: readonly CustomResourceSchema[]): string {
  return crds.map((c) => `${c.apiVersion} ${c.kind} ${c.token}`).join('\n');
}

/** `crdsOnly`: the CRDs alone (a chunk that cannot hold one is not even parsed). */
export function readChunk(file: string, text: string, crdsOnly: boolean, parsed?: Document.Parsed[]): ChunkFacts {
  if (crdsOnly && !mayDefineCrd(text)) return NOTHING;
  // Past the engine's size limits the single-file lint checks syntax at most; no rule reads such a document, nor does the index.
  if (limitFor(text) !== 'full') return NOTHING;
  const documents = parsed ?? parseChunkText(text);
  // Helm templates and YAML that does not parse say nothing reliable about the objects they will become.
  if (isTemplate(text, documents) || documents.some((d) => d.errors.length > 0)) return NOTHING;
  const crds = readCrdsInChunk(text, documents);
  if (crdsOnly) return { facts: [], crds, fingerprint: crdFingerprint(crds) };
  const kustomization = KUSTOMIZATION_FILE.test(file);
  const facts = documents
    .filter((d) => !isCrd(d))
    .map((d) => (kustomization ? readKustomization(d) : readFacts(d)))
    .filter((f): f is ObjectFacts => f !== undefined);
  const suppressions = facts.length > 0 ? readChunkSuppressions(text, documents) : undefined;
  return { facts, crds, ...(suppressions ? { suppressions } : {}), fingerprint: JSON.stringify(facts, withoutSpans) + crdFingerprint(crds) };
}
