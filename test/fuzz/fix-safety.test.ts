// Fix safety as a property, on generated Pods and Deployments of every shape (manifests.ts) and on every corpus file:
// fix-all's text parses, keeps every line it did not edit, in order, and a second fix-all changes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { fixAll, lintText } from '../../server/src/engine';
import { parseChunkText } from '../../server/src/engine/parse';
import { CORPUS, skipWithoutCorpus, yamlFiles } from '../corpus/corpus-files';
import { lostLines } from './lines';
import { manifestFile } from './manifests';
import { SEED, Timings, timed } from './summary';

/** What must hold for one text; returns the problems found and how many fixes were applied. */
function fixSafety(text: string): { problems: string[]; applied: number } {
  const problems: string[] = [];
  const syntaxBefore = lintText(text).filter((f) => f.ruleId === 'yaml-syntax').length;
  const once = fixAll(text);
  if (lintText(once.text).filter((f) => f.ruleId === 'yaml-syntax').length > syntaxBefore) problems.push('the fixed text does not parse');
  const lost = lostLines(text, once.text, once.edits);
  if (lost.length) problems.push(`lines lost: ${JSON.stringify(lost.slice(0, 3))}`);
  if (fixAll(once.text).text !== once.text) problems.push('a second fix-all changed the text');
  return { problems, applied: once.applied };
}

/** Corpus files above this (two CRD bundles of 1-2 MB) take seconds each; the corpus suite fixes them already. */
const MAX_CORPUS_CHARS = 300_000;
const GENERATED_RUNS = 100;

describe('fuzz: fix safety', function () {
  this.timeout(120_000);
  const timings = new Timings();
  after(() => timings.print('fix safety'));

  it('generated manifests are valid YAML to begin with', () => {
    fc.assert(fc.property(manifestFile, (text) => {
      for (const document of parseChunkText(text)) assert.deepEqual(document.errors.map((e) => e.message), [], text);
    }), { seed: SEED, numRuns: 100 });
  });

  it('fix-all on generated Pods and Deployments: parses, keeps unedited lines in order, idempotent', () => {
    let fixed = 0;
    fc.assert(fc.property(manifestFile, (text) => {
      const { value, ms } = timed(() => fixSafety(text));
      timings.record('generated manifest (fix-all twice)', ms);
      if (value.applied > 0) fixed++;
      assert.deepEqual(value.problems, [], text);
    }), { seed: SEED, numRuns: GENERATED_RUNS });
    // The generator is only useful if most of its manifests need fixing.
    assert.ok(fixed > GENERATED_RUNS * 0.6, `only ${fixed} of ${GENERATED_RUNS} generated manifests had a fix applied`);
  });

  describe('corpus files', () => {
    before(skipWithoutCorpus);

    it('fix-all on every corpus file under 300 kB: parses, keeps unedited lines in order, idempotent', () => {
      const failures: string[] = [];
      for (const file of yamlFiles(CORPUS)) {
        const text = fs.readFileSync(file, 'utf8');
        if (text.length > MAX_CORPUS_CHARS) continue;
        const { value, ms } = timed(() => fixSafety(text));
        timings.record('corpus file (fix-all twice)', ms);
        for (const p of value.problems) failures.push(`${path.relative(CORPUS, file)}: ${p}`);
      }
      assert.deepEqual(failures, []);
    });
  });
});
