// The Kubernetes JSON schema yaml-language-server validates with in the benchmark, made from the OpenAPI spec at
// run time: the layout of kubernetes-json-schema's `<version>-standalone-strict` (all.json + _definitions.json).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * openapi2jsonschema --strict: every object schema that lists properties and says nothing about others gets
 * `additionalProperties: false`, so a misspelt field is an error. It walks object values, not arrays.
 */
function forbidUnknownFields(node) {
  for (const value of Object.values(node)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    if ('properties' in value && !('additionalProperties' in value)) value.additionalProperties = false;
    forbidUnknownFields(value);
  }
}

/**
 * Writes `all.json` and `_definitions.json` into `folder` and returns their paths. As upstream: IntOrString and
 * Quantity become a oneOf of their YAML types, each kind's `kind` property gets an enum of its kind names, and
 * all.json is a oneOf over every definition (upstream lists them all, not just the kinds).
 */
export function writePeerSchema(swaggerFile, folder) {
  const swagger = JSON.parse(readFileSync(swaggerFile, 'utf8'));
  if (!String(swagger.swagger ?? '').startsWith('2')) throw new Error(`${swaggerFile}: not an OpenAPI v2 document`);
  const definitions = swagger.definitions;
  definitions[INT_OR_STRING] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  definitions[QUANTITY] = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  for (const definition of Object.values(definitions)) {
    const kindProperty = definition.properties?.kind;
    for (const { kind } of definition['x-kubernetes-group-version-kind'] ?? []) {
      if (!kindProperty) break;
      kindProperty.enum ??= [];
      if (!kindProperty.enum.includes(kind)) kindProperty.enum.push(kind);
    }
  }
  forbidUnknownFields(definitions);

  mkdirSync(folder, { recursive: true });
  const definitionsFile = path.join(folder, '_definitions.json');
  const allFile = path.join(folder, 'all.json');
  // Refs inside definitions stay `#/definitions/…`: they resolve against _definitions.json itself.
  writeFileSync(definitionsFile, JSON.stringify({ definitions }));
  const members = Object.keys(definitions).map((name) => ({ $ref: `_definitions.json#/definitions/${name}` }));
  writeFileSync(allFile, JSON.stringify({ oneOf: members }));
  return { allFile, definitionsFile, definitions: members.length, title: `${swagger.info?.title} ${swagger.info?.version}` };
}
