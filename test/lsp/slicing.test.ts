// A long validation (opening a large file) runs in slices, so the server answers requests in between instead of after
// it; a request that needs the findings waits for the last slice rather than linting the rest itself. KUBEWRIGHT_VALIDATION_SLICE_MS=0 makes every document a slice of its own, so a three-document file shows it.
import * as assert from 'node:assert/strict';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { lintText, LineIndex } from '../../server/src/engine';
import { LspTestClient } from './harness';
import { untitledUri } from './expectations';

const pod = (name: string) =>
  ['apiVersion: v1', 'kind: Pod', `metadata: {name: ${name}}`, 'spec:', '  containers:', `    - {name: ${name}, image: "${name}:1"}`, ''].join('\n');
const THREE_PODS = [pod('a'), pod('b'), pod('c')].join('---\n');

describe('lsp: validation in slices', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  before(async () => {
    ({ client } = await LspTestClient.start({ env: { KUBEWRIGHT_VALIDATION_SLICE_MS: '0' } }));
  });
  afterEach(() => client.checkNothingUnexpected());
  after(() => client?.stop());

  it('answers a request that needs no findings between slices, and one that needs them when they are all in, without linting the rest at once', async () => {
    const uri = untitledUri('three-pods');
    const order: string[] = [];
    const noted = <T>(what: string, promise: Promise<T>) =>
      promise.then((value) => {
        order.push(what);
        return value;
      });
    client.open(uri, THREE_PODS);
    const published = noted('publish', client.nextPublish(uri));
    // Completion reads the text only: a validation in one go would publish before it is even read.
    const completion = noted('completion', client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 19, character: 9 } }));
    // On the last Pod's container, where its findings are: the hover waits for the validation's last slice.
    const hover = noted('hover', client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 19, character: 9 } }));
    const [params, , answer] = await Promise.all([published, completion, hover]);
    assert.deepEqual(order, ['completion', 'publish', 'hover']);
    const contents = answer && typeof answer.contents === 'object' && 'value' in answer.contents ? answer.contents.value : '';
    assert.match(contents, /run-as-non-root/, 'the hover explains the findings there');
    const lines = new LineIndex(THREE_PODS);
    const expected = lintText(THREE_PODS).map((f) => [f.ruleId, lines.positionAt(f.start), lines.positionAt(f.end)]);
    assert.ok(expected.length >= 9, 'each Pod has findings');
    assert.deepEqual(params.diagnostics.map((d) => [d.code, d.range.start, d.range.end]), expected);
    await client.closeExpectingCleared(uri);
  });
});
