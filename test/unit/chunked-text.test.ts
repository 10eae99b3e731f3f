// A file kept as `---` chunks across edits (ChunkedText) must always hold the chunks that splitting its whole text
// gives, and the open documents built on it (ChunkedDocument) must answer every position question as the stock LSP
// TextDocument does: the linter, the diagnostics' ranges and every request read them.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedText } from '../../server/src/engine/chunked-text';
import { splitChunks } from '../../server/src/engine/parse';
import { ManifestLinter } from '../../server/src/engine';
import { ChunkedDocument } from '../../server/src/lsp/chunked-document';

/** Pieces that make and break document markers, directives and every kind of line end. */
const PIECES = ['---', '-', '--- ', '\n', '\r', '\r\n', ' ', 'a: 1', '%YAML 1.2', '%', '#', '\t', '...', '\u2028', 'é'];
const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
/** An edit as offsets into a text of `length`: [start, end, inserted]. */
const edit = fc.tuple(fc.nat(), fc.nat(), piecesText);

function applyOffsets(text: string, [a, b, inserted]: [number, number, string]): [number, number, string] {
  const start = a % (text.length + 1);
  const end = start + (b % (text.length - start + 1));
  return [start, end, inserted];
}

const plain = (chunks: ReadonlyArray<{ offset: number; text: string }>) => chunks.map(({ offset, text }) => ({ offset, text }));

describe('ChunkedText: `---` chunks kept across edits', () => {
  it('holds splitChunks of the edited text after any sequence of edits', () => {
    fc.assert(
      fc.property(piecesText, fc.array(edit, { maxLength: 12 }), (initial, edits) => {
        const chunked = new ChunkedText(initial);
        let text = initial;
        for (const raw of edits) {
          const [start, end, inserted] = applyOffsets(text, raw);
          chunked.replace(start, end, inserted);
          text = text.slice(0, start) + inserted + text.slice(end);
          assert.deepEqual(plain(chunked.chunks), splitChunks(text));
          assert.equal(chunked.text(), text);
          assert.equal(chunked.length, text.length);
        }
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  const cases: Array<[string, string, (t: string) => [number, number, string]]> = [
    ['typing a marker splits a document', 'a: 1\nb: 2\n', (t) => [t.indexOf('b'), t.indexOf('b'), '---\n']],
    ['breaking a marker joins two documents', 'a: 1\n---\nb: 2\n', (t) => [t.indexOf('---'), t.indexOf('---') + 1, '']],
    ['deleting the line break before a marker joins them', 'a: 1\n---\nb: 2\n', (t) => [4, 5, '']],
    ['a directive stops all splitting', 'a: 1\n---\nb: 2\n---\nc: 3\n', (t) => [t.indexOf('c'), t.indexOf('c'), '%TAG ! x\n']],
    ['removing the directive splits again', '%YAML 1.2\n---\na: 1\n---\nb: 2\n', () => [0, 10, '']],
    ['replacing everything', 'a: 1\n---\nb: 2\n', (t) => [0, t.length, 'x: 1\n---\ny: 2\n---\nz: 3\n']],
  ];
  for (const [name, initial, change] of cases) {
    it(name, () => {
      const chunked = new ChunkedText(initial);
      const [start, end, inserted] = change(initial);
      chunked.replace(start, end, inserted);
      assert.deepEqual(plain(chunked.chunks), splitChunks(initial.slice(0, start) + inserted + initial.slice(end)));
    });
  }

  it('keeps the string objects of the chunks an edit did not touch, so the linter checks only the edited one', () => {
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: x:1}]}\n`;
    const text = ['a', 'b', 'c', 'd', 'e'].map(pod).join('---\n');
    const chunked = new ChunkedText(text);
    const before = chunked.chunks.map((c) => c.text);
    const at = text.indexOf('name: c}') + 'name: c'.length;
    chunked.replace(at, at, 'x');
    const after = chunked.chunks.map((c) => c.text);
    assert.deepEqual(
      after.map((t, i) => t === before[i]),
      [true, true, false, true, true],
    );
    const linter = new ManifestLinter();
    linter.lintChunks(new ChunkedText(text).chunks);
    linter.lintChunks(chunked.chunks);
    assert.equal(linter.lastStats.checkedChunks, 1);
  });
});

describe('ChunkedDocument: positions as the stock TextDocument gives them', () => {
  const position = fc.record({ line: fc.integer({ min: -1, max: 40 }), character: fc.integer({ min: -1, max: 40 }) });

  function assertSame(ours: ChunkedDocument, stock: TextDocument, positions: Array<{ line: number; character: number }>): void {
    const text = stock.getText();
    assert.equal(ours.getText(), text);
    assert.equal(ours.lineCount, stock.lineCount);
    for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), stock.positionAt(offset), `positionAt(${offset})`);
    for (const p of positions) {
      assert.equal(ours.offsetAt(p), stock.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
    }
    for (let line = -1; line <= stock.lineCount; line++) {
      assert.deepEqual(ours.getLineRange(line), stock.getLineRange(line), `getLineRange(${line})`);
      assert.equal(ours.getEOLCharacters(line), stock.getEOLCharacters(line), `getEOLCharacters(${line})`);
    }
    for (let i = 0; i + 1 < positions.length; i += 2) {
      const range = { start: positions[i], end: positions[i + 1] };
      if (stock.offsetAt(range.start) <= stock.offsetAt(range.end)) assert.equal(ours.getText(range), stock.getText(range));
    }
  }

  it('agrees on text, offsets, positions, lines and ranges after any sequence of range edits', () => {
    // Changes as the editor sends them: ranges inside the text they apply to (each after the ones before it).
    const toEvents = (initial: TextDocument, changes: Array<[number, number, string]>, version: number) => {
      let scratch = initial;
      return changes.map((raw) => {
        const [start, end, text] = applyOffsets(scratch.getText(), raw);
        const event = { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text };
        scratch = TextDocument.update(TextDocument.create(scratch.uri, 'yaml', version, scratch.getText()), [event], version);
        return event;
      });
    };
    fc.assert(
      fc.property(piecesText, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), fc.array(position, { maxLength: 20 }), (initial, versions, positions) => {
        const ours = new ChunkedDocument('file:///a.yaml', 'yaml', 1, initial);
        let stock = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        assertSame(ours, stock, positions);
        versions.forEach((changes, i) => {
          const events = toEvents(stock, changes, i + 2);
          ours.update(events, i + 2);
          stock = TextDocument.update(stock, events, i + 2);
          assert.equal(ours.version, i + 2);
          assertSame(ours, stock, positions);
        });
      }),
      { seed: 20261123, numRuns: 1500 },
    );
  });

  it('takes a whole-text change', () => {
    const ours = new ChunkedDocument('file:///a.yaml', 'yaml', 1, 'a: 1\n');
    ours.update([{ text: 'b: 2\r\n---\r\nc: 3' }], 2);
    assert.equal(ours.getText(), 'b: 2\r\n---\r\nc: 3');
    assert.deepEqual(plain(ours.chunks), [
      { offset: 0, text: 'b: 2\r\n' },
      { offset: 6, text: '---\r\nc: 3' },
    ]);
    assert.equal(ours.hasCarriageReturn, true);
    assert.deepEqual(ours.positionAt(12), { line: 2, character: 1 });
  });
});
