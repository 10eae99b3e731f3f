// Property: corpus files broken at random (truncated, characters inserted or deleted, tabs, CRLF, BOM, NUL, U+FFFD and
// lone surrogates) never make the engine throw or a rule fail, a broken Kubernetes document always gets a syntax
// finding, and fix-all on the broken text adds no syntax error, loses no line and is idempotent. Fixed seed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { fixAll, lintText } from '../../server/src/engine';
import type { Finding } from '../../server/src/engine';
import { parseChunkText, splitChunks } from '../../server/src/engine/parse';
import { looksLikeKubernetes } from '../../server/src/engine/k8s/object';
import { CORPUS, skipWithoutCorpus, yamlFiles } from '../corpus/corpus-files';
import { lostLines } from './lines';
import { SEED, Timings, timed } from './summary';

/** Runs per property: enough to reach every mutation on many files, few enough for a few seconds on 2 cores. */
const RUNS = 200;
/** Files above this are left to the corpus suite: each run here lints and fixes the file several times. */
const MAX_FILE_CHARS = 40_000;

/** Characters that mean something to YAML or to a decoder, inserted at random offsets. */
const NASTY = [':', '-', ' ', '\t', '\n', '\r\n', '\r', '#', '&a ', '*a', '[', ']', '{', '}', '"', "'", '|', '>', '? ', '---\n', '...\n',
  '\u0000', '\uFFFD', '\uD800', '\uDC00', '\uFEFF', '\u2028', '%YAML 1.2\n', '<<: *a\n', '!!binary ', 'x'];

type Mutation = (text: string) => string;

function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    at.map((p) => (t: string) => t.slice(0, Math.floor(p * t.length))),
    fc.tuple(at, fc.constantFrom(...NASTY)).map(([p, s]) => (t: string) => t.slice(0, Math.floor(p * t.length)) + s + t.slice(Math.floor(p * t.length))),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([p, n]) => (t: string) => t.slice(0, Math.floor(p * t.length)) + t.slice(Math.floor(p * t.length) + n)),
    at.map((p) => (t: string) => {
      // Tabs for the indentation of every line after a point.
      const from = Math.floor(p * t.length);
      return t.slice(0, from) + t.slice(from).replace(/\n( {2})+/g, (m) => '\n' + '\t'.repeat((m.length - 1) / 2));
    }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }).map((flips) => (t: string) => {
      let i = 0;
      return t.replace(/\r?\n/g, () => (flips[i++ % flips.length] ? '\r\n' : '\n'));
    }),
    fc.constant((t: string) => `\uFEFF${t}`),
  );
}

/** True when a Kubernetes-looking chunk of plain YAML has a document that does not parse. */
function brokenChunks(text: string): Array<{ start: number; end: number }> {
  return splitChunks(text)
    .filter((c) => looksLikeKubernetes(c.text) && !c.text.includes('{{') && parseChunkText(c.text).some((d) => d.errors.length > 0))
    .map((c) => ({ start: c.offset, end: c.offset + c.text.length }));
}

describe('fuzz: mutated corpus files', function () {
  this.timeout(120_000);
  let files: Array<{ name: string; text: string }> = [];
  const timings = new Timings();

  before(function () {
    skipWithoutCorpus.call(this);
    files = yamlFiles(CORPUS).map((name) => ({ name, text: fs.readFileSync(name, 'utf8') })).filter((f) => f.text.length <= MAX_FILE_CHARS);
  });

  after(() => timings.print(`mutated corpus files: ${RUNS} runs of up to 3 mutations each`));

  it('never throws, reports every broken Kubernetes document, and fix-all breaks nothing', () => {
    const property = fc.property(fc.nat(), fc.array(mutationArb(), { minLength: 1, maxLength: 3 }), (pick, mutations) => {
      const file = files[pick % files.length];
      const text = mutations.reduce((t, m) => m(t), file.text);
      const ruleErrors: string[] = [];
      const options = { onRuleError: (id: string, e: unknown) => ruleErrors.push(`${id}: ${String(e)}`) };
      const { value: findings, ms } = timed(() => lintText(text, {}, options));
      timings.record('lint', ms);
      assert.deepEqual(ruleErrors, []);
      for (const f of findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length && f.message.length > 0, `finding in range: ${f.ruleId}`);
      const syntax = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === 'yaml-syntax');
      for (const chunk of brokenChunks(text)) {
        assert.ok(syntax(findings).some((f) => f.start >= chunk.start && f.start <= chunk.end), `a syntax finding in the broken document at ${chunk.start}`);
      }
      const fixed = timed(() => fixAll(text, {}, options));
      timings.record('fix-all', fixed.ms);
      assert.ok(syntax(lintText(fixed.value.text)).length <= syntax(findings).length, 'fix-all adds no syntax error');
      assert.deepEqual(lostLines(text, fixed.value.text, fixed.value.edits), [], 'fix-all loses no line');
      assert.equal(fixAll(fixed.value.text).text, fixed.value.text, 'fix-all is idempotent');
    });
    fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
  });
});
