// The schema as the bundles read it (dist/k8s-schema.jsonl, written by scripts/schema-lines.mjs): the same source,
// kinds and types as the generated JSON the tests import, each type parsed from its own line when first read.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schema } from '../../server/src/engine/schema/types';
import type { SchemaData } from '../../server/src/engine/schema/types';
import { schemaFromText } from '../../server/src/engine/schema/schema-file';

const ROOT = path.resolve(__dirname, '../../..');

async function linesOf(data: SchemaData): Promise<string> {
  // An ES module script; import() stays a real dynamic import in this CommonJS output (module node16).
  const { schemaLinesText } = (await import(pathToFileURL(path.join(ROOT, 'scripts/schema-lines.mjs')).href)) as {
    schemaLinesText: (schema: SchemaData) => string;
  };
  return schemaLinesText(data);
}

describe('schema file for the bundles', () => {
  it('reads back the source, the kinds and every type of the generated schema', async () => {
    const read = schemaFromText(await linesOf(schema));
    assert.equal(read.source, schema.source);
    assert.deepEqual(read.kinds, schema.kinds);
    assert.deepEqual(Object.keys(read.types), Object.keys(schema.types));
    for (const id of Object.keys(schema.types)) assert.deepEqual(read.types[id], schema.types[id], id);
  });

  it('gives the same object for a type each time, and nothing for an id it does not hold', async () => {
    const read = schemaFromText(await linesOf(schema));
    assert.equal(read.types['v1/Container'], read.types['v1/Container']);
    assert.deepEqual(read.types['v1/Container'].r, ['name']);
    assert.equal(read.types['v1/NoSuchType'], undefined);
    assert.equal(read.types.constructor, undefined);
    assert.equal('v1/PodSpec' in read.types, true);
    assert.equal('v1/NoSuchType' in read.types, false);
  });
});
