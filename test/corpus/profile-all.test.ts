// The whole corpus under the `all` profile: every rule runs on every file without throwing, the per-rule counts are
// printed for reading, and every fix offered under `all` (suppressions too) passes fix-checks.ts's round trip.
import * as assert from 'node:assert/strict';
import { ManifestLinter } from '../../server/src/engine';
import { skipWithoutCorpus } from './corpus-files';
import { roundTripCorpus } from './fix-checks';

/** Rules outside seed that the corpus is known to trigger: a count of 0 means a rule stopped seeing what it should. */
const SEEN_ON_CORPUS = ['image-tag', 'image-pull-policy', 'automount-service-account-token', 'secrets-in-env', 'seccomp-profile', 'drop-all-capabilities'];

describe('corpus: profile all', function () {
  before(skipWithoutCorpus);

  it('runs every rule without a crash, and every fix keeps the document valid, removes its finding, adds none and loses no line', function () {
    this.timeout(300_000);
    const started = Date.now();
    const crashes: string[] = [];
    const makeLinter = () => new ManifestLinter({ profile: 'all' }, { onRuleError: (id, error) => crashes.push(`${id}: ${String(error)}`) });
    const { findingsWithFixes, fixesApplied, suppressFixes, failures, counts } = roundTripCorpus(makeLinter);
    const perRule = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`      findings per rule: ${perRule}`);
    console.log(
      `      ${findingsWithFixes} findings with fixes, ${fixesApplied} fixes (${suppressFixes} of them suppressions) applied one by one, ` +
        `${failures.length} failures, in ${Date.now() - started} ms`,
    );
    assert.deepEqual(crashes.slice(0, 20), []);
    assert.deepEqual(failures.slice(0, 20), []);
    for (const id of SEEN_ON_CORPUS) assert.ok((counts.get(id) ?? 0) > 0, `${id} finds nothing on the corpus`);
  });
});
