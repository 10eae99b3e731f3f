// Reading CustomResourceDefinitions: from a parsed document, or from a `---` chunk's text, the schema of every version
// of the kind it defines. apiextensions.k8s.io/v1, and v1beta1's shared spec.validation.
import { visit } from 'yaml';
import type { Document, Node } from 'yaml';
import { parseChunkText, splitChunks } from '../../parse';
import { limitFor } from '../../limits';
import { isTemplate, kubernetesIdentity } from '../../k8s/object';
import { rangeOf, scalarValue, seqItems, stringValue, valueAt, valueOf } from '../../k8s/nodes';
import { convertSchema, structureOf } from './convert';
import { hashText } from './custom-resources';
import type { CustomResourceSchema } from './custom-resources';

const CRD_KIND = 'CustomResourceDefinition';
const CRD_GROUP = 'apiextensions.k8s.io/';

/** Aliases a CRD may expand to before it is taken for a billion-laughs document and left out. */
const MAX_ALIAS_COUNT = 1000;

/** Whether a parsed document is a CustomResourceDefinition. */
export function isCrd(document: Document.Parsed): boolean {
  const identity = kubernetesIdentity(document);
  return identity?.kind === CRD_KIND && identity.apiVersion.startsWith(CRD_GROUP);
}

/**
 * What each parsed CRD document defines: the linter and the workspace index read the same parse of an open document,
 * and converting a large CRD costs tens of milliseconds.
 */
const read = new WeakMap<Document.Parsed, CustomResourceSchema[]>();

/**
 * The schemas a CRD document (parsed from `chunkText`) defines; none when it is not a CRD, does not parse, or lacks a
 * group, kind or schema.
 */
export function readCrd(document: Document.Parsed, chunkText: string): CustomResourceSchema[] {
  if (!isCrd(document) || document.errors.length > 0) return [];
  let schemas = read.get(document);
  if (!schemas) {
    schemas = convertCrd(document, chunkText);
    read.set(document, schemas);
  }
  return schemas;
}

function convertCrd(document: Document.Parsed, chunkText: string): CustomResourceSchema[] {
  const spec = valueOf(document.contents, 'spec');
  const group = stringValue(valueOf(spec, 'group'));
  const kind = stringValue(valueAt(spec, ['names', 'kind']));
  if (!group || !kind) return [];
  const v1beta1 = kubernetesIdentity(document)!.apiVersion === `${CRD_GROUP}v1beta1`;
  // v1beta1 keeps fields its schema does not list unless told not to; v1 always prunes them.
  const open = v1beta1 && scalarValue(valueOf(spec, 'preserveUnknownFields')) !== false;
  const shared = valueAt(spec, ['validation', 'openAPIV3Schema']);
  const versions: Array<{ name: string; schema: unknown }> = [];
  for (const version of seqItems(valueOf(spec, 'versions'))) {
    const name = stringValue(valueOf(version, 'name'));
    if (name) versions.push({ name, schema: valueAt(version, ['schema', 'openAPIV3Schema']) ?? shared });
  }
  const single = stringValue(valueOf(spec, 'version'));
  if (versions.length === 0 && single) versions.push({ name: single, schema: shared });
  // A version without a schema accepts any object: it is left as unknown, as a kind without a CRD is.
  const schemas: CustomResourceSchema[] = [];
  for (const { name, schema } of versions) {
    if (schema === undefined) continue;
    const converted = convertNode(schema as Node, kind, open, document, chunkText);
    if (!converted) return []; // too many aliases: not a CRD anyone deploys
    schemas.push({ apiVersion: `${group}/${name}`, kind, ...converted });
  }
  return schemas;
}

type Converted = Pick<CustomResourceSchema, 'root' | 'types' | 'token'>;

/**
 * Conversions by the hash of the schema's text (and the kind, and v1beta1's openness): editing a CRD's metadata, or
 * reading the same CRD in the CLI's pass over all files and again in its own file's lint, converts it once. Bounded:
 * the oldest go first.
 */
const converted = new Map<string, Converted>();
const ANCHOR = /(^|[\s,[{:-])&[^\s,[\]{}&]/;
const MAX_CONVERTED = 256;

function convertNode(node: Node, kind: string, open: boolean, document: Document.Parsed, chunkText: string): Converted | undefined {
  const range = rangeOf(node);
  // An alias inside may point at an anchor outside the schema's text: then the text does not say what it holds. Only a
  // chunk with an anchor (`&name`; not CEL's `&&`) can have one, and only then is the schema walked to look.
  let aliased = false;
  if (ANCHOR.test(chunkText)) visit(node, {
    Alias: () => {
      aliased = true;
      return visit.BREAK;
    },
  });
  const key = range && !aliased ? `${kind}\u0000${open}\u0000${hashText(chunkText.slice(range[0], range[1]))}` : undefined;
  const known = key === undefined ? undefined : converted.get(key);
  if (known) return known;
  let json: unknown;
  try {
    json = node.toJS(document, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
  const { root, types } = convertSchema(json, kind, open);
  const result = { root, types, token: hashText(JSON.stringify([root, structureOf(types)])) };
  if (key !== undefined) {
    converted.set(key, result);
    if (converted.size > MAX_CONVERTED) converted.delete(converted.keys().next().value!);
  }
  return result;
}

/** Cheap test on a chunk's text before parsing it: only a chunk that names the kind can define one. */
export function mayDefineCrd(chunkText: string): boolean {
  return chunkText.includes(CRD_KIND);
}

/**
 * The CRDs of one `---` chunk, parsing it only when it may hold one (or using `documents`, its parse, when given).
 * Helm templates and documents over the size limits define nothing: the linter does not read them either.
 */
export function readCrdsInChunk(chunkText: string, documents?: Document.Parsed[]): CustomResourceSchema[] {
  if (!mayDefineCrd(chunkText) || limitFor(chunkText) !== 'full') return [];
  const parsed = documents ?? parseChunkText(chunkText);
  if (isTemplate(chunkText, parsed)) return [];
  return parsed.flatMap((document) => {
    try {
      return readCrd(document, chunkText);
    } catch {
      return []; // a CRD the converter cannot read is one Kubewright does not know: never a reason to stop linting
    }
  });
}

/** The CRDs of a whole file's text. */
export function readCrdsInText(text: string): CustomResourceSchema[] {
  return splitChunks(text).flatMap((chunk) => readCrdsInChunk(chunk.text));
}
