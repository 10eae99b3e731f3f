// Every manifest of the shared corpus (real files from public projects): no crash, no yaml-syntax finding on these
// valid files, and the time it took. Skipped, with a message, when ../shared/corpus is not beside the checkout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/engine';
import type { Finding } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

/**
 * The corpus files are valid YAML for lenient parsers, but these two really do repeat a key (`selector` at lines 6
 * and 12, with equal values). Strict YAML and the API server's field validation reject that, so Kubewright reports
 * it; the test pins these exact findings and fails on any other yaml-syntax finding.
 */
const REAL_DUPLICATE_KEYS = [
  'kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml: Duplicate key "selector": a key may appear only once in a map',
  'kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml: Duplicate key "selector": a key may appear only once in a map',
];

describe('corpus', function () {
  before(skipWithoutCorpus);

  it('lints every file without a crash or a yaml-syntax finding (but for two real duplicate keys)', function () {
    this.timeout(120_000);
    const files = yamlFiles(CORPUS);
    assert.ok(files.length > 200, `expected the corpus's ~250 files, found ${files.length}`);
    const crashes: string[] = [];
    const syntax: string[] = [];
    const byRule = new Map<string, number>();
    let total = 0;
    const started = process.hrtime.bigint();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      let findings: Finding[] = [];
      try {
        findings = lintText(text, {}, { onRuleError: (id, e) => crashes.push(`${path.relative(CORPUS, file)}: ${id}: ${String(e)}`) });
      } catch (error) {
        crashes.push(`${path.relative(CORPUS, file)}: ${String(error)}`);
      }
      for (const f of findings) {
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
        if (f.ruleId === 'yaml-syntax') syntax.push(`${path.relative(CORPUS, file)}: ${f.message}`);
      }
      total += findings.length;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      ${files.length} files, ${total} findings in ${ms.toFixed(0)} ms`);
    console.log(`      ${[...byRule].sort().map(([id, n]) => `${id} ${n}`).join(', ')}`);
    assert.deepEqual(crashes, []);
    assert.deepEqual(syntax.sort(), REAL_DUPLICATE_KEYS);
  });
});
