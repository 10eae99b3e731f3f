// What makes a YAML document a Kubernetes object, and how to tell a Helm template from plain YAML.
import { isMap, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import { stringValue, valueOf } from './nodes';

export interface KubernetesIdentity {
  apiVersion: string;
  kind: string;
}

/** A document is a Kubernetes object when it is a map with string `apiVersion` and `kind`. */
export function kubernetesIdentity(document: Document.Parsed): KubernetesIdentity | undefined {
  const root = document.contents;
  if (!isMap(root)) return undefined;
  const apiVersion = stringValue(valueOf(root, 'apiVersion'));
  const kind = stringValue(valueOf(root, 'kind'));
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}

/** Text that, even half-typed or broken, is plainly meant as a Kubernetes object. */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text);
}

/**
 * True when the chunk is a Go/Helm template rather than YAML: `{{` appears somewhere other than inside a string
 * scalar (a ConfigMap holding an alerting template is still plain YAML and is linted).
 */
export function isTemplate(chunkText: string, documents: readonly Document.Parsed[]): boolean {
  if (!chunkText.includes('{{')) return false;
  if (documents.some((d) => d.errors.length > 0)) return true;
  const inStrings: Array<[number, number]> = [];
  for (const document of documents) {
    visit(document, {
      Scalar(_key, node: Scalar) {
        if (typeof node.value === 'string' && node.range) inStrings.push([node.range[0], node.range[1]]);
      },
    });
  }
  for (let at = chunkText.indexOf('{{'); at >= 0; at = chunkText.indexOf('{{', at + 2)) {
    if (isInComment(chunkText, at)) continue;
    if (!inStrings.some(([s, e]) => at >= s && at < e)) return true;
  }
  return false;
}

function isInComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  // A `#` that starts the line or follows whitespace opens a comment, unless it sits inside quotes.
  return /(^|\s)#/.test(before) && !/["']/.test(before);
}


/**
 * The documents of a parsed `---` chunk that Kubewright judges: none in a Helm template; else each that is a
 * Kubernetes object, or all of them when the chunk's text is plainly meant as one (a half-typed object is still
 * checked). The linter, the probe timeline and the hover agree on what is a manifest through this.
 */
export function judgedDocuments(chunkText: string, documents: readonly Document.Parsed[]): Document.Parsed[] {
  if (isTemplate(chunkText, documents)) return [];
  const chunkIsKubernetes = looksLikeKubernetes(chunkText);
  return documents.filter((document) => chunkIsKubernetes || kubernetesIdentity(document) !== undefined);
}
