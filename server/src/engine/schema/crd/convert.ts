// A CustomResourceDefinition's openAPIV3Schema (as plain JSON) turned into the compact types validate.ts walks for
// built-in kinds, with each field's description for completion and hover. Wherever the CRD's schema is lenient or says
// something the compact form cannot, so is the result.
import type { ObjectType, TypeExpr } from '../types';

export interface ConvertedSchema {
  /** The id of the object's root type in `types`. */
  root: string;
  types: Record<string, ObjectType>;
}

/**
 * Deeper than this the schema is not followed (anything is accepted): no real CRD nests so far, and a hostile one
 * must not exhaust the stack of the converter or of the validator after it.
 */
const MAX_DEPTH = 100;

/** Keywords that make an anyOf/oneOf/allOf branch say what the node's own structure does not: see `branchesShape`. */
const STRUCTURAL = ['type', 'properties', 'items', 'additionalProperties', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts the schema of one version of a custom kind. `open` (a v1beta1 CRD that keeps unknown fields, as v1beta1
 * does unless `preserveUnknownFields: false`) accepts fields the schema does not list, everywhere.
 */
export function convertSchema(schema: unknown, kind: string, open: boolean): ConvertedSchema {
  return new Converter(open).root(schema, kind);
}

class Converter {
  private readonly types: Record<string, ObjectType> = {};

  constructor(private readonly open: boolean) {}

  root(schema: unknown, kind: string): ConvertedSchema {
    const converted = this.convert(schema, kind, 0);
    // The root is always an object with the fields every object has, whatever the CRD says of them: the API server
    // validates metadata as ObjectMeta (a CRD may only narrow name and generateName).
    let id: string;
    if (typeof converted === 'string' && converted.startsWith('#')) id = converted.slice(1);
    else {
      // Not an object with properties (preserve-unknown-fields alone): any field, but still the ones above.
      id = this.idFor(kind);
      this.types[id] = { n: kind, p: Object.create(null) as ObjectType['p'], o: 'any' };
    }
    const root = this.types[id];
    // The CRD's descriptions of them stay (controller-gen writes Kubernetes' own).
    const described = (name: string) => (Object.hasOwn(root.p, name) ? root.p[name][1] : '');
    root.p.apiVersion = ['string', described('apiVersion')];
    root.p.kind = ['string', described('kind')];
    root.p.metadata = ['#meta/v1/ObjectMeta', described('metadata')];
    return { root: id, types: this.types };
  }

  /** The type of a schema node; `path` (`VirtualService.spec.http[]`) names it in messages. */
  private convert(node: unknown, path: string, depth: number): TypeExpr {
    if (!isObject(node) || depth > MAX_DEPTH) return 'any';
    if (node['x-kubernetes-int-or-string'] === true) return 'int-or-string';
    if (this.branchesShape(node)) return 'any';
    const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
    switch (typeof node.type === 'string' ? node.type : inferredType(node)) {
      case 'string':
        return stringEnum(node.enum) ?? 'string';
      case 'integer':
        // format int32/int64 only bound the range; the text is an integer either way.
        return 'integer';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        // `items` as a list (a tuple) is not allowed in CRDs; accept its entries as anything.
        return { a: isObject(node.items) ? this.convert(node.items, `${path}[]`, depth + 1) : 'any' };
      case 'object':
        return this.object(node, path, depth, preserve);
      default:
        // No type: x-kubernetes-preserve-unknown-fields alone, or a schema that says nothing. Anything goes.
        return 'any';
    }
  }

  private object(node: Json, path: string, depth: number, preserve: boolean): TypeExpr {
    const properties = isObject(node.properties) ? node.properties : undefined;
    const additional = node.additionalProperties;
    const embedded = node['x-kubernetes-embedded-resource'] === true;
    if (!properties && !embedded) {
      if (preserve || additional === true || (this.open && additional === undefined)) return { m: 'any' };
      if (isObject(additional)) return { m: this.convert(additional, `${path}.*`, depth + 1) };
      // `type: object` and nothing more: the API server prunes (or, validating strictly, rejects) every field.
    }
    // No prototype: a property may be called `__proto__` or `constructor`.
    const type: ObjectType = { n: path, p: Object.create(null) as ObjectType['p'] };
    const id = this.idFor(path);
    this.types[id] = type;
    for (const [name, sub] of Object.entries(properties ?? {})) type.p[name] = [this.convert(sub, `${path}.${name}`, depth + 1), descriptionOf(sub)];
    if (embedded) {
      // An embedded object (a template of some other kind) has the fields every object has, listed or not.
      type.p.apiVersion ??= ['string', ''];
      type.p.kind ??= ['string', ''];
      type.p.metadata ??= ['any', ''];
    }
    const required = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
    if (required.length) type.r = required;
    if (preserve || additional === true || (this.open && additional !== false)) type.o = 'any';
    else if (isObject(additional)) type.o = this.convert(additional, `${path}.*`, depth + 1);
    return `#${id}`;
  }

  /** A fresh id for a type named `path`: custom ids never meet the built-in ones (`crd:` prefix) nor each other. */
  private idFor(path: string): string {
    let id = `crd:${path}`;
    for (let n = 2; id in this.types; n++) id = `crd:${path}#${n}`;
    return id;
  }

  /**
   * True when anyOf/oneOf/allOf branches shape the value (a type, properties…) rather than only restrict it (which
   * fields are required, `not`): a v1beta1 schema may rely on them for its structure, which the compact form cannot
   * express, so the node is not checked rather than checked wrongly. v1's structural schemas mostly only restrict
   * there (istio's oneOf of required fields), and lose nothing.
   */
  private branchesShape(node: Json): boolean {
    return ['anyOf', 'oneOf', 'allOf'].some((keyword) => {
      const branches = node[keyword];
      return Array.isArray(branches) && branches.some((b) => isObject(b) && STRUCTURAL.some((k) => k in b));
    });
  }
}

/**
 * What the structure of converted types is, descriptions left out: two copies of a CRD whose documentation differs
 * (two releases of an operator that only reworded it) check objects alike, and editing a description re-checks none.
 */
export function structureOf(types: Record<string, ObjectType>): unknown {
  return Object.entries(types).map(([id, type]) => [id, type.n, type.r, type.o, Object.entries(type.p).map(([name, [expr]]) => [name, expr])]);
}

/**
 * A schema node's description as hovers and completion show it: its first sentence, as the built-in schema keeps
 * (scripts/gen-schema.mjs), so a CRD's long paragraphs neither fill the hover nor stay in memory.
 */
function descriptionOf(node: unknown): string {
  if (!isObject(node) || typeof node.description !== 'string') return '';
  const paragraph = node.description.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  // Not after "e.g." or "i.e.", which start no sentence.
  const sentence = /^(.+?(?<!\b(?:e\.g|i\.e))[.!?])(?=\s+[A-Z`"(])/.exec(paragraph);
  return (sentence ? sentence[1] : paragraph).trim();
}

function inferredType(node: Json): string | undefined {
  if (isObject(node.properties) || node.additionalProperties !== undefined) return 'object';
  return node.items !== undefined ? 'array' : undefined;
}

/** A string enum as `{ e }`; an enum with other values (numbers, an object) is not checked. */
function stringEnum(values: unknown): TypeExpr | undefined {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  // null is nullable's "unset", which the validator never checks.
  const strings = values.filter((v) => v !== null);
  return strings.every((v): v is string => typeof v === 'string') ? { e: strings } : undefined;
}
