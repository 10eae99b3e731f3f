// deprecated-api on the shared corpus: the old files' removed apiVersions, counted by apiVersion and kind, each an
// error at the default target; all but the kinds with no safe migration (PodSecurityPolicy, InitializerConfiguration) offer one. Prints the counts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lintText } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

/** What the corpus holds (its SOURCES.md lists the files), and how many carry a migration. */
const EXPECTED: Record<string, { count: number; migrations: number }> = {
  'extensions/v1beta1 Deployment': { count: 26, migrations: 26 },
  'networking.k8s.io/v1beta1 Ingress': { count: 17, migrations: 17 },
  'apps/v1beta1 StatefulSet': { count: 3, migrations: 3 },
  'apps/v1beta2 Deployment': { count: 3, migrations: 3 },
  'policy/v1beta1 PodSecurityPolicy': { count: 3, migrations: 0 },
  'extensions/v1beta1 DaemonSet': { count: 2, migrations: 2 },
  'extensions/v1beta1 PodSecurityPolicy': { count: 2, migrations: 0 },
  'policy/v1beta1 PodDisruptionBudget': { count: 2, migrations: 2 },
  'storage.k8s.io/v1beta1 StorageClass': { count: 2, migrations: 2 },
  'admissionregistration.k8s.io/v1alpha1 InitializerConfiguration': { count: 1, migrations: 0 },
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration': { count: 1, migrations: 1 },
  'apps/v1beta2 DaemonSet': { count: 1, migrations: 1 },
  'extensions/v1beta1 Ingress': { count: 1, migrations: 1 },
};

describe('corpus: deprecated-api', function () {
  before(skipWithoutCorpus);

  it('finds every removed apiVersion of the old files, as errors, and migrates all but PSPs and initializers', function () {
    this.timeout(120_000);
    const found: Record<string, { count: number; migrations: number }> = {};
    const severities = new Set<string>();
    for (const file of yamlFiles(CORPUS)) {
      for (const f of lintText(fs.readFileSync(file, 'utf8'))) {
        if (f.ruleId !== 'deprecated-api') continue;
        const key = f.message.split(' ').slice(0, 2).join(' ');
        const entry = (found[key] ??= { count: 0, migrations: 0 });
        entry.count++;
        if (f.fixes?.().some((fix) => fix.preferred)) entry.migrations++;
        severities.add(f.severity);
      }
    }
    const rows = Object.entries(found).sort(([, a], [, b]) => b.count - a.count);
    const total = rows.reduce((n, [, e]) => n + e.count, 0);
    console.log(`      ${total} deprecated-api findings, ${rows.reduce((n, [, e]) => n + e.migrations, 0)} with a migration:`);
    for (const [key, e] of rows) console.log(`        ${String(e.count).padStart(3)} ${key} (${e.migrations} migrated)`);
    assert.deepEqual(found, EXPECTED);
    assert.deepEqual([...severities], ['error']);
  });
});
