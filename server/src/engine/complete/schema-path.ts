// The schema side of completion and hover: a document's root type from its apiVersion/kind as written (read from
// the text, so a half-typed document still has one), the type at a path of keys, and a type in words.
import { lookupKind, objectType, typeName } from '../schema/lookup';
import { schema } from '../schema/types';
import type { ObjectType, TypeExpr } from '../schema/types';
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

/** The root type id of the chunk's object, when the schema knows its apiVersion/kind. */
export function rootTypeOf(chunkText: string): string | undefined {
  const { apiVersion, kind } = writtenIdentity(chunkText);
  if (!apiVersion || !kind) return undefined;
  const found = lookupKind(apiVersion, kind);
  return found.found ? found.typeId : undefined;
}

/** The type at `path` below the root type, or undefined where the schema says nothing (a custom map, `any`). */
export function typeAt(rootTypeId: string, path: readonly string[]): TypeExpr | undefined {
  let type: TypeExpr = `#${rootTypeId}`;
  for (const step of path) {
    if (typeof type === 'object' && 'a' in type && step === ITEM) type = type.a;
    else if (typeof type === 'object' && 'm' in type && step !== ITEM) type = type.m;
    else if (typeof type === 'string' && type.startsWith('#') && step !== ITEM) {
      const field: [TypeExpr, string] | undefined = objectType(type.slice(1))?.p[step];
      if (!field) return undefined;
      type = field[0];
    } else return undefined;
  }
  return type;
}

/** The object type a type expression names, if it names one. */
export function objectOf(type: TypeExpr | undefined): { id: string; type: ObjectType } | undefined {
  if (typeof type !== 'string' || !type.startsWith('#')) return undefined;
  const id = type.slice(1);
  const found = objectType(id);
  return found ? { id, type: found } : undefined;
}

/** A type as `kubectl explain` would put it, Go-style: `boolean`, `Probe`, `[]Container`, `map[string]string`. */
export function typeWords(type: TypeExpr): string {
  if (typeof type === 'object') {
    if ('a' in type) return `[]${typeWords(type.a)}`;
    if ('m' in type) return `map[string]${typeWords(type.m)}`;
    return `string: ${enumValues(type).join(' | ')}`;
  }
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

/** The apiVersions that serve `kind` (every apiVersion when it is unknown), newest first. */
export function apiVersionsFor(kind: string | undefined): string[] {
  const all = Object.keys(schema.kinds);
  const serving = kind ? all.filter((v) => schema.kinds[v][kind]) : [];
  return newestFirst(serving.length ? serving : all);
}

/** The kinds `apiVersion` serves (every kind of a GA apiVersion when it is unknown), lists left out, sorted. */
export function kindsFor(apiVersion: string | undefined): string[] {
  const served = apiVersion ? schema.kinds[apiVersion] : undefined;
  const sources = served ? [served] : Object.keys(schema.kinds).filter((v) => /(^|\/)v\d+$/.test(v)).map((v) => schema.kinds[v]);
  const kinds = new Set<string>();
  for (const table of sources) for (const kind of Object.keys(table)) if (!kind.endsWith('List')) kinds.add(kind);
  return [...kinds].sort();
}
