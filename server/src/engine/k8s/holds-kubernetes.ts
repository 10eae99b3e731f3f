// Whether a file is one Kubewright checks: the editor shows its status item only there, so that people editing GitHub
// workflows, compose files or Helm templates hear nothing of it. The test mirrors ManifestLinter.checkChunk's.
import type { Document } from 'yaml';
import { limitFor } from '../limits';
import { parseChunkText, splitChunks } from '../parse';
import { isTemplate, kubernetesIdentity, looksLikeKubernetes } from './object';

/**
 * True when some `---` document of the text is one lint() checks: a Kubernetes object, or text plainly meant as one,
 * that is not a Helm template. `parsed` may hand back a parse the linter already made of a chunk.
 */
export function holdsKubernetes(
  source: string | ReadonlyArray<{ text: string }>,
  parsed?: (chunkText: string) => Document.Parsed[] | undefined,
): boolean {
  const chunks = typeof source === 'string' ? splitChunks(source) : source;
  return chunks.some((chunk) => chunkHoldsKubernetes(chunk.text, parsed));
}

function chunkHoldsKubernetes(chunkText: string, parsed?: (chunkText: string) => Document.Parsed[] | undefined): boolean {
  const looks = looksLikeKubernetes(chunkText);
  if (limitFor(chunkText) === 'unparsed') return looks;
  // A parse is the only costly step, so it is left for the chunks the text alone cannot decide: those with `{{`
  // (a template?) and those naming apiVersion and kind elsewhere than at a line's start (a flow map, an indented root).
  if (looks && !chunkText.includes('{{')) return true;
  if (!looks && !(chunkText.includes('apiVersion') && chunkText.includes('kind'))) return false;
  const documents = parsed?.(chunkText) ?? parseChunkText(chunkText);
  if (isTemplate(chunkText, documents)) return false;
  return looks || documents.some((document) => kubernetesIdentity(document) !== undefined);
}
