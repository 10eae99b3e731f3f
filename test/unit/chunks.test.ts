// Where a file is split into `---` chunks: the indexOf scan must find the starts YAML's line rules give, the ones
// the multiline regexes it replaced found (kept here as the specification), on every line break YAML knows; and the
// linter's chunk cache holds the current text's chunks only.
import * as assert from 'node:assert/strict';
import { ManifestLinter } from '../../server/src/engine';
import { chunkStarts } from '../../server/src/engine/parse';

/** The definition: a `---` at the start of a line, followed by a blank, a line break or the end; none after a directive. */
function specified(text: string): number[] {
  const starts = [0];
  if (/^%/m.test(text)) return starts;
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (m.index! > 0) starts.push(m.index!);
  return starts;
}

const CASES: Record<string, string> = {
  'LF documents': 'a: 1\n---\nb: 2\n--- # c\nc: 3\n',
  'CRLF documents': 'a: 1\r\n---\r\nb: 2\r\n',
  'lone CR line breaks': 'a: 1\r---\rb: 2',
  'U+2028 and U+2029 as line ends': 'a: 1\u2028---\u2029b: 2\n---\u2028c',
  'a marker with a tab, and one at the very end': 'a: 1\n---\tx: 1\n---',
  'dashes that are not a marker': 'a: ---\n----\n --- \n---x\nb: "\n---"\n',
  'a first line marker (not a split)': '---\na: 1\n',
  'a directive stops all splitting': '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
  'a percent sign inside a line does not': 'a: 100%\n---\nb: 2\n',
  'a directive after a CR': 'a: 1\r%TAG ! x\n---\nb',
  'empty text': '',
};

describe('chunk starts', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => assert.deepEqual(chunkStarts(text), specified(text)));
  }

  it('agrees with the definition on every string of up to five pieces from a tricky alphabet', () => {
    const pieces = ['-', '---', '\n', '\r', '\r\n', ' ', '\t', '%', 'a', '\u2028', '#'];
    const grow = (prefix: string, left: number): void => {
      assert.deepEqual(chunkStarts(prefix), specified(prefix), JSON.stringify(prefix));
      if (left > 0) for (const piece of pieces) grow(prefix + piece, left - 1);
    };
    grow('', 5);
  });

  it('keeps no chunk of an earlier version: undoing an edit checks the document again', () => {
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: x:1}]}\n`;
    const original = [pod('a'), pod('b'), pod('c')].join('---\n');
    const edited = original.replace('name: b}', 'name: bx}');
    const linter = new ManifestLinter();
    linter.lint(original);
    linter.lint(edited);
    assert.equal(linter.lastStats.checkedChunks, 1);
    // Had the cache kept the original's version of the edited document, this would check nothing.
    linter.lint(original);
    assert.equal(linter.lastStats.checkedChunks, 1);
  });
});
