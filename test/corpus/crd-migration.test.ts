// The CRD migration on real schemas: the corpus holds no v1beta1 CRD, so each of its apiextensions.k8s.io/v1 CRDs
// (argo-cd, istio, SPIRE) is written back in v1beta1's shapes (a shared `validation`, a single `version`, per-version
// schemas; `JSONPath` columns) and migrated forward again. Every one must get a migration whose result is a valid v1
// CRD; where pruning was asked for (`preserveUnknownFields: false`), the result must be the original CRD exactly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { applyEdits, lintText } from '../../server/src/engine';
import { invalidFor } from '../support/migration-tester';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

/** A CRD as plain data, read loosely: these are tests of its shape, not of its types. */
type Json = Record<string, any>;

/** What the spec shares in v1beta1's shape, and whether it keeps unknown fields (v1beta1's default). */
const SHAPES = ['shared schema, pruning', 'single version, unknown fields kept', 'per-version schemas, unknown fields kept'] as const;

/** `crd` (a v1 CRD as plain data) as a v1beta1 author would have written it, in one of the shapes. */
function asV1beta1(crd: Json, shape: (typeof SHAPES)[number]): Json {
  const old: Json = structuredClone(crd);
  old.apiVersion = 'apiextensions.k8s.io/v1beta1';
  const spec = old.spec;
  delete spec.preserveUnknownFields;
  for (const version of spec.versions) {
    for (const column of version.additionalPrinterColumns ?? []) {
      column.JSONPath = column.jsonPath;
      delete column.jsonPath;
    }
  }
  if (shape !== 'per-version schemas, unknown fields kept') {
    // v1beta1 shares a field only when every version has the same one: the first version's stands for all.
    for (const key of ['schema', 'subresources', 'additionalPrinterColumns']) {
      if (spec.versions[0][key] !== undefined) spec[key === 'schema' ? 'validation' : key] = spec.versions[0][key];
      for (const version of spec.versions) delete version[key];
    }
  }
  // `version:` names one version; a CRD with more keeps its first for this shape.
  if (shape === 'single version, unknown fields kept') {
    spec.version = spec.versions[0].name;
    delete spec.versions;
  }
  if (shape === 'shared schema, pruning') spec.preserveUnknownFields = false;
  return old;
}

/** The corpus's v1 CRDs whose versions all share one schema, subresources and columns (what v1beta1 could share). */
function corpusCrds(): Array<{ name: string; crd: Json }> {
  const out: Array<{ name: string; crd: Json }> = [];
  for (const file of yamlFiles(CORPUS)) {
    for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const crd = (document as { toJS(): unknown }).toJS() as Json | null;
      if (crd?.kind !== 'CustomResourceDefinition' || crd.apiVersion !== 'apiextensions.k8s.io/v1') continue;
      const same = (key: string) => crd.spec.versions.every((v: Json) => JSON.stringify(v[key]) === JSON.stringify(crd.spec.versions[0][key]));
      if (['schema', 'subresources', 'additionalPrinterColumns'].every(same)) out.push({ name: `${path.relative(CORPUS, file)} ${crd.metadata.name}`, crd });
    }
  }
  return out;
}

describe('corpus: CRD migration', function () {
  before(skipWithoutCorpus);

  it('migrates every corpus CRD written in v1beta1\'s shapes back to a valid v1 CRD, and exactly back where it pruned', function () {
    this.timeout(120_000);
    const crds = corpusCrds();
    const failures: string[] = [];
    let migrated = 0;
    for (const { name, crd } of crds) {
      for (const shape of SHAPES) {
        const text = stringify(asV1beta1(crd, shape));
        const fix = lintText(text).find((f) => f.ruleId === 'deprecated-api')?.fixes?.()[0];
        if (!fix) {
          failures.push(`${name} (${shape}): no migration`);
          continue;
        }
        migrated++;
        const output = applyEdits(text, fix.edits);
        const invalid = invalidFor(output);
        if (invalid.length) failures.push(`${name} (${shape}): ${invalid.slice(0, 2).join('; ')}`);
        if (shape === 'shared schema, pruning') {
          const original: Json = structuredClone(crd);
          delete original.spec.preserveUnknownFields;
          const back = parseAllDocuments(output)[0] as unknown as { toJS(): unknown };
          try {
            assert.deepStrictEqual(back.toJS(), original);
          } catch {
            failures.push(`${name} (${shape}): not the original CRD`);
          }
        }
      }
    }
    console.log(`      ${crds.length} CRDs × ${SHAPES.length} v1beta1 shapes: ${migrated} migrated, ${failures.length} failures`);
    assert.ok(crds.length >= 20, `expected the corpus's CRDs, found ${crds.length}`);
    assert.deepEqual(failures.slice(0, 10), []);
  });
});
