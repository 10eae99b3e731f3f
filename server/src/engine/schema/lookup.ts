// Finding a document's schema from its apiVersion and kind: the built-in kinds, the groups they belong to, and what
// to say about a pair no built-in API serves. Custom resources (a group that is not built in) get their schema from
// their CRDs (crd/), consulted first by validate.ts.
import { schema } from './types';
import type { ObjectType } from './types';
import { closest } from './spelling';

export type KindLookup =
  | { found: true; typeId: string }
  /** A built-in group, but not this apiVersion/kind: `message` says what is wrong; `onKind` whether the kind is. */
  | { found: false; builtIn: true; message: string; onKind: boolean }
  /** A custom resource, a List, or a built-in version the schema does not carry (1.36's alphas and betas). */
  | { found: false; builtIn: false };

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Every built-in group and its versions, the core group as ''. */
const VERSIONS_BY_GROUP = new Map<string, string[]>();
for (const apiVersion of Object.keys(schema.kinds)) {
  const group = groupOf(apiVersion);
  VERSIONS_BY_GROUP.set(group, [...(VERSIONS_BY_GROUP.get(group) ?? []), apiVersion]);
}

const isGaVersion = (apiVersion: string) => /^v\d+$/.test(apiVersion.slice(apiVersion.indexOf('/') + 1));

export function lookupKind(apiVersion: string, kind: string): KindLookup {
  const typeId = schema.kinds[apiVersion]?.[kind];
  if (typeId) return { found: true, typeId };
  const versions = VERSIONS_BY_GROUP.get(groupOf(apiVersion));
  // `kind: List` (what `kubectl get -o yaml` prints) is a client-side wrapper, not an API kind.
  if (!versions || (apiVersion === 'v1' && kind === 'List')) return { found: false, builtIn: false };
  const kinds = schema.kinds[apiVersion];
  if (!kinds) {
    // An alpha or beta of 1.36 that the schema does not carry may well exist; a GA version it does not know does not.
    if (!isGaVersion(apiVersion)) return { found: false, builtIn: false };
    return { found: false, builtIn: true, onKind: false, message: `Unknown apiVersion \`${apiVersion}\`: the group serves ${list(versions)}` };
  }
  const elsewhere = Object.keys(schema.kinds).filter((v) => schema.kinds[v][kind] && isGaVersion(v));
  const anywhere = elsewhere.length ? elsewhere : Object.keys(schema.kinds).filter((v) => schema.kinds[v][kind]);
  if (anywhere.length) {
    return { found: false, builtIn: true, onKind: true, message: `\`${apiVersion}\` has no kind \`${kind}\`: ${kind} is served by ${list(anywhere)}` };
  }
  const guess = closest(kind, Object.keys(kinds));
  const hint = guess ? `: did you mean \`${guess}\`?` : '';
  return { found: false, builtIn: true, onKind: true, message: `\`${apiVersion}\` has no kind \`${kind}\`${hint}` };
}

function list(items: readonly string[]): string {
  return items.map((i) => `\`${i}\``).join(', ');
}

export function objectType(typeId: string): ObjectType {
  return schema.types[typeId];
}

/** The type's name for messages: `v1/PodSpec` → `PodSpec`. */
export function typeName(typeId: string): string {
  return typeId.slice(typeId.lastIndexOf('/') + 1);
}
