// The custom kinds the validator knows: one schema per apiVersion/kind, from the CRDs a caller hands over (the
// workspace's, the CLI's files') and those of the file being linted, which win. Immutable: a change makes a new set.
import type { ObjectType } from '../types';

/** One version of one custom kind, as a CRD defines it. */
export interface CustomResourceSchema {
  /** `group/version`, as objects of the kind write it. */
  apiVersion: string;
  kind: string;
  /** The id of the root type in `types`; the ids of built-in types (ObjectMeta) resolve in the built-in schema. */
  root: string;
  types: Record<string, ObjectType>;
  /**
   * Equal for equal schemas (a hash of the converted types, descriptions left out): two copies of one CRD agree, and a
   * linter's cached findings for an object stay valid while the token of its kind does not change.
   */
  token: string;
}

const keyOf = (apiVersion: string, kind: string) => `${apiVersion}\u0000${kind}`;

export class CustomResources {
  static readonly none = new CustomResources([]);

  /** By apiVersion and kind: the schema, or null when CRDs disagree about it. */
  private readonly byKey = new Map<string, CustomResourceSchema | null>();

  /**
   * The schemas of `definitions`. When two differ for the same apiVersion/kind (two releases of an operator in one
   * repository), which one the cluster has is unknown: objects of that kind are not checked rather than checked
   * against the wrong one. Definitions in `base` are replaced by those here, kind by kind.
   */
  constructor(definitions: Iterable<CustomResourceSchema>, base?: CustomResources) {
    const own = new Map<string, CustomResourceSchema | null>();
    for (const definition of definitions) {
      const key = keyOf(definition.apiVersion, definition.kind);
      const known = own.get(key);
      own.set(key, known === undefined || known?.token === definition.token ? definition : null);
    }
    if (base) for (const [key, schema] of base.byKey) if (!own.has(key)) this.byKey.set(key, schema);
    for (const [key, schema] of own) this.byKey.set(key, schema);
  }

  /** This set with `definitions` (the linted file's own CRDs) in place of what it had for their kinds. */
  with(definitions: readonly CustomResourceSchema[]): CustomResources {
    return definitions.length === 0 ? this : new CustomResources(definitions, this);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every apiVersion/kind a CRD defines, those CRDs disagree about included: what completion offers. */
  kinds(): Array<{ apiVersion: string; kind: string }> {
    return [...this.byKey.keys()].map((key) => {
      const [apiVersion, kind] = key.split('\u0000');
      return { apiVersion, kind };
    });
  }

  lookup(apiVersion: string, kind: string): CustomResourceSchema | undefined {
    return this.byKey.get(keyOf(apiVersion, kind)) ?? undefined;
  }

  /** What checking an object of this apiVersion/kind depends on: its schema's token, '' when it has none. */
  token(apiVersion: string, kind: string): string {
    return this.lookup(apiVersion, kind)?.token ?? '';
  }
}

/**
 * A 53-bit hash of a string (cyrb53, public domain), in base 36: enough to tell schemas apart, without holding their
 * text (a CRD's can be a megabyte) or depending on Node's crypto in the engine.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `:${text.length.toString(36)}`;
}
