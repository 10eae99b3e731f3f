// The workspace index: every Kubernetes object in a set of files, by namespace, and the schemas of their CRDs, updated
// file by file. Each `---` chunk is read once per distinct text, so re-indexing an edited file re-parses only the
// chunk that changed; and an edit that changes no fact, only where things sit, moves that file's objects in place.
import type { Document } from 'yaml';
import { splitChunks } from '../parse';
import type { IndexedObject } from './model';
import { isEmptySelector, selectorMatches } from './selectors';
import type { Selector } from './model';
import { CustomResources } from '../schema/crd/custom-resources';
import type { CustomResourceSchema } from '../schema/crd/custom-resources';
import type { ChunkSuppressions } from '../suppress/filter';
import { crdFingerprint, readChunk } from './chunk-facts';
import type { ChunkFacts } from './chunk-facts';

/** A `---` chunk of a file's text, as splitChunks gives it: where it starts, and its text. */
export interface TextChunk {
  readonly offset: number;
  readonly text: string;
}

/** A chunk of an indexed file, as the cross-file pass reads it. */
export interface IndexedChunk {
  offset: number;
  /** The same object while the chunk's text is unchanged: its objects' facts, spans and suppressions are then too. */
  identity: object;
  objects: readonly IndexedObject[];
  suppressions?: ChunkSuppressions;
}

interface FileEntry {
  chunks: Array<{ offset: number; text: string; read: ChunkFacts }>;
  /** The tokens of the file's CRDs: when they change, so does the set of custom resources. */
  crdFingerprint: string;
}

/** Past this many chunks to match, a map by text beats comparing each with each. */
const LINEAR_MATCH_LIMIT = 16;

/** The folder part of a path or URI (always `/`-separated: the CLI converts Windows paths). */
export function folderOf(file: string): string {
  return file.slice(0, Math.max(0, file.lastIndexOf('/')));
}

/** One folder is the other or lies inside it: files kept together, as an app's manifests usually are. */
function related(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || long.startsWith(short + '/') || short === '';
}

/** The same facts, chunk by chunk, spans aside: nothing another file's findings depend on changed. */
function sameFacts(before: FileEntry['chunks'], after: FileEntry['chunks']): boolean {
  return before.length === after.length && before.every((c, i) => c.read === after[i].read || c.read.fingerprint === after[i].read.fingerprint);
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private resolved?: { all: IndexedObject[]; byNamespace: Map<string, IndexedObject[]>; byFile: Map<string, IndexedObject[]> };
  private crdSet?: CustomResources;
  private version = 0;

  /** `crdsOnly`: an index of CRDs alone (objects are not read, and other chunks are not even parsed). */
  constructor(private readonly options: { crdsOnly?: boolean } = {}) {}

  /**
   * Indexes (or re-indexes) a file's text. Returns true when what other files' cross-file findings depend on
   * changed (an object, a label, a port, a CRD…); false for edits that only moved things or touched other fields.
   * `parsed` may hand over a parse of a chunk made already (an open document's linter has one), sparing another.
   */
  setFile(file: string, text: string, parsed?: (chunkText: string) => Document.Parsed[] | undefined): boolean {
    return this.setChunks(file, splitChunks(text), parsed);
  }

  /**
   * setFile for a text already split into its `---` chunks. A chunk whose text the file had before keeps what was read
   * of it (an open document's unchanged chunks are the same strings from edit to edit: that check is a pointer
   * comparison). When only offsets and spans moved, the file's objects are updated in place rather than the whole
   * workspace's rebuilt.
   */
  setChunks(file: string, chunks: readonly TextChunk[], parsed?: (chunkText: string) => Document.Parsed[] | undefined): boolean {
    const old = this.files.get(file);
    const reads = this.readsOf(file, old?.chunks ?? [], chunks, parsed);
    const entry: FileEntry = {
      chunks: chunks.map(({ offset, text }, i) => ({ offset, text, read: reads[i] })),
      crdFingerprint: crdFingerprint(reads.flatMap((r) => r.crds)),
    };
    this.files.set(file, entry);
    if ((old?.crdFingerprint ?? '') !== entry.crdFingerprint) this.crdSet = undefined;
    if (old && sameFacts(old.chunks, entry.chunks)) {
      this.moveObjects(file, entry);
      return false;
    }
    this.factsChanged();
    return !(old === undefined && reads.every((r) => r.facts.length === 0 && r.crds.length === 0));
  }

  /** Forgets a file; true when it held any object. */
  deleteFile(file: string): boolean {
    const old = this.files.get(file);
    this.files.delete(file);
    if (old) this.factsChanged();
    if (old?.crdFingerprint) this.crdSet = undefined;
    return old !== undefined && old.chunks.some((c) => c.read.facts.length > 0 || c.read.crds.length > 0);
  }

  /**
   * A number that changes whenever anything a cross-file finding may depend on, other than its own object's place,
   * changes: any file's facts or CRDs, a file added or removed. Findings computed at one value hold while it stays.
   */
  get factsVersion(): number {
    return this.version;
  }

  /** The chunks of a file with their objects, in order (every chunk, those without objects too). */
  chunksOf(file: string): IndexedChunk[] {
    const entry = this.files.get(file);
    if (!entry) return [];
    const objects = this.inFile(file);
    let next = 0;
    return entry.chunks.map(({ offset, read }) => {
      const start = next;
      next += read.facts.length;
      return { offset, identity: read, objects: objects.slice(start, next), ...(read.suppressions ? { suppressions: read.suppressions } : {}) };
    });
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

  /** The text of a file as indexed (its chunks cover it whole): what the objects' offsets point into. */
  fileText(file: string): string | undefined {
    return this.files.get(file)?.chunks.map((c) => c.text).join('');
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The indexed files, those without objects too. */
  fileNames(): string[] {
    return [...this.files.keys()];
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

  private factsChanged(): void {
    this.version++;
    this.resolved = undefined;
  }

  /**
   * What was read of each chunk: taken over from the file's previous chunks with the same text (matched first at the
   * same place from either end, where an edit leaves them), read afresh otherwise.
   */
  private readsOf(file: string, before: FileEntry['chunks'], chunks: readonly TextChunk[], parsed?: (chunkText: string) => Document.Parsed[] | undefined): ChunkFacts[] {
    const reads: ChunkFacts[] = new Array<ChunkFacts>(chunks.length);
    let head = 0;
    while (head < chunks.length && head < before.length && chunks[head].text === before[head].text) reads[head] = before[head++].read;
    let tail = 0;
    while (
      tail < chunks.length - head &&
      tail < before.length - head &&
      chunks[chunks.length - 1 - tail].text === before[before.length - 1 - tail].text
    ) {
      reads[chunks.length - 1 - tail] = before[before.length - 1 - tail].read;
      tail++;
    }
    const rest = before.slice(head, before.length - tail);
    const byText = rest.length > LINEAR_MATCH_LIMIT ? new Map(rest.map((c) => [c.text, c.read])) : undefined;
    for (let i = head; i < chunks.length - tail; i++) {
      const text = chunks[i].text;
      const known = byText ? byText.get(text) : rest.find((c) => c.text === text)?.read;
      reads[i] = known ?? readChunk(file, text, this.options.crdsOnly === true, parsed?.(text));
    }
    return reads;
  }

  /**
   * The file's facts are the same, spans aside: its objects take their chunks' new offsets and their new spans in
   * place (the same objects in the same lists), and the rest of the workspace is left as it is.
   */
  private moveObjects(file: string, entry: FileEntry): void {
    const objects = this.resolved?.byFile.get(file);
    if (!objects) return; // not resolved yet, or a file without objects
    let next = 0;
    for (const chunk of entry.chunks) {
      for (const facts of chunk.read.facts) {
        const object = objects[next++];
        if (!object) break;
        Object.assign(object, facts);
        object.offset = chunk.offset;
      }
    }
    // Equal fingerprints mean as many objects; should that ever not hold, a rebuild is the safe answer.
    if (next !== objects.length) this.resolved = undefined;
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
