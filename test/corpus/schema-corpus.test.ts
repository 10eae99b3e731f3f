// The schema rules on the shared corpus (real manifests from public projects): no schema-* finding but the real
// mistakes listed below, each read and confirmed in its file. Skipped, with a message, when the corpus is absent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, LineIndex, ManifestLinter } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

/** file:line: rule: message fragment, and why it is a real mistake. */
const REAL_MISTAKES: Array<[string, string]> = [
  [
    'ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:21: schema-type: `value` must be a string, not the boolean `true`',
    'env value `true` unquoted: EnvVar.value is a string, and the API server refuses a boolean there',
  ],
  [
    'istio/samples/security/psp/sidecar-psp.yaml:2: schema-unknown-kind: `policy/v1` has no kind `PodSecurityPolicy`',
    'PodSecurityPolicy was only ever served by extensions/v1beta1 and policy/v1beta1 (removed in 1.25), never policy/v1',
  ],
  [
    'kubernetes-examples/_archived/volumes/storageos/storageos-pv.yaml:22: schema-unknown-field: Unknown field `secretName` in StorageOSPersistentVolumeSource',
    'the StorageOS persistent volume source names its credentials secret with `secretRef`; `secretName` never existed',
  ],
];

const schemaRules = allRules.filter((r) => r.meta.id.startsWith('schema-'));

describe('corpus: schema rules', function () {
  before(skipWithoutCorpus);

  it('finds nothing on the corpus but the listed real mistakes', function () {
    this.timeout(120_000);
    assert.ok(schemaRules.length >= 9, 'the schema rules are registered');
    const found: string[] = [];
    const started = process.hrtime.bigint();
    const files = yamlFiles(CORPUS);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const errors: string[] = [];
      const findings = new ManifestLinter({}, { rules: schemaRules, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) }).lint(text);
      assert.deepEqual(errors, [], `rules failed on ${file}`);
      const lines = new LineIndex(text);
      for (const f of findings) found.push(`${path.relative(CORPUS, file)}:${lines.positionAt(f.start).line + 1}: ${f.ruleId}: ${f.message}`);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      ${files.length} files, ${found.length} schema findings (all listed real mistakes) in ${ms.toFixed(0)} ms`);
    const unexpected = found.filter((f) => !REAL_MISTAKES.some(([m]) => f.startsWith(m)));
    const missing = REAL_MISTAKES.filter(([m]) => !found.some((f) => f.startsWith(m))).map(([m]) => m);
    assert.deepEqual(unexpected, [], 'schema findings on valid corpus files');
    assert.deepEqual(missing, [], 'listed real mistakes no longer found');
    assert.equal(found.length, REAL_MISTAKES.length);
  });
});
