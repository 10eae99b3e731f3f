// Small, null-safe helpers for reading eemeli/yaml nodes the way rules need them, and for turning a node or
// pair into the exact range a finding should cover.
import { isCollection, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

/** Something a finding can sit on: a node, a key/value pair, or an explicit [start, end) range. */
export type Located = Node | Pair | readonly [number, number];

/** The pair for `key` in a block or flow map, if the map has it. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) ? item.key.value === key : item.key === key) return item;
  }
  return undefined;
}

/** The value node for `key`, or undefined. */
export function valueOf(map: unknown, key: string): unknown {
  return pairOf(map, key)?.value ?? undefined;
}

/** Walks a key path through nested maps. */
export function valueAt(map: unknown, path: readonly string[]): unknown {
  let node: unknown = map;
  for (const key of path) {
    node = valueOf(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

export function mapAt(map: unknown, path: readonly string[]): YAMLMap | undefined {
  const node = valueAt(map, path);
  return isMap(node) ? node : undefined;
}

export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? (node as YAMLSeq).items : [];
}

/** The JS value of a scalar node (true, 0, "x"), or undefined for anything that is not a scalar. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? (node as Scalar).value : undefined;
}

/** A scalar's string value; numbers and booleans are not strings here. */
export function stringValue(node: unknown): string | undefined {
  const v = scalarValue(node);
  return typeof v === 'string' ? v : undefined;
}

/** The [start, end) range a finding on this node or pair covers: key to end of value, trailing comment excluded. */
export function rangeOf(at: Located): [number, number] | undefined {
  if (Array.isArray(at)) return [at[0], at[1]];
  if (isPair(at)) {
    const key = rangeOf(at.key as Node) ?? undefined;
    const value = at.value ? rangeOf(at.value as Node) : undefined;
    if (!key) return value;
    // A block map or sequence value would paint the whole block: the key alone says where. An empty value
    // (`securityContext:` with nothing after it) has a zero-width range: the key alone is enough there too.
    if (isCollection(at.value) && !(at.value as YAMLMap).flow) return key;
    return value && value[1] > key[1] ? [key[0], value[1]] : key;
  }
  const range = (at as Node).range;
  return range ? [range[0], range[1]] : undefined;
}
