// The generated schema's shape where the generator had to decide something: integer or float, named types, enums,
// object types written in place, first-sentence descriptions; and that a build skips generating a fresh schema.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { schema } from '../../server/src/engine/schema/types';

const ROOT = path.resolve(__dirname, '../../..');
const prop = (typeId: string, name: string) => schema.types[typeId]?.p[name];

describe('generated schema', () => {
  it('names its sources with their versions', () => {
    assert.equal(schema.source, 'kubernetes-models@5.1.0 @kubernetes-models/apimachinery@3.0.2');
  });

  it('maps each apiVersion/kind to its root type, removed versions included', () => {
    assert.equal(schema.kinds['apps/v1'].Deployment, 'apps/v1/Deployment');
    assert.equal(schema.kinds['extensions/v1beta1'].Ingress, 'extensions/v1beta1/Ingress');
    assert.equal(schema.kinds['apps/v1'].Ingress, undefined);
  });

  it('tells integers from floats, which the .d.ts files both call number', () => {
    assert.equal(prop('v1/ContainerPort', 'containerPort')?.[0], 'integer');
    assert.equal(prop('apiextensions.k8s.io/v1/JSONSchemaProps', 'maximum')?.[0], 'number');
  });

  it('keeps Quantity and IntOrString as named types, string unions as enums, free-form values as any', () => {
    assert.deepEqual(prop('v1/ResourceRequirements', 'limits')?.[0], { m: 'quantity' });
    assert.equal(prop('v1/ServicePort', 'targetPort')?.[0], 'int-or-string');
    assert.deepEqual(prop('v1/ContainerPort', 'protocol')?.[0], { e: ['SCTP', 'TCP', 'UDP'] });
    assert.deepEqual(prop('v1/ServiceSpec', 'ipFamilies')?.[0], { a: { e: ['', 'IPv4', 'IPv6'] } });
    assert.equal(prop('apiextensions.k8s.io/v1/JSONSchemaProps', 'default')?.[0], 'any');
    assert.equal(prop('meta/v1/ObjectMeta', 'creationTimestamp')?.[0], 'string');
  });

  it('gives an object type written in place a type of its own', () => {
    assert.deepEqual(prop('apps/v1/StatefulSetSpec', 'volumeClaimTemplates')?.[0], { a: '#apps/v1/StatefulSetSpec.volumeClaimTemplates' });
    assert.ok(schema.types['apps/v1/StatefulSetSpec.volumeClaimTemplates'].p.spec);
  });

  it('records required fields, and not a kind\'s own apiVersion and kind', () => {
    assert.deepEqual(schema.types['v1/Container'].r, ['name']);
    assert.deepEqual(schema.types['apps/v1/DeploymentSpec'].r, ['selector', 'template']);
    assert.equal(schema.types['apps/v1/Deployment'].r, undefined);
  });

  it('keeps the first sentence of each description, not cut at "e.g."', () => {
    assert.equal(prop('v1/ServiceSpec', 'ipFamilies')?.[1], 'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.');
    assert.equal(prop('v1/Container', 'image')?.[1], 'Container image name.');
  });

  it('is not generated again while it is newer than the packages and the script', () => {
    const run = spawnSync(process.execPath, ['scripts/gen-schema.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^gen-schema: fresh /);
  });
});
