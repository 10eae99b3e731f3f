// CustomResourceDefinition from apiextensions.k8s.io/v1beta1 to v1. v1 keeps everything per version: the schema
// (`spec.validation.openAPIV3Schema` → `versions[].schema.openAPIV3Schema`), `subresources` and
// `additionalPrinterColumns` (whose `JSONPath` becomes `jsonPath`) are copied into each version; a single
// `version: v1` becomes `versions: [{name: v1, served: true, storage: true, …}]`. Defaults v1 dropped are written
// out: `scope: Namespaced`, unknown fields kept (crd-schema.ts) unless `preserveUnknownFields: false`.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { decline, YamlEditor } from '../editor';
import { Renderer } from '../render';
import type { YamlMapValue } from '../render';
import { columnOf, nextLineStart } from '../style';
import type { YamlStyle } from '../style';
import { pairOf, scalarValue, seqItems, stringValue, valueOf } from '../../k8s/nodes';
import type { Migration, MigrationInput } from './migration';
import { copyPairLines } from './copy';
import { migrateSchema } from './crd-schema';
import { Surgeon } from './surgery';

/** What v1beta1 CRDs shared across versions and v1 keeps in each: a pair, and edits to make inside its copies. */
interface Shared {
  schema?: Pair;
  subresources?: Pair;
  columns?: Pair;
  /** Edits inside the shared pairs (preserve-unknown-fields marks, JSONPath renamed), made once, copied each time. */
  scratch: YamlEditor;
}

/** The key lines a version gets in place of what the spec shared, at the version's key column. */
function sharedLines(input: MigrationInput, shared: Shared, column: number): string {
  const { editor, style } = input;
  const copy = (pair: Pair, at: number) => copyPairLines(editor, pair, at, style.eol, shared.scratch.edits);
  let text = '';
  if (shared.schema) text += `${' '.repeat(column)}schema:${style.eol}${copy(shared.schema, column + style.indent)}`;
  if (shared.subresources) text += copy(shared.subresources, column);
  if (shared.columns) text += copy(shared.columns, column);
  return text;
}

/** A schema that takes anything and prunes nothing: what a v1beta1 CRD without validation meant. */
const OPEN_SCHEMA: YamlMapValue = { schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } };

/** `JSONPath` → `jsonPath` in each printer column. */
function renameJsonPaths(columns: unknown, surgeon: Surgeon): void {
  if (!isSeq(columns)) return decline('additionalPrinterColumns is not a list');
  for (const column of columns.items) {
    const path = pairOf(column, 'JSONPath') ?? decline('a printer column without JSONPath');
    surgeon.renameKey(path, 'jsonPath');
  }
}

/** Lines inserted after `pair`'s line; at the end of a file without a final line break, the break goes first. */
function insertAfterLine(editor: YamlEditor, style: YamlStyle, pair: Pair, text: string): void {
  const value = pair.value;
  if (!isScalar(value) || !value.range) return decline('inserting after a pair whose value is not a scalar');
  const at = nextLineStart(editor.source, value.range[1]);
  const atEnd = at === editor.source.length && !editor.source.endsWith('\n');
  editor.edits.push({ start: at, end: at, text: atEnd ? style.eol + text.slice(0, -style.eol.length) : text });
}

/** An existing `versions` list: each version gets the shared pairs, and keeps or marks its own. */
function migrateVersions(input: MigrationInput, versions: unknown, shared: Shared, keepUnknownFields: boolean): void {
  const { editor, surgeon, style } = input;
  const items = seqItems(versions);
  if (items.length === 0) return decline('an empty versions list');
  for (const version of items) {
    if (!isMap(version)) return decline('a version that is not a map');
    const own = (key: string) => pairOf(version, key);
    if ((shared.schema && own('schema')) || (shared.subresources && own('subresources')) || (shared.columns && own('additionalPrinterColumns'))) {
      return decline('a version that sets what the spec also sets for every version');
    }
    const schema = own('schema');
    if (schema) migrateSchema(valueOf(schema.value, 'openAPIV3Schema'), { editor, surgeon, keepUnknownFields });
    const columns = own('additionalPrinterColumns');
    if (columns) renameJsonPaths(columns.value, surgeon);
    // v1beta1 read a missing served or storage as false, and so does this.
    const missing: Record<string, boolean> = {};
    for (const key of ['served', 'storage']) if (!own(key)) missing[key] = false;
    let generated: YamlMapValue = missing;
    if (!schema && !shared.schema) {
      if (!keepUnknownFields) return decline('a version without a schema to prune by');
      generated = { ...missing, ...OPEN_SCHEMA };
    }
    const copied = shared.schema || shared.subresources || shared.columns;
    if (!copied) {
      if (Object.keys(generated).length) editor.ensure(version, generated);
      continue;
    }
    if (version.flow) return decline('a version in flow style');
    // After its last scalar among name, served and storage, at its keys' column.
    const anchor = [own('storage'), own('served'), own('name')].find((p) => p && isScalar(p.value)) ?? decline('a version without a name');
    const column = columnOf(editor.source, (anchor.key as Node).range![0]);
    const text = new Renderer(style).blockMap(generated, column).text + sharedLines(input, shared, column);
    insertAfterLine(editor, style, anchor, text);
  }
}

/** A single `version: v1` becomes `versions:` with that one version, served and stored, holding the shared pairs. */
function migrateSingleVersion(input: MigrationInput, version: Pair, shared: Shared, keepUnknownFields: boolean): void {
  const { editor, style } = input;
  const key = version.key as Node;
  const value = version.value;
  if (!isScalar(value) || !value.range || typeof value.value !== 'string') return decline('a version that is not a string');
  if (!shared.schema && !keepUnknownFields) return decline('no schema to prune by');
  // The key and its value become `versions:`; a comment after them stays on that line.
  editor.edits.push({ start: key.range![0], end: value.range[1], text: 'versions:' });
  const dash = columnOf(editor.source, key.range![0]) + style.sequenceIndent;
  const column = dash + 2;
  const name = editor.source.slice(value.range[0], value.range[1]);
  const render = new Renderer(style);
  let text = `${' '.repeat(dash)}- name: ${name}${style.eol}` + render.blockMap({ served: true, storage: true }, column).text;
  if (!shared.schema) text += render.blockMap(OPEN_SCHEMA, column).text;
  insertAfterLine(editor, style, version, text + sharedLines(input, shared, column));
}

/** Webhook conversion: `webhookClientConfig` and `conversionReviewVersions` move under v1's `webhook`. */
function migrateConversion(conversion: unknown, surgeon: Surgeon): void {
  if (!isMap(conversion)) return decline('conversion is not a map');
  if (stringValue(valueOf(conversion, 'strategy')) !== 'Webhook') return;
  const client = pairOf(conversion, 'webhookClientConfig');
  const reviews = pairOf(conversion, 'conversionReviewVersions');
  // v1beta1 defaulted the review versions to [v1beta1]; v1 requires them. Written, they move; unwritten, a person decides.
  if (!client || !reviews) return decline('webhook conversion without webhookClientConfig and conversionReviewVersions');
  if (Math.abs(conversion.items.indexOf(client) - conversion.items.indexOf(reviews)) !== 1) return decline('webhook conversion settings apart');
  surgeon.nest(conversion, [
    { pair: client, path: ['webhook', 'clientConfig'] },
    { pair: reviews, path: ['webhook', 'conversionReviewVersions'] },
  ]);
}

export const CRD_MIGRATIONS: readonly Migration[] = [
  {
    from: ['apiextensions.k8s.io/v1beta1'],
    kinds: ['CustomResourceDefinition'],
    to: 'apiextensions.k8s.io/v1',
    migrate(input) {
      const { editor, surgeon, style, root, apiVersion } = input;
      const spec = valueOf(root, 'spec');
      if (!isMap(spec) || spec.flow) return decline('no block spec');
      const pair = (key: string) => pairOf(spec, key);
      const preserve = pair('preserveUnknownFields');
      const keepUnknownFields = scalarValue(preserve?.value) !== false;
      const validation = pair('validation');
      const schemaPair = validation && pairOf(validation.value, 'openAPIV3Schema');
      if (validation && (!schemaPair || (validation.value as YAMLMap).items.length !== 1)) return decline('validation other than openAPIV3Schema');
      const shared: Shared = { schema: schemaPair, subresources: pair('subresources'), columns: pair('additionalPrinterColumns'), scratch: new YamlEditor(editor.source, style) };
      const scratchSurgeon = new Surgeon(shared.scratch, style);
      if (schemaPair) migrateSchema(schemaPair.value, { editor: shared.scratch, surgeon: scratchSurgeon, keepUnknownFields });
      if (shared.columns) renameJsonPaths(shared.columns.value, scratchSurgeon);

      editor.setScalar(apiVersion, 'apiextensions.k8s.io/v1');
      // v1 requires the scope v1beta1 defaulted.
      if (!pair('scope')) {
        const group = pair('group');
        if (group && isScalar(group.value)) surgeon.insertAfter(group, { scope: 'Namespaced' });
        else editor.ensure(spec, { scope: 'Namespaced' });
      }
      const versions = pair('versions');
      const version = pair('version');
      if (versions) migrateVersions(input, versions.value, shared, keepUnknownFields);
      else if (version) migrateSingleVersion(input, version, shared, keepUnknownFields);
      else return decline('no version');
      const conversion = pair('conversion');
      if (conversion) migrateConversion(conversion.value, surgeon);
      // Removed last: an insertion where removed lines start must come first among edits at one offset.
      for (const gone of [versions && version, validation, shared.subresources, shared.columns, preserve]) {
        if (gone) editor.removePair(spec, gone);
      }
    },
  },
];
