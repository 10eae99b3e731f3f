// The generated schema against Kubernetes' own OpenAPI spec (../shared/data/kubernetes-v1.36-swagger.json): every GA
// kind the spec has, we have; every field the spec gives those kinds (all the way down), we have, with the same type
// and required-ness, and no field the spec lacks.
// Skipped, with a message, when ../shared is not beside the checkout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schema } from '../../server/src/engine/schema/types';
import type { TypeExpr } from '../../server/src/engine/schema/types';

const SPEC = process.env.KUBEWRIGHT_SWAGGER ?? path.resolve(__dirname, '../../../../shared/data/kubernetes-v1.36-swagger.json');

interface SpecProperty {
  type?: string;
  format?: string;
  $ref?: string;
  items?: SpecProperty;
  additionalProperties?: SpecProperty;
}
interface SpecDefinition extends SpecProperty {
  properties?: Record<string, SpecProperty>;
  required?: string[];
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

/** A type as both sides can state it: primitives, int-or-string, quantity, any, array of / map of, or a named object. */
function specType(p: SpecProperty, definitions: Record<string, SpecDefinition>): string {
  if (p.$ref) {
    const name = p.$ref.replace('#/definitions/', '');
    const def = definitions[name];
    if (name.endsWith('.Quantity')) return 'quantity';
    if (def.format === 'int-or-string') return 'int-or-string';
    if (def.properties) return `object ${name}`;
    // Time, MicroTime: strings; JSON, RawExtension, FieldsV1: any value.
    return def.type === 'string' ? 'string' : 'any';
  }
  if (p.type === 'array') return `array of ${specType(p.items!, definitions)}`;
  if (p.type === 'object') return p.additionalProperties ? `map of ${specType(p.additionalProperties, definitions)}` : 'any';
  return p.type ?? 'any';
}

/** Ours in the same words; an enum is a string to the spec, which has no enums. */
function ourType(t: TypeExpr): string {
  if (typeof t === 'string') return t.startsWith('#') ? 'object' : t;
  if ('a' in t) return `array of ${ourType(t.a)}`;
  if ('m' in t) return `map of ${ourType(t.m)}`;
  return 'string';
}

describe('generated schema vs the Kubernetes 1.36 OpenAPI spec', function () {
  before(function () {
    if (!fs.existsSync(SPEC)) {
      console.warn(`  schema cross-check skipped: ${SPEC} not found (set KUBEWRIGHT_SWAGGER or check out ../shared beside the project)`);
      this.skip();
    }
  });

  it('has every GA kind and exactly their fields, with the same types and required fields', function () {
    const definitions = (JSON.parse(fs.readFileSync(SPEC, 'utf8')) as { definitions: Record<string, SpecDefinition> }).definitions;
    const problems: string[] = [];
    const compared = new Set<string>();
    let kinds = 0;
    let fields = 0;
    let required = 0;

    /** Compares a spec definition with our object type, and everything below it, once per pair. */
    const compare = (specName: string, ourId: string, where: string) => {
      if (compared.has(`${specName}=${ourId}`)) return;
      compared.add(`${specName}=${ourId}`);
      const def = definitions[specName];
      const ours = schema.types[ourId];
      for (const [name, p] of Object.entries(def.properties ?? {})) {
        fields++;
        const mine = ours.p[name];
        if (!mine) {
          problems.push(`${where}.${name}: missing (${specName})`);
          continue;
        }
        const expected = specType(p, definitions).replace(/^((?:array of |map of )*)object .*/, '$1object');
        if (ourType(mine[0]) !== expected) problems.push(`${where}.${name}: ours ${ourType(mine[0])}, spec ${expected}`);
        // Walk into object types through arrays and maps on both sides in step.
        let sp: SpecProperty = p;
        let t: TypeExpr = mine[0];
        while (typeof t === 'object' && ('a' in t || 'm' in t)) {
          sp = ('a' in t ? sp.items : sp.additionalProperties) ?? sp;
          t = 'a' in t ? t.a : t.m;
        }
        if (typeof t === 'string' && t.startsWith('#') && sp.$ref) compare(sp.$ref.replace('#/definitions/', ''), t.slice(1), `${where}.${name}`);
      }
      for (const name of def.required ?? []) {
        required++;
        if (!ours.r?.includes(name)) problems.push(`${where}: spec requires ${name}, ours does not`);
      }
      // And nothing more: an extra field would hide a typo, an extra required one would be a false finding.
      for (const name of Object.keys(ours.p)) if (!def.properties?.[name]) problems.push(`${where}.${name}: ours only`);
      for (const name of ours.r ?? []) if (!def.required?.includes(name)) problems.push(`${where}: ours requires ${name}, the spec does not`);
    };

    for (const [name, def] of Object.entries(definitions)) {
      // apimachinery's own messages (APIGroup, DeleteOptions, Status…) are what the API answers, not manifests.
      if (name.startsWith('io.k8s.apimachinery.')) continue;
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
        // GA versions only (v1, v2): the packages carry 1.36's GA APIs; its alphas and betas are not built in.
        if (!/^v\d+$/.test(gvk.version) || !def.properties?.apiVersion) continue;
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        kinds++;
        const id = schema.kinds[apiVersion]?.[gvk.kind];
        if (!id) problems.push(`${apiVersion} ${gvk.kind}: no such kind in the generated schema`);
        else compare(name, id, `${apiVersion} ${gvk.kind}`);
      }
    }
    console.log(`      ${kinds} GA kinds, ${compared.size} object types, ${fields} fields, ${required} required fields compared`);
    assert.deepEqual(problems, []);
    assert.ok(kinds > 100 && fields > 2000, `compared too little: ${kinds} kinds, ${fields} fields`);
  });
});
