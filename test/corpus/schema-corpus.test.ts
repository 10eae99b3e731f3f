// The schema rules on the shared corpus (real manifests from public projects) as one workspace, custom resources checked
// against the corpus's CRDs (argo-cd, istio, SPIRE): no schema-* finding but the real mistakes listed below, each read
// and confirmed in its file. Skipped, with a message, when the corpus is absent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, CustomResources, LineIndex, ManifestLinter, readCrdsInText } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';
import { writtenIdentity } from '../../server/src/engine/complete/schema-path';
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
  // Found through the CRD of spire-controller-manager 0.2.3 that istio's samples/security/spire/spire-quickstart.yaml
  // installs: the federation sample beside it is written for a later release (and an envsubst run).
  [
    'istio/samples/security/spire-trust-domain-federation/cluster-federated-trust-domain.yaml:4: schema-name: Invalid ClusterFederatedTrustDomain name `${CLUSTER}`',
    'a template for envsubst: `${CLUSTER}` is not a DNS subdomain until it is replaced, and the API server refuses the file as written (as it would a Deployment so named)',
  ],
  [
    'istio/samples/security/spire-trust-domain-federation/cluster-federated-trust-domain.yaml:6: schema-unknown-field: Unknown field `className` in ClusterFederatedTrustDomain.spec',
    "the repository's own CRD (spire-quickstart.yaml, controller-manager 0.2.3) has no `className`, which later releases added: applied after the quickstart, the field is refused (strict validation) or dropped",
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
    const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
    // Every CRD of the corpus, as the language server's index or `kubewright lint` on the whole corpus reads them.
    const customResources = new CustomResources(texts.flatMap(readCrdsInText));
    let customObjects = 0;
    for (const [i, file] of files.entries()) {
      const text = texts[i];
      for (const chunk of splitChunks(text)) {
        const { apiVersion, kind } = writtenIdentity(chunk.text);
        if (apiVersion && kind && customResources.lookup(apiVersion, kind)) customObjects++;
      }
      const errors: string[] = [];
      const onRuleError = (id: string, e: unknown) => errors.push(`${id}: ${String(e)}`);
      const findings = new ManifestLinter({}, { rules: schemaRules, customResources, onRuleError }).lint(text);
      assert.deepEqual(errors, [], `rules failed on ${file}`);
      const lines = new LineIndex(text);
      for (const f of findings) found.push(`${path.relative(CORPUS, file)}:${lines.positionAt(f.start).line + 1}: ${f.ruleId}: ${f.message}`);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `      ${files.length} files, ${customResources.size} custom kinds from CRDs, ${customObjects} custom objects checked against them, ` +
        `${found.length} schema findings (all listed real mistakes) in ${ms.toFixed(0)} ms`,
    );
    // istio's samples (Gateways, VirtualServices, DestinationRules…), argo-cd's and SPIRE's objects.
    assert.ok(customObjects >= 50, `custom objects checked against a CRD: ${customObjects}`);
    const unexpected = found.filter((f) => !REAL_MISTAKES.some(([m]) => f.startsWith(m)));
    const missing = REAL_MISTAKES.filter(([m]) => !found.some((f) => f.startsWith(m))).map(([m]) => m);
    assert.deepEqual(unexpected, [], 'schema findings on valid corpus files');
    assert.deepEqual(missing, [], 'listed real mistakes no longer found');
    assert.equal(found.length, REAL_MISTAKES.length);
  });
});
