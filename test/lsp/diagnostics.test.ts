// The language server as VS Code sees it: dist/server.js over stdio, publishing diagnostics as documents open,
// change and close. Needs the bundle built (npm test's pretest builds it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import type { InitializeResult } from 'vscode-languageserver-protocol/node';
import { LspTestClient, SERVER_BUNDLE } from './harness';
import {
  FIXTURES,
  hostNetworkDiagnostic,
  kubewrightDiagnostic,
  LIVENESS_HTTP,
  LIVENESS_NAME_LINE,
  livenessContainerDiagnostics,
  onLine,
  readFixture,
  untitledUri,
} from './expectations';

describe('lsp: diagnostics', () => {
  let client: LspTestClient;
  let initializeResult: InitializeResult;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run \`npm run build\` first`);
    ({ client, initializeResult } = await LspTestClient.start());
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  it('announces incremental text sync with open and close, quick fixes and fix-all, navigation, workspace folder changes', () => {
    assert.deepEqual(initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.kubewright'], resolveProvider: true },
        executeCommandProvider: { commands: ['kubewright.applyFixAll'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kubewright' },
    });
  });

  it('publishes the five liveness-http warnings on the container name, with docs links and the version', async () => {
    const uri = pathToFileURL(path.join(FIXTURES, 'liveness-http.yaml')).href;
    client.open(uri, LIVENESS_HTTP, 7);
    const published = await client.nextPublish(uri);
    // The CLI reports these at 10:5–10:19, 1-based; LSP counts from 0. The Service gets nothing.
    assert.deepEqual(published, { uri, version: 7, diagnostics: livenessContainerDiagnostics() });
    assert.deepEqual(published.diagnostics[0].range, onLine(9, 4, 18));
    for (const { codeDescription } of published.diagnostics) {
      assert.ok(fs.existsSync(fileURLToPath(codeDescription!.href)), `the docs page ${codeDescription!.href} exists`);
    }
    await client.closeExpectingCleared(uri);
  });

  it('publishes for the new version after an edit that fixes a problem, and one that adds one', async () => {
    const uri = untitledUri('edited');
    client.open(uri, LIVENESS_HTTP);
    assert.equal((await client.nextPublish(uri)).version, 1);

    // Line 22 is the `---` after the liveness probe: a readiness probe typed in above it.
    client.change(uri, 2, { range: onLine(22, 0, 0), text: '    readinessProbe:\n      httpGet: {path: /ready, port: 8080}\n' });
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 2,
      diagnostics: livenessContainerDiagnostics({ severities: { 'require-readiness-probe': 'off' } }),
    });

    // Two changes in one notification, applied in order: hostNetwork above `containers:`, which moves the container
    // down a line, then the container renamed on its new line.
    client.change(
      uri,
      3,
      { range: onLine(8, 0, 0), text: '  hostNetwork: true\n' },
      { range: onLine(LIVENESS_NAME_LINE + 1, 10, 18), text: 'web' },
    );
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 3,
      diagnostics: [
        hostNetworkDiagnostic('liveness-http', onLine(8, 2, 19)),
        ...livenessContainerDiagnostics({ name: 'web', line: LIVENESS_NAME_LINE + 1, severities: { 'require-readiness-probe': 'off' } }),
      ],
    });
    await client.closeExpectingCleared(uri);
  });

  it('publishes once, for the last version, after a burst of keystrokes', async () => {
    const uri = untitledUri('typed-fast');
    client.open(uri, LIVENESS_HTTP);
    assert.equal((await client.nextPublish(uri)).version, 1);

    // Five keystrokes appending to the container's name, sent together: the debounce folds them into one lint.
    for (let typed = 1; typed <= 5; typed++) {
      const lineEnd = 17 + typed; // `  - name: liveness` is 18 characters, then the x's typed so far
      client.change(uri, 1 + typed, { range: onLine(LIVENESS_NAME_LINE, lineEnd, lineEnd), text: 'x' });
    }
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 6,
      diagnostics: livenessContainerDiagnostics({ name: 'livenessxxxxx' }),
    });
    // The close's empty publish comes next: nothing for versions 2 to 5 arrived before or after the one for 6.
    await client.closeExpectingCleared(uri);
  });

  it('drops the result for a version that changed while its settings were being fetched', async () => {
    const uri = untitledUri('changed-while-asking');
    const release = client.holdSettings();
    client.open(uri, LIVENESS_HTTP);
    // The lint of version 1 is now waiting for this answer; version 2 arrives before it.
    await client.nextConfigurationRequest(uri);
    client.change(uri, 2, { range: onLine(LIVENESS_NAME_LINE, 10, 18), text: 'web' });
    release();
    assert.deepEqual(await client.nextPublish(uri), { uri, version: 2, diagnostics: livenessContainerDiagnostics({ name: 'web' }) });
    await client.closeExpectingCleared(uri);
  });

  it('publishes an empty list for YAML that is not Kubernetes: a GitHub workflow', async () => {
    const uri = pathToFileURL(path.join(FIXTURES, 'not-kubernetes/github-workflow.yaml')).href;
    client.open(uri, readFixture('not-kubernetes/github-workflow.yaml'));
    assert.deepEqual(await client.nextPublish(uri), { uri, version: 1, diagnostics: [] });
    await client.closeExpectingCleared(uri);
  });

  it('counts characters in UTF-16 code units after non-ASCII text on the same line', async () => {
    const uri = untitledUri('emoji');
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: cafe}\nspec: {nodeSelector: {zone: "é😀"}, hostNetwork: true, containers: []}\n';
    client.open(uri, text);
    // "é" is one UTF-16 unit and "😀" two: hostNetwork starts at 36 (35 in code points, 39 in UTF-8 bytes).
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 1,
      diagnostics: [hostNetworkDiagnostic('cafe', onLine(3, 36, 53))],
    });
    await client.closeExpectingCleared(uri);
  });

  it('reports a duplicate key and a tab as yaml-syntax errors where they are, and keeps serving', async () => {
    const uri = untitledUri('broken');
    client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: x\n\timage: y\n');
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 1,
      diagnostics: [
        kubewrightDiagnostic('yaml-syntax', DiagnosticSeverity.Error, 'Duplicate key "name": a key may appear only once in a map', onLine(4, 2, 6)),
        kubewrightDiagnostic('yaml-syntax', DiagnosticSeverity.Error, 'Tab used for indentation: YAML indents with spaces only', onLine(8, 0, 1)),
      ],
    });

    const valid = untitledUri('valid-after-broken');
    client.open(valid, LIVENESS_HTTP);
    assert.deepEqual(await client.nextPublish(valid), { uri: valid, version: 1, diagnostics: livenessContainerDiagnostics() });
    await client.closeExpectingCleared(uri, valid);
  });
});
