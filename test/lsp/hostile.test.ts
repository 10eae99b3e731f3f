// The language server after the worst inputs (an alias bomb, 10,000-deep nesting, NUL bytes, 5 MB files): it
// publishes plain-words diagnostics for each, stays up, and still answers a normal document's diagnostics and code
// actions. With its time budget forced to 0, a validation stops at once and says so, in the Problems panel and the log.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol/node';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { aliasBomb, deepFlow, manyDocuments, oneDocument, withNul } from '../fuzz/hostile-cases';
import { LspTestClient } from './harness';
import { LIVENESS_HTTP, livenessContainerDiagnostics, onLine, untitledUri } from './expectations';

const MB = 1024 * 1024;

describe('lsp: hostile input', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  afterEach(() => client.checkNothingUnexpected());
  after(() => client?.stop());

  const worst: Array<[string, () => string, string]> = [
    ['alias-bomb', aliasBomb, 'schema-type'],
    ['deep-nesting', () => deepFlow(10_000), 'yaml-syntax'],
    ['nul-bytes', withNul, 'yaml-syntax'],
    ['five-megabytes', () => oneDocument(5 * MB), 'document-too-large'],
  ];

  it('publishes for each of the worst inputs, then still answers a normal document', async () => {
    for (const [name, build, expected] of worst) {
      const uri = untitledUri(name);
      client.open(uri, build());
      const published = await client.nextPublish(uri);
      assert.ok(published.diagnostics.some((d) => d.code === expected), `${name}: ${expected} among ${published.diagnostics.map((d) => d.code)}`);
      for (const d of published.diagnostics) assert.doesNotMatch(String(d.message), /call stack|RangeError|TypeError/);
      // A code action request on the hostile document is answered too (fixes or none, never a failure).
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: onLine(0, 0, 1),
        context: { diagnostics: published.diagnostics },
      });
      assert.ok(Array.isArray(actions));
    }

    const uri = untitledUri('after-the-storm');
    client.open(uri, LIVENESS_HTTP);
    const published = await client.nextPublish(uri);
    assert.deepEqual(published.diagnostics, livenessContainerDiagnostics());
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.ok(actions.some((a) => a.isPreferred), 'the normal document gets its quick fixes');
    await client.closeExpectingCleared(...worst.map(([name]) => untitledUri(name)), uri);
  });
});

describe('lsp: validation budget', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  before(async () => {
    // A budget of 0 ms runs out before the first document.
    ({ client } = await LspTestClient.start({ env: { KUBEWRIGHT_VALIDATION_BUDGET_MS: '0' } }));
  });
  afterEach(() => client.checkNothingUnexpected());
  after(() => client?.stop());

  it('stops a validation past its budget, publishes an info where it stopped, and logs it', async () => {
    const uri = untitledUri('fifty-thousand-pods');
    const text = manyDocuments(5 * MB);
    client.open(uri, text);
    const published = await client.nextPublish(uri);
    const documents = text.split('---\n').length - 1;
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.range, d.message]), [[
      'document-too-large',
      DiagnosticSeverity.Information,
      onLine(0, 0, 3),
      `Kubewright stopped checking after 0 s: this document and the ${documents - 1} after it were not checked; the next edit resumes where it stopped`,
    ]]);
    const warnings = client.logs.filter((log) => log.type === MessageType.Warning).map((log) => log.message);
    assert.ok(warnings.some((w) => w.includes(`stopped with ${documents} of ${documents} documents unchecked`)), warnings.join('\n'));
    await client.closeExpectingCleared(uri);
  });
});
