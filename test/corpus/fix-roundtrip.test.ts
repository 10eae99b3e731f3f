// Every fix Kubewright offers on the shared corpus (suppressions too), applied one at a time with fix-checks.ts's round
// trip: the document still parses, its finding is gone, no other appeared, no line outside the edits is lost.
// Then fix-all on each file: applying it twice equals applying it once. Prints the counts; failures must be 0.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lintText, ManifestLinter } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';
import { roundTripCorpus } from './fix-checks';

/**
 * The removed kinds that fix-all may leave for a person: nothing replaces PodSecurityPolicy or InitializerConfiguration,
 * and an admission webhook that leaves its side effects Unknown has no v1 equivalent, which only its author can choose.
 */
const NO_SAFE_MIGRATION = /^\S+ (PodSecurityPolicy|ValidatingWebhookConfiguration|MutatingWebhookConfiguration|InitializerConfiguration) /;

describe('corpus: fixes', function () {
  before(skipWithoutCorpus);

  it('every fix keeps the document valid, removes its finding, adds none and loses no line', function () {
    this.timeout(300_000);
    const started = Date.now();
    const { findingsWithFixes, fixesApplied, suppressFixes, failures } = roundTripCorpus(() => new ManifestLinter());
    console.log(
      `      ${findingsWithFixes} findings with fixes, ${fixesApplied} fixes (${suppressFixes} of them suppressions) applied one by one, ` +
        `${failures.length} failures, ` +
        `in ${Date.now() - started} ms`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(fixesApplied - suppressFixes > 500, `expected hundreds of fixes on the corpus, got ${fixesApplied - suppressFixes}`);
    assert.ok(suppressFixes > 300, `expected hundreds of suppressions on the corpus, got ${suppressFixes}`);
  });

  it('fix-all leaves only findings without a fix, and is idempotent: fixing a fixed file changes nothing', function () {
    this.timeout(300_000);
    const unstable: string[] = [];
    const left = new Map<string, number>();
    const unmigrated: string[] = [];
    let applied = 0;
    for (const file of yamlFiles(CORPUS)) {
      const once = fixAll(fs.readFileSync(file, 'utf8'));
      applied += once.applied;
      for (const f of lintText(once.text)) {
        left.set(f.ruleId, (left.get(f.ruleId) ?? 0) + 1);
        if (f.ruleId === 'deprecated-api' && !NO_SAFE_MIGRATION.test(f.message)) unmigrated.push(`${path.relative(CORPUS, file)}: ${f.message}`);
      }
      const twice = fixAll(once.text);
      if (twice.text !== once.text) unstable.push(path.relative(CORPUS, file));
    }
    const remaining = [...left].map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`      fix-all applied ${applied} fixes over the corpus; left: ${remaining}; ${unstable.length} files changed on a second run`);
    // hostPath volumes change what the pod does, so they get no automatic fix; the two duplicate keys are real, and so
    // are the three schema mistakes schema-corpus.test.ts lists (a wrong type, kind or field needs a person's choice).
    const schemaMistakes = ['schema-type', 'schema-unknown-field', 'schema-unknown-kind'];
    assert.deepEqual([...left.keys()].sort(), ['deprecated-api', 'no-container-socket', 'no-host-path', ...schemaMistakes, 'yaml-syntax']);
    assert.deepEqual(unmigrated, [], 'every other removed apiVersion is migrated');
    assert.deepEqual(unstable, []);
  });
});
