// The schema side of completion and hover: a document's schema from its apiVersion/kind as written (read from the
// text, so a half-typed document still has one), built in or from a CRD, the type at a path of keys, a type in words.
import { lookupKind, objectType, typeName } from '../schema/lookup';
import { schema } from '../schema/types';
import type { ObjectType, TypeExpr } from '../schema/types';
import { CustomResources } from '../schema/crd/custom-resources';
import { ITEM } from './context';

export interface WrittenIdentity {
  apiVersion?: string;
  kind?: string;
}

/** The top-level `apiVersion:` and `kind:` of a chunk, as plain or quoted scalars at column 0. */
export function writtenIdentity(chunkText: string): WrittenIdentity {
  const read = (key: string) => new RegExp(`^${key}:[ \\t]*["']?([^\\s"'#]+)`, 'm').exec(chunkText)?.[1];
  return { apiVersion: read('apiVersion'), kind: read('kind') };
}

/** Where a document's types are found: a custom kind's CRD types first (ObjectMeta stays built in), then the built-in schema. */
export interface DocumentSchema {
  /** The id of the object's root type. */
  root: string;
  /** The types of the custom kind's CRD, for a custom kind. */
  custom?: Record<string, ObjectType>;
}

/**
 * The schema of the chunk's object: its built-in kind's, else its custom kind's CRD's among `customResources` (asked
 * only then); undefined for a kind neither knows. Built-in kinds come first, unlike in the validator: no CRD can
 * define one (the API server keeps their groups), and completion on them needs no CRD read.
 */
export function schemaOf(chunkText: string, customResources: () => CustomResources = () => CustomResources.none): DocumentSchema | undefined {
  const { apiVersion, kind } = writtenIdentity(chunkText);
  if (!apiVersion || !kind) return undefined;
  const found = lookupKind(apiVersion, kind);
  if (found.found) return { root: found.typeId };
  const custom = customResources().lookup(apiVersion, kind);
  return custom && { root: custom.root, custom: custom.types };
}

function typeOf(documentSchema: DocumentSchema, typeId: string): ObjectType | undefined {
  return documentSchema.custom?.[typeId] ?? objectType(typeId);
}

/**
 * The type at `path` below the root type, or undefined where the schema says nothing (a field it does not know). A
 * field a CRD does not list has the type of its object's other fields (`additionalProperties`), 'any' when it keeps
 * unknown fields: then nothing is offered, as nothing is checked.
 */
export function typeAt(documentSchema: DocumentSchema, path: readonly string[]): TypeExpr | undefined {
  let type: TypeExpr = `#${documentSchema.root}`;
  for (const step of path) {
    if (typeof type === 'object' && 'a' in type && step === ITEM) type = type.a;
    else if (typeof type === 'object' && 'm' in type && step !== ITEM) type = type.m;
    else if (typeof type === 'string' && type.startsWith('#') && step !== ITEM) {
      const field = fieldType(typeOf(documentSchema, type.slice(1)), step);
      if (!field) return undefined;
      type = field;
    } else return undefined;
  }
  return type;
}

/** The type of an object's field: listed (own properties only: a field may be called `constructor`), or its other fields'. */
export function fieldType(object: ObjectType | undefined, name: string): TypeExpr | undefined {
  if (!object) return undefined;
  return Object.hasOwn(object.p, name) ? object.p[name][0] : object.o;
}

/** The object type a type expression names, if it names one. */
export function objectOf(documentSchema: DocumentSchema, type: TypeExpr | undefined): { id: string; type: ObjectType } | undefined {
  if (typeof type !== 'string' || !type.startsWith('#')) return undefined;
  const id = type.slice(1);
  const found = typeOf(documentSchema, id);
  return found ? { id, type: found } : undefined;
}

/** An object type's name for a hover: `SecurityContext`, or a CRD's path to it, `Widget.spec.parts[]`. */
export function objectName(object: { id: string; type: ObjectType }): string {
  return object.type.n ?? typeName(object.id);
}

/** A type as `kubectl explain` would put it, Go-style: `boolean`, `Probe`, `[]Container`, `map[string]string`. */
export function typeWords(type: TypeExpr): string {
  if (typeof type === 'object') {
    if ('a' in type) return `[]${typeWords(type.a)}`;
    if ('m' in type) return `map[string]${typeWords(type.m)}`;
    return `string: ${enumValues(type).join(' | ')}`;
  }
  // A CRD's object types have paths for names (convert.ts): `kubectl explain` calls them Object.
  if (type.startsWith('#crd:')) return 'object';
  return type.startsWith('#') ? typeName(type.slice(1)) : type;
}

/** An enum's values, without the empty string that some accept as "unset". */
export function enumValues(type: { e: string[] }): string[] {
  return type.e.filter((value) => value !== '');
}

/** What a block value of this type starts with under its key: a map, a list, or neither (a scalar). */
export function blockShape(type: TypeExpr): 'map' | 'list' | 'scalar' {
  if (typeof type === 'object') return 'a' in type ? 'list' : 'm' in type ? 'map' : 'scalar';
  return type.startsWith('#') ? 'map' : 'scalar';
}

/** Orders apiVersions newest first: GA before beta before alpha, higher versions first, then by group. */
export function newestFirst(apiVersions: readonly string[]): string[] {
  const rank = (apiVersion: string): number[] => {
    const m = /(?:^|\/)v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
    if (!m) return [0, 0, 0];
    const stability = m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  return [...apiVersions].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
    return a.localeCompare(b);
  });
}

/** The apiVersions that serve `kind` (every apiVersion when it is unknown), built in or `custom`, newest first. */
export function apiVersionsFor(kind: string | undefined, custom: CustomResources = CustomResources.none): string[] {
  const customKinds = custom.kinds();
  const builtIn = Object.keys(schema.kinds);
  const serving = kind ? [...builtIn.filter((v) => schema.kinds[v][kind]), ...customKinds.filter((k) => k.kind === kind).map((k) => k.apiVersion)] : [];
  const all = [...builtIn, ...customKinds.map((k) => k.apiVersion)];
  return newestFirst([...new Set(serving.length ? serving : all)]);
}

/**
 * The kinds `apiVersion` serves, built in or `custom` (every kind of a GA apiVersion, and every custom kind, when it is
 * unknown), lists left out, sorted.
 */
export function kindsFor(apiVersion: string | undefined, custom: CustomResources = CustomResources.none): string[] {
  const kinds = new Set<string>();
  const served = apiVersion ? schema.kinds[apiVersion] : undefined;
  const customKinds = custom.kinds();
  const customServed = served ? [] : customKinds.filter((k) => k.apiVersion === apiVersion);
  if (customServed.length) {
    for (const { kind } of customServed) kinds.add(kind);
    return [...kinds].sort();
  }
  const sources = served ? [served] : Object.keys(schema.kinds).filter((v) => /(^|\/)v\d+$/.test(v)).map((v) => schema.kinds[v]);
  for (const table of sources) for (const kind of Object.keys(table)) if (!kind.endsWith('List')) kinds.add(kind);
  if (!served) for (const { kind } of customKinds) kinds.add(kind);
  return [...kinds].sort();
}
