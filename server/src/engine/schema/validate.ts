// Checks one Kubernetes document against the schema of its apiVersion/kind (a custom resource's CRD, else the built-in
// kind's), in one walk over its nodes, and keeps the issues per parsed document: the schema-* rules each report their
// share without walking again.
import { isAlias, isCollection, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { pairOf, rangeOf, stringValue } from '../k8s/nodes';
import type { Located } from '../k8s/nodes';
import { kubernetesIdentity } from '../k8s/object';
import { lookupKind, objectType, typeName } from './lookup';
import { closest } from './spelling';
import type { ObjectType, TypeExpr } from './types';
import type { RuleContext } from '../types';
import { CustomResources } from './crd/custom-resources';
import type { CustomResourceSchema } from './crd/custom-resources';
import { labelKeyProblem, labelValueProblem, METADATA_NAME_SYNTAX, nameProblem, quantityProblem } from './values';
import type { NameSyntax } from './values';

export type SchemaCheck = 'unknown-kind' | 'unknown-field' | 'type' | 'enum' | 'required' | 'quantity' | 'name';

export interface SchemaIssue {
  check: SchemaCheck;
  at: Located;
  message: string;
}

const cache = new WeakMap<Document.Parsed, { resources: CustomResources; issues: SchemaIssue[] }>();

/**
 * The schema issues of a document (offsets relative to `source`, the chunk it was parsed from), with the custom kinds
 * of `resources`; kept for the next rule that asks with the same set.
 */
export function schemaIssues(document: Document.Parsed, source: string, resources = CustomResources.none): SchemaIssue[] {
  let cached = cache.get(document);
  if (cached?.resources !== resources) {
    cached = { resources, issues: new Validator(source, resources).run(document) };
    cache.set(document, cached);
  }
  return cached.issues;
}

const INTEGER_TEXT = /^[-+]?(?:\d+|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** The words for what a type expects: "an integer", "a list", "one of `A`, `B`"; `name` names an object type. */
function expected(type: TypeExpr, name: (typeId: string) => string): string {
  if (typeof type === 'object') {
    if ('a' in type) return 'a list';
    if ('m' in type) return 'a map';
    // "" (unset) is accepted but not worth listing.
    return `one of ${type.e.filter((e) => e !== '').map((e) => `\`${e}\``).join(', ')}`;
  }
  if (type.startsWith('#')) return `a map of ${name(type.slice(1))} fields`;
  const words: Record<string, string> = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: '`true` or `false`',
    'int-or-string': 'an integer or a string',
    quantity: 'a quantity such as `500m` or `1Gi`',
  };
  return words[type];
}

class Validator {
  private readonly issues: SchemaIssue[] = [];
  /** The custom kind being checked, whose CRD's types come before the built-in ones. */
  private custom?: CustomResourceSchema;

  constructor(
    private readonly source: string,
    private readonly resources: CustomResources,
  ) {}

  run(document: Document.Parsed): SchemaIssue[] {
    // A document that does not parse is the syntax rule's: its structure is the parser's guess.
    const root = document.contents;
    const identity = kubernetesIdentity(document);
    if (document.errors.length || !identity || !isMap(root)) return this.issues;
    this.custom = this.resources.lookup(identity.apiVersion, identity.kind);
    if (this.custom) {
      this.object(root, this.custom.root, pairOf(root, 'kind')!.key as Node);
      // The API server asks every custom resource's name to be a DNS subdomain.
      this.metadataNames(root, identity.kind, 'dns-subdomain');
      return this.issues;
    }
    const found = lookupKind(identity.apiVersion, identity.kind);
    if (!found.found) {
      if (found.builtIn) this.add('unknown-kind', valueNode(root, found.onKind ? 'kind' : 'apiVersion'), found.message);
      return this.issues;
    }
    this.object(root, found.typeId, pairOf(root, 'kind')!.key as Node);
    this.metadataNames(root, identity.kind, METADATA_NAME_SYNTAX[identity.kind]);
    return this.issues;
  }

  private type(typeId: string): ObjectType {
    return this.custom?.types[typeId] ?? objectType(typeId);
  }

  private nameOf = (typeId: string): string => this.type(typeId).n ?? typeName(typeId);

  private add(check: SchemaCheck, at: Located, message: string): void {
    this.issues.push({ check, at, message });
  }

  private text(node: Node): string {
    const range = rangeOf(node);
    return range ? this.source.slice(range[0], range[1]) : '';
  }

  /** A map checked against an object type; `anchor` (its key) is where a missing required field is reported. */
  private object(map: YAMLMap, typeId: string, anchor: Located): void {
    const type = this.type(typeId);
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      // Own properties only: a field called `constructor` is not Object's.
      const property = Object.hasOwn(type.p, name) ? type.p[name][0] : type.o;
      if (!property) {
        const guess = closest(name, Object.keys(type.p));
        const hint = guess ? `: did you mean \`${guess}\`?` : '';
        this.add('unknown-field', pair.key, `Unknown field \`${name}\` in ${this.nameOf(typeId)}${hint}`);
        continue;
      }
      this.value(pair.value, property, name, pair.key);
    }
    for (const name of type.r ?? []) {
      if (!pairOf(map, name)) this.add('required', anchor, `Missing required field \`${name}\` in ${this.nameOf(typeId)}`);
    }
    if (typeId === 'meta/v1/ObjectMeta') {
      this.labels(map.get('labels', true), true);
      this.labels(map.get('annotations', true), false);
    } else if (typeId === 'meta/v1/LabelSelector') {
      this.labels(map.get('matchLabels', true), true);
    } else if (typeId === 'v1/Container' || typeId === 'v1/EphemeralContainer') {
      this.name(map.get('name', true), 'dns-label', 'container name');
    }
  }

  /**
   * A value checked against its type. `label` names it in messages; `key` is its key node, if it has one: where a
   * finding about a whole block value sits, so that it stays on one line.
   */
  private value(node: unknown, type: TypeExpr, label: string, key?: Node): void {
    // Unset: null, an empty value, an alias (its anchor is checked where it is defined), or any value at all.
    if (!node || isAlias(node) || type === 'any' || (isScalar(node) && node.value === null)) return;
    const at: Located = isCollection(node) && !node.flow ? (key ?? firstKey(node) ?? node) : (node as Node);
    const wrong = () => this.add('type', at, `\`${label}\` must be ${expected(type, this.nameOf)}, not ${this.actual(node as Node)}`);
    if (typeof type === 'object' && 'a' in type) {
      if (!isSeq(node)) return wrong();
      node.items.forEach((item, i) => this.value(item, type.a, `${label}[${i}]`, undefined));
    } else if (typeof type === 'object' && 'm' in type) {
      if (!isMap(node)) return wrong();
      for (const pair of node.items) if (isScalar(pair.key)) this.value(pair.value, type.m, String(pair.key.value), pair.key);
    } else if (typeof type === 'string' && type.startsWith('#')) {
      if (!isMap(node)) return wrong();
      this.object(node, type.slice(1), key ?? firstKey(node) ?? node);
    } else if (!isScalar(node)) {
      return wrong();
    } else {
      this.scalar(node, type, label, wrong);
    }
  }

  private scalar(node: Scalar, type: TypeExpr, label: string, wrong: () => void): void {
    const v = node.value;
    const integer = typeof v === 'number' && Number.isInteger(v) && INTEGER_TEXT.test(this.text(node));
    if (typeof type === 'object' && 'e' in type) {
      // An empty string is the API's "not set", defaulted like a missing field.
      if (v === '' || type.e.includes(v as string)) return;
      const guess = typeof v === 'string' ? closest(v, type.e) : undefined;
      const hint = guess ? `: did you mean \`${guess}\`?` : '';
      this.add('enum', node, `\`${label}\` must be ${expected(type, this.nameOf)}, not \`${this.text(node)}\`${hint}`);
      return;
    }
    switch (type) {
      case 'string': return void (typeof v !== 'string' && wrong());
      case 'boolean': return void (typeof v !== 'boolean' && wrong());
      case 'number': return void (typeof v !== 'number' && wrong());
      case 'integer': return void (!integer && wrong());
      case 'int-or-string': return void (!integer && typeof v !== 'string' && wrong());
      case 'quantity': {
        if (typeof v === 'number') return;
        if (typeof v !== 'string') return wrong();
        const problem = quantityProblem(v);
        if (problem) this.add('quantity', node, `\`${label}\`: ${problem}`);
      }
    }
  }

  private actual(node: Node): string {
    if (isMap(node)) return 'a map';
    if (isSeq(node)) return 'a list';
    const v = (node as Scalar).value;
    const what = typeof v === 'string' ? 'the string' : typeof v === 'boolean' ? 'the boolean' : typeof v === 'number' ? 'the number' : 'the value';
    return `${what} \`${this.text(node)}\``;
  }

  /** Label (or annotation) keys, and label values: the syntax the API server checks. */
  private labels(map: unknown, values: boolean): void {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const key = stringValue(pair.key);
      const keyProblem = key === undefined ? undefined : labelKeyProblem(key);
      const what = values ? 'label' : 'annotation';
      if (keyProblem) this.add('name', pair.key as Node, `Invalid ${what} key \`${key}\`: ${keyProblem}`);
      const value = values ? stringValue(pair.value) : undefined;
      const valueProblem = value === undefined ? undefined : labelValueProblem(value);
      if (valueProblem) this.add('name', pair.value as Node, `Invalid value \`${value}\` for label \`${key}\`: ${valueProblem}`);
    }
  }

  private name(node: unknown, syntax: Parameters<typeof nameProblem>[1], what: string): void {
    const value = stringValue(node);
    const problem = value === undefined ? undefined : nameProblem(value, syntax);
    if (problem) this.add('name', node as Node, `Invalid ${what} \`${value}\`: ${problem}`);
  }

  /** metadata.name where the kind demands a DNS name (`syntax`), and metadata.namespace, which is always a DNS label. */
  private metadataNames(root: YAMLMap, kind: string, syntax: NameSyntax | undefined): void {
    const metadata = root.get('metadata', true);
    if (!isMap(metadata)) return;
    if (syntax) this.name(metadata.get('name', true), syntax, `${kind} name`);
    this.name(metadata.get('namespace', true), 'dns-label', 'namespace');
  }
}

function valueNode(map: YAMLMap, key: string): Located {
  const pair = pairOf(map, key)!;
  return (pair.value as Node | null) ?? (pair.key as Node);
}

/** Where a finding about a map without a key of its own (a list item) sits: its first key. */
function firstKey(node: unknown): Node | undefined {
  return isMap(node) ? ((node.items[0]?.key as Node | undefined) ?? undefined) : undefined;
}

/** A schema rule's whole body: report the document's issues of one check. */
export function reportSchemaIssues(check: SchemaCheck, document: Document.Parsed, ctx: RuleContext): void {
  for (const issue of schemaIssues(document, ctx.source, ctx.customResources)) {
    if (issue.check === check) ctx.report({ at: issue.at, message: issue.message });
  }
}
