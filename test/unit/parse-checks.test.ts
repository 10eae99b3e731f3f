// What the parse adds to yaml's own errors: a message a person can act on when the text nests deeper than the
// parser's stack, given once per document however many times the parser ran out of stack on it.
import * as assert from 'node:assert/strict';
import { YAMLParseError } from 'yaml';
import { parseChunkText } from '../../server/src/engine/parse';
import { explainResourceErrors } from '../../server/src/engine/parse-checks';

describe('parse checks: nesting deeper than the stack', () => {
  it('keeps one explained error per document when the parser reports the overflow twice', () => {
    const [document] = parseChunkText('a: 1\n');
    const overflow = () => new YAMLParseError([0, 1], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded');
    document.errors.push(overflow(), new YAMLParseError([2, 3], 'BAD_INDENT', 'Bad indentation'), overflow());
    explainResourceErrors(document);
    assert.deepEqual(
      document.errors.map((e) => [e.code, e.message.split(':')[0]]),
      [
        ['RESOURCE_EXHAUSTION', 'Nested too deeply to read'],
        ['BAD_INDENT', 'Bad indentation'],
      ],
    );
  });

  it('reports a 10,000-deep flow map with exactly one error, every time', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
    const counts = Array.from({ length: 8 }, () => parseChunkText(text).flatMap((d) => d.errors.filter((e) => e.code === 'RESOURCE_EXHAUSTION')).length);
    assert.deepEqual(counts, Array(8).fill(1));
  });
});
