// Completion at a cursor in a Kubernetes manifest, from the schema of the document's apiVersion/kind (built in, or its
// CRD's): the keys the map at the cursor can still take, the values of enum fields, apiVersion and kind, and names
// defined in the file.
import { detectStyle } from '../fix/style';
import { parseChunkText, splitChunks } from '../parse';
import type { Document } from 'yaml';
import { locate, pathTo, shapeOf, siblingKeys } from './context';
import { containerPortNames, serviceNames } from './references';
import { LATEST_KUBERNETES_VERSION, lifecycleOf } from '../k8s/api-lifecycle';
import { parseKubernetesVersion, reached } from '../k8s/kubernetes-version';
import { apiVersionsFor, blockShape, enumValues, fieldType, kindsFor, objectOf, schemaOf, typeAt, typeWords, writtenIdentity } from './schema-path';
import type { DocumentSchema } from './schema-path';
import { customResourcesIn, lazily } from './custom-kinds';
import type { CustomKindsSource } from './custom-kinds';
import type { CustomResources } from '../schema/crd/custom-resources';

export type CompletionEntryKind = 'field' | 'value' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  /** The field's type, or where a name comes from. */
  detail?: string;
  /** The field's description (plain text). */
  documentation?: string;
  /** What replaces [replaceStart, replaceEnd): for a key, the key and the start of its value, indented absolutely. */
  insertText: string;
  sortText: string;
  replaceStart: number;
  replaceEnd: number;
}

export interface CompletionOptions extends CustomKindsSource {
  /** The character whose typing asked for completion; a space asks only after `key: ` or `- `. */
  triggerCharacter?: string;
  /** The targeted Kubernetes version ("1.36"): apiVersions removed by then are not offered. */
  kubernetesVersion?: string;
  /** The text's `---` chunks when the caller keeps them (an open document does), else they are split here. */
  chunks?: ReadonlyArray<{ offset: number; text: string }>;
  /** Parses of those chunks already made (an open document's linter has them), for completions that read the file. */
  parsed?: (chunkText: string) => Document.Parsed[] | undefined;
}

/** What completion knows about the cursor's surroundings. */
interface Site {
  chunks: ReadonlyArray<{ offset: number; text: string }>;
  parsed?: (chunkText: string) => Document.Parsed[] | undefined;
  chunkOffset: number;
  chunkText: string;
  lines: string[];
  lineNo: number;
  /** The chunk parsed with the cursor's line blanked, so a half-typed line does not spoil the rest. */
  documents: () => Document.Parsed[];
  /** The custom kinds known in the file: the caller's CRDs with the file's own in their place. */
  customResources: () => CustomResources;
  /** The schema of the cursor's document, when its kind is built in or has a known CRD. */
  schema: () => DocumentSchema | undefined;
}

export function complete(text: string, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const chunks = options.chunks ?? splitChunks(text);
  const { chunkOffset, chunkText, lines, starts, lineNo, column } = locate(text, offset, chunks);
  const line = lines[lineNo];
  if (column > line.length) return [];
  let parsed: Document.Parsed[] | undefined;
  const customResources = lazily(() => customResourcesIn(chunks, options));
  const site: Site = {
    chunks,
    parsed: options.parsed,
    chunkOffset,
    chunkText,
    lines,
    lineNo,
    documents: () =>
      (parsed ??= parseChunkText(chunkText.slice(0, starts[lineNo]) + ' '.repeat(line.length) + chunkText.slice(starts[lineNo] + line.length))),
    customResources,
    schema: lazily(() => schemaOf(chunkText, customResources)),
  };
  const before = line.slice(0, column);
  const after = line.slice(column);
  const at = offset; // file offset of the cursor
  const shape = shapeOf(before);
  const valueMatch = shape.key ? /^[ \t]*:[ \t]+([^\s#]*)$/.exec(before.slice(shape.key.end)) : null;
  if (shape.key && valueMatch) {
    const partial = valueMatch[1];
    const rest = /^[^\s#]*/.exec(after)![0];
    return valueEntries(site, shape.key.name, shape.key.col, shape.dashes, at - partial.length, at + rest.length, options);
  }
  const keyMatch = /^( *)((?:- +)*)([^\s#:'"{}[\],-][^\s#:'"{}[\],]*)?$/.exec(before);
  if (!keyMatch || !/^[^\s#:]*\s*$/.test(after)) return [];
  const word = keyMatch[3] ?? '';
  if (options.triggerCharacter === ' ' && (word !== '' || keyMatch[2] === '')) return [];
  const dashes = shapeOf(`${before}x`).dashes; // the dashes before the word, even before it has a letter
  const wordEnd = at + /^[^\s#:]*/.exec(after)![0].length;
  return keyEntries(site, before.length - word.length, dashes, at - word.length, wordEnd);
}

function keyEntries(site: Site, keyCol: number, dashes: number[], start: number, end: number): CompletionEntry[] {
  if (dashes.length > 1) return [];
  const dashCol = dashes[0];
  const path = pathTo(site.lines, site.lineNo, keyCol, dashCol);
  if (!path) return [];
  const present = siblingKeys(site.lines, site.lineNo, keyCol, dashCol !== undefined);
  const schema = site.schema();
  if (!schema) {
    // No schema yet: at the top of a document, the two keys that choose one.
    if (path.length) return [];
    return ['apiVersion', 'kind']
      .filter((key) => !present.has(key))
      .map((key, i) => ({ label: key, kind: 'field', detail: 'string', insertText: `${key}: `, sortText: `0${i}`, replaceStart: start, replaceEnd: end }));
  }
  const object = objectOf(schema, typeAt(schema, path));
  if (!object) return [];
  const style = detectStyle(site.chunkText, site.documents()[0]);
  const required = new Set(object.type.r ?? []);
  const first = path.length === 0 ? ['apiVersion', 'kind', 'metadata', 'spec'] : [];
  const entries: CompletionEntry[] = [];
  for (const [key, [type, description]] of Object.entries(object.type.p)) {
    // status is written by the cluster; a manifest that sets it has it ignored.
    if (present.has(key) || (path.length === 0 && key === 'status')) continue;
    const rank = first.includes(key) ? `0${first.indexOf(key)}` : required.has(key) ? '1' : '2';
    const shape = blockShape(type);
    const insertText =
      shape === 'map'
        ? `${key}:${style.eol}${' '.repeat(keyCol + style.indent)}`
        : shape === 'list'
          ? `${key}:${style.eol}${' '.repeat(keyCol + style.sequenceIndent)}- `
          : `${key}: `;
    entries.push({
      label: key,
      kind: 'field',
      detail: `${typeWords(type)}${required.has(key) ? ' (required)' : ''}`,
      documentation: description || undefined,
      insertText,
      sortText: `${rank}-${key}`,
      replaceStart: start,
      replaceEnd: end,
    });
  }
  return entries;
}

function valueEntries(site: Site, key: string, keyCol: number, dashes: number[], start: number, end: number, options: CompletionOptions): CompletionEntry[] {
  if (dashes.length > 1) return [];
  const path = pathTo(site.lines, site.lineNo, keyCol, dashes[0]);
  if (!path) return [];
  const entry = (label: string, i: number, kind: CompletionEntryKind, detail?: string): CompletionEntry => ({
    label,
    kind,
    detail,
    insertText: label,
    sortText: String(i).padStart(3, '0'),
    replaceStart: start,
    replaceEnd: end,
  });
  const identity = writtenIdentity(site.chunkText);
  if (path.length === 0 && key === 'apiVersion') {
    const served = apiVersionsFor(identity.kind, site.customResources()).filter((v) => servedAt(v, identity.kind, options.kubernetesVersion));
    return served.map((v, i) => entry(v, i, 'value', identity.kind));
  }
  if (path.length === 0 && key === 'kind') return kindsFor(identity.apiVersion, site.customResources()).map((k, i) => entry(k, i, 'value', identity.apiVersion));
  const schema = site.schema();
  const parent = schema ? objectOf(schema, typeAt(schema, path)) : undefined;
  const type = fieldType(parent?.type, key);
  if (!parent || !type) return [];
  if (typeof type === 'object' && 'e' in type) return enumValues(type).map((v, i) => entry(v, i, 'value', typeWords(type)));
  if (type === 'boolean') return ['true', 'false'].map((v, i) => entry(v, i, 'value', 'boolean'));
  if (key === 'port' && (parent.id === 'v1/HTTPGetAction' || parent.id === 'v1/TCPSocketAction')) {
    // A probe or lifecycle hook names a port of its own pod: this document's containers.
    return portEntries(containerPortNames(site.documents()), entry);
  }
  if (key === 'targetPort' && parent.id === 'v1/ServicePort') {
    // A Service names a port of the pods it selects: the workloads elsewhere in the file.
    return portEntries(containerPortNames(allDocuments(site)), entry);
  }
  if (key === 'name' && parent.id === 'networking.k8s.io/v1/IngressServiceBackend') {
    return serviceNames(allDocuments(site)).map((name, i) => entry(name, i, 'reference', 'Service in this file'));
  }
  return [];
}

function portEntries(
  ports: ReturnType<typeof containerPortNames>,
  entry: (label: string, i: number, kind: CompletionEntryKind, detail?: string) => CompletionEntry,
): CompletionEntry[] {
  return ports.map((port, i) => {
    const number = port.containerPort === undefined ? '' : ` ${port.containerPort}`;
    return entry(port.name, i, 'reference', `port${number} of container "${port.container}"`);
  });
}

/** Every document of the file, the cursor's chunk with its line blanked; the others parsed only when no parse is at hand. */
function allDocuments(site: Site): Document.Parsed[] {
  return site.chunks.flatMap((chunk) =>
    chunk.offset === site.chunkOffset ? site.documents() : (site.parsed?.(chunk.text) ?? parseChunkText(chunk.text)),
  );
}

/** False for an apiVersion of `kind` that the targeted Kubernetes version no longer serves. */
function servedAt(apiVersion: string, kind: string | undefined, target: string | undefined): boolean {
  const version = parseKubernetesVersion(target ?? LATEST_KUBERNETES_VERSION);
  const removedIn = kind === undefined ? undefined : lifecycleOf(apiVersion, kind)?.removedIn;
  return !version || !reached(version, removedIn);
}
