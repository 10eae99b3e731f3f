// The safety check on fixes: a fix whose result would not parse is never offered checked, is listed unchecked with a
// check() that says why, and fix-all leaves it out while it applies the fixes that keep the YAML valid. Fix-all with
// the editor's linter gives the same text and parses only the documents it changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fixAll, ManifestLinter } from '../../../server/src/engine';
import { BREAK_TITLE, BROKEN_FIX_CONFIG as CONFIG, BROKEN_FIX_RULES as RULES, CONFIG_MAP } from '../../support/broken-fixes';

function parses(text: string): boolean {
  return parseAllDocuments(text).every((d) => d.errors.length === 0);
}

describe('fixes: the check that keeps the YAML valid', () => {
  const findingOf = (ruleId: string) => {
    const linter = new ManifestLinter(CONFIG, { rules: RULES });
    return linter.lint(CONFIG_MAP).find((f) => f.ruleId === ruleId)!;
  };

  it('never offers a fix whose result would not parse', () => {
    assert.deepEqual(findingOf('test-rename').fixes!().map((f) => f.title), ['Rename to fixed']);
    assert.deepEqual(findingOf('test-breaks').fixes!(), []);
  });

  it('lists every fix when asked unchecked, each with a check that says why it would break the YAML', () => {
    const fixes = findingOf('test-rename').fixes!({ unchecked: true });
    assert.deepEqual(fixes.map((f) => f.title), [BREAK_TITLE, 'Rename to fixed']);
    const [broken, rename] = fixes;
    assert.match(broken.check!() ?? '', /^the fixed YAML would not parse: /);
    assert.equal(rename.check!(), undefined);
    assert.deepEqual(rename.edits, findingOf('test-rename').fixes!()[0].edits);
  });

  it('gives checked fixes without a check, as plain title, preference and edits', () => {
    assert.deepEqual(Object.keys(findingOf('test-rename').fixes!()[0]).sort(), ['edits', 'preferred', 'title']);
  });

  it('has fix-all take the first preferred fix that keeps the YAML valid, and leave a finding whose only fix breaks it', () => {
    const result = fixAll(CONFIG_MAP, CONFIG, { rules: RULES });
    assert.equal(result.text, CONFIG_MAP.replace('name: settings', 'name: fixed'));
    assert.equal(result.applied, 1);
    assert.ok(parses(result.text));
  });
});

describe('fix-all with the editor\'s linter', () => {
  const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'liveness-http.yaml');
  const original = fs.readFileSync(FIXTURE, 'utf8');

  it('fixes to the same text as a linter of its own', () => {
    const linter = new ManifestLinter({});
    linter.lint(original);
    assert.equal(fixAll(original, {}, { linter }).text, fixAll(original).text);
  });

  it('parses only the documents it changes, and leaves them in the linter for the lint after the edit', () => {
    const linter = new ManifestLinter({});
    linter.lint(original);
    const linted: string[] = [];
    const lintChunk = linter.lintChunk.bind(linter);
    linter.lintChunk = (chunkText) => {
      if (!linter.documentsOf(chunkText)) linted.push(chunkText);
      return lintChunk(chunkText);
    };
    const { text } = fixAll(original, {}, { linter });
    assert.notEqual(text, original);
    assert.ok(linted.length > 0);
    assert.deepEqual(linted.filter((chunk) => chunk.includes('kind: Service')), [], 'the Service, which has nothing to fix, is not parsed again');
    linter.lint(text);
    assert.equal(linter.lastStats.checkedChunks, 0);
  });
});
