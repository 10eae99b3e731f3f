// A CustomResourceDefinition's openAPIV3Schema on its way to apiextensions.k8s.io/v1, which takes only structural
// schemas and prunes the fields a schema does not list. A v1beta1 CRD kept them (unless `preserveUnknownFields:
// false`), so each object in its schema is marked `x-kubernetes-preserve-unknown-fields: true` to keep doing so.
import { isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import { decline } from '../editor';
import type { YamlEditor } from '../editor';
import { pairOf, scalarValue, stringValue, valueOf } from '../../k8s/nodes';
import type { Surgeon } from './surgery';

const PRESERVE = 'x-kubernetes-preserve-unknown-fields';
const JUNCTORS = ['allOf', 'anyOf', 'oneOf', 'not'];
/** What a structural schema may not say inside allOf/anyOf/oneOf/not (type only with x-kubernetes-int-or-string). */
const NOT_IN_JUNCTORS = ['type', 'description', 'default', 'additionalProperties', 'nullable', 'properties', 'items'];

export interface SchemaEdits {
  editor: YamlEditor;
  surgeon: Surgeon;
  /** Mark the objects so that unknown fields are kept, as v1beta1 did by default. */
  keepUnknownFields: boolean;
}

/** Keys under `node` (anywhere inside its maps and lists) that a junctor may not hold. */
function junctorKeys(node: unknown, intOrString: boolean, path: string): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = stringValue(pair.key);
      if (key && NOT_IN_JUNCTORS.includes(key) && !(key === 'type' && intOrString)) decline(`${path} sets ${key} inside a junctor`);
      junctorKeys(pair.value, intOrString, path);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) junctorKeys(item, intOrString, path);
  }
}

/** `x-kubernetes-preserve-unknown-fields: true` in an object schema: under its `type` line, or into its flow map. */
function markOpen(node: YAMLMap, edits: SchemaEdits): void {
  const type = pairOf(node, 'type');
  if (!node.flow && type && isScalar(type.value)) edits.surgeon.insertAfter(type, { [PRESERVE]: true });
  else edits.editor.ensure(node, { [PRESERVE]: true });
}

/** Root `metadata` may only restrict name and generateName; the API server keeps the rest of it, whatever it says. */
function checkMetadata(node: unknown): void {
  if (!isMap(node)) return decline('a metadata schema that is not a map');
  for (const pair of node.items) {
    const key = stringValue(pair.key);
    if (key === 'type' && stringValue(pair.value) === 'object') continue;
    if (key === 'properties' && isMap(pair.value) && pair.value.items.every((p) => ['name', 'generateName'].includes(stringValue(p.key) ?? ''))) continue;
    return decline(`metadata's schema sets ${key ?? '?'}`);
  }
}

/**
 * Checks that the schema is structural (every node typed, junctors holding only value checks) and, when asked, marks
 * every object whose fields it lists (or that lists none) as keeping unknown fields. Declines what it cannot vouch for.
 */
export function migrateSchema(node: unknown, edits: SchemaEdits, path = 'openAPIV3Schema'): void {
  if (!isMap(node)) return decline(`${path} is not a map`);
  const type = stringValue(valueOf(node, 'type'));
  const intOrString = scalarValue(valueOf(node, 'x-kubernetes-int-or-string')) === true;
  const preserve = scalarValue(valueOf(node, PRESERVE)) === true;
  if (!type && !intOrString && !preserve) return decline(`${path} has no type`);
  for (const junctor of JUNCTORS) junctorKeys(valueOf(node, junctor), intOrString, `${path}.${junctor}`);
  const properties = valueOf(node, 'properties');
  if (properties !== undefined) {
    if (!isMap(properties)) return decline(`${path}.properties is not a map`);
    for (const pair of properties.items) {
      const key = stringValue(pair.key) ?? decline(`${path}.properties has a key that is not a string`);
      if (path === 'openAPIV3Schema' && key === 'metadata') checkMetadata(pair.value);
      else migrateSchema(pair.value, edits, `${path}.properties.${key}`);
    }
  }
  const items = valueOf(node, 'items');
  if (items !== undefined) migrateSchema(items, edits, `${path}.items`);
  const additional = valueOf(node, 'additionalProperties');
  if (isMap(additional)) migrateSchema(additional, edits, `${path}.additionalProperties`);
  // With additionalProperties every field is listed; otherwise v1 prunes what `properties` leaves out.
  if (edits.keepUnknownFields && type === 'object' && !preserve && additional === undefined) markOpen(node, edits);
}
