// The custom kinds completion and hover know in a file: the CRDs the caller hands over (the workspace's) with the
// file's own in their place, the set the linter checks the file with. Read only when a document's kind is not built in.
import { CustomResources } from '../schema/crd/custom-resources';
import type { CustomResourceSchema } from '../schema/crd/custom-resources';
import { readCrdsInChunk } from '../schema/crd/read';

export interface CustomKindsSource {
  /** The CRDs known beyond the file (the workspace's and other open documents'); none when unset. */
  customResources?: CustomResources;
  /**
   * The CRDs already read from the file's `---` chunks (by the linter), by chunk text: only a chunk not read yet (an
   * edited CRD) is parsed here. Parsing argo-cd's three CRDs takes half a second.
   */
  crdsOf?: (chunkText: string) => readonly CustomResourceSchema[] | undefined;
}

/** The custom resources an object in the file of these `chunks` is checked with. */
export function customResourcesIn(chunks: ReadonlyArray<{ text: string }>, source: CustomKindsSource = {}): CustomResources {
  const own = chunks.flatMap((chunk) => source.crdsOf?.(chunk.text) ?? readCrdsInChunk(chunk.text));
  return (source.customResources ?? CustomResources.none).with(own);
}

/** A value computed on first use: most requests are about built-in kinds and never need the file's CRDs. */
export function lazily<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
