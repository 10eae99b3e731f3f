// The workspace index: every Kubernetes object in a set of files, by namespace, and the schemas of their CRDs, updated
// file by file. Each `---` chunk is read once per distinct text, so re-indexing an edited file re-parses only the
// chunk that changed.
import type { Document } from 'yaml';
import { splitChunks, parseChunkText } from '../parse';
import { isTemplate } from '../k8s/object';
import { limitFor } from '../limits';
import { readFacts, readKustomization } from './extract';
import type { IndexedObject, ObjectFacts } from './model';
import { isEmptySelector, selectorMatches } from './selectors';
import type { Selector } from './model';
import { CustomResources } from '../schema/crd/custom-resources';
import type { CustomResourceSchema } from '../schema/crd/custom-resources';
import { isCrd, mayDefineCrd, readCrdsInChunk } from '../schema/crd/read';
import { readChunkSuppressions } from '../suppress/filter';
import type { ChunkSuppressions } from '../suppress/filter';

interface ChunkFacts {
  facts: ObjectFacts[];
  /** The schemas of the CRDs in the chunk (their objects are not among the facts: no cross-file rule reads them). */
  crds: readonly CustomResourceSchema[];
  /** Its suppression comments and annotations, read with it: cross-file findings honour them. */
  suppressions?: ChunkSuppressions;
  /** The facts without their spans, as JSON, and the CRDs' tokens: what other files' findings can depend on. */
  fingerprint: string;
}

interface FileEntry {
  chunks: Array<{ offset: number; text: string; read: ChunkFacts }>;
  fingerprint: string;
  /** The tokens of the file's CRDs: when they change, so does the set of custom resources. */
  crdFingerprint: string;
}

const NOTHING: ChunkFacts = { facts: [], crds: [], fingerprint: '' };

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** The folder part of a path or URI (always `/`-separated: the CLI converts Windows paths). */
export function folderOf(file: string): string {
  return file.slice(0, Math.max(0, file.lastIndexOf('/')));
}

/** One folder is the other or lies inside it: files kept together, as an app's manifests usually are. */
function related(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || long.startsWith(short + '/') || short === '';
}

function withoutSpans(key: string, value: unknown): unknown {
  return key === 'span' || key === 'nameSpan' || key === 'serviceSpan' || key === 'portSpan' || key === 'labelsSpan' || key === 'extent' ? undefined : value;
}

function crdFingerprint(crds: readonly CustomResourceSchema[]): string {
  return crds.map((c) => `${c.apiVersion} ${c.kind} ${c.token}`).join('\n');
}

function readChunk(file: string, text: string, crdsOnly: boolean, parsed?: Document.Parsed[]): ChunkFacts {
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

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private resolved?: { all: IndexedObject[]; byNamespace: Map<string, IndexedObject[]>; byFile: Map<string, IndexedObject[]> };
  private crdSet?: CustomResources;

  /** `crdsOnly`: an index of CRDs alone (objects are not read, and other chunks are not even parsed). */
  constructor(private readonly options: { crdsOnly?: boolean } = {}) {}

  /**
   * Indexes (or re-indexes) a file's text. Returns true when what other files' cross-file findings depend on
   * changed (an object, a label, a port, a CRD…); false for edits that only moved things or touched other fields.
   * `parsed` may hand over a parse of a chunk made already (an open document's linter has one), sparing another.
   */
  setFile(file: string, text: string, parsed?: (chunkText: string) => Document.Parsed[] | undefined): boolean {
    const old = this.files.get(file);
    const reuse = new Map(old?.chunks.map((c) => [c.text, c.read]));
    const chunks = splitChunks(text).map(({ offset, text: chunkText }) => ({
      offset,
      text: chunkText,
      read: reuse.get(chunkText) ?? readChunk(file, chunkText, this.options.crdsOnly === true, parsed?.(chunkText)),
    }));
    const fingerprint = chunks.map((c) => c.read.fingerprint).join('\n');
    const crds = crdFingerprint(chunks.flatMap((c) => c.read.crds));
    this.files.set(file, { chunks, fingerprint, crdFingerprint: crds });
    this.resolved = undefined;
    if ((old?.crdFingerprint ?? '') !== crds) this.crdSet = undefined;
    return old?.fingerprint !== fingerprint && !(old === undefined && chunks.every((c) => c.read.facts.length === 0 && c.read.crds.length === 0));
  }

  /** Forgets a file; true when it held any object. */
  deleteFile(file: string): boolean {
    const old = this.files.get(file);
    this.files.delete(file);
    this.resolved = undefined;
    if (old?.crdFingerprint) this.crdSet = undefined;
    return old !== undefined && old.chunks.some((c) => c.read.facts.length > 0 || c.read.crds.length > 0);
  }

  /** Every indexed CRD schema, duplicates and disagreements included (CustomResources sorts them out). */
  crds(): CustomResourceSchema[] {
    return [...this.files.values()].flatMap((entry) => entry.chunks.flatMap((c) => c.read.crds));
  }

  /** The custom kinds the indexed CRDs define; the same object until a CRD is added, changed or removed. */
  customResources(): CustomResources {
    this.crdSet ??= new CustomResources(this.crds());
    return this.crdSet;
  }

  /** The suppressions of the `---` chunk of `file` that starts at `offset` (an object's offset). */
  suppressionsAt(file: string, offset: number): ChunkSuppressions | undefined {
    return this.files.get(file)?.chunks.find((c) => c.offset === offset)?.read.suppressions;
  }

  /** The text of a file as indexed (its chunks cover it whole): what the objects' offsets point into. */
  fileText(file: string): string | undefined {
    return this.files.get(file)?.chunks.map((c) => c.text).join('');
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get fileCount(): number {
    return this.files.size;
  }

  all(): readonly IndexedObject[] {
    return this.resolve().all;
  }

  inFile(file: string): readonly IndexedObject[] {
    return this.resolve().byFile.get(file) ?? [];
  }

  inNamespace(namespace: string): readonly IndexedObject[] {
    return this.resolve().byNamespace.get(namespace) ?? [];
  }

  /** The objects of a kind (and name, when given) in a namespace. */
  find(namespace: string, kind: string, name?: string): IndexedObject[] {
    return this.inNamespace(namespace).filter((o) => o.kind === kind && (name === undefined || o.name === name));
  }

  /** Workloads (objects with a pod template) in a namespace. */
  workloads(namespace: string): IndexedObject[] {
    return this.inNamespace(namespace).filter((o) => o.pod);
  }

  /** The workloads in the object's namespace whose pod labels the selector matches. */
  selectedWorkloads(object: IndexedObject, selector: Selector): IndexedObject[] {
    if (object.kind === 'Service' && isEmptySelector(selector)) return [];
    return this.workloads(object.effectiveNamespace).filter((w) => selectorMatches(selector, w.pod!.labels));
  }

  /**
   * Whether the workspace plausibly holds what `object` refers to: some of `candidates` sit in its folder, or in a
   * folder above or below it. A Service alone in a folder may front pods that another repository or a chart deploys;
   * a Service beside Deployments that it does not select is a typo.
   */
  nearby(object: IndexedObject, candidates: readonly IndexedObject[]): boolean {
    const folder = folderOf(object.file);
    return candidates.some((c) => related(folder, folderOf(c.file)));
  }

  private resolve(): NonNullable<WorkspaceIndex['resolved']> {
    if (this.resolved) return this.resolved;
    const kustomizeNamespaces = new Map<string, string>();
    for (const [file, entry] of this.files) {
      for (const chunk of entry.chunks) {
        for (const facts of chunk.read.facts) if (facts.kustomizeNamespace) kustomizeNamespaces.set(folderOf(file), facts.kustomizeNamespace);
      }
    }
    const namespaceFor = (file: string): string => {
      // The nearest kustomization at or above the file that sets a namespace.
      for (let folder = folderOf(file); ; folder = folderOf(folder)) {
        const namespace = kustomizeNamespaces.get(folder);
        if (namespace) return namespace;
        if (folder === '') return 'default';
      }
    };
    const all: IndexedObject[] = [];
    const byNamespace = new Map<string, IndexedObject[]>();
    const byFile = new Map<string, IndexedObject[]>();
    for (const [file, entry] of this.files) {
      const fileNamespace = namespaceFor(file);
      const inFile: IndexedObject[] = [];
      for (const chunk of entry.chunks) {
        for (const facts of chunk.read.facts) {
          const object: IndexedObject = { ...facts, file, offset: chunk.offset, effectiveNamespace: facts.namespace ?? fileNamespace };
          all.push(object);
          inFile.push(object);
          const list = byNamespace.get(object.effectiveNamespace) ?? [];
          list.push(object);
          byNamespace.set(object.effectiveNamespace, list);
        }
      }
      byFile.set(file, inFile);
    }
    this.resolved = { all, byNamespace, byFile };
    return this.resolved;
  }
}
