// Navigation across files through the language server, on a temp copy of test/fixtures/navigation: definition from a
// selector, a backend and a configMapKeyRef into other files, references back from pod labels, the Service CodeLens.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Location } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, DEFAULT_SETTINGS, LspTestClient } from './harness';
import { FIXTURES } from './expectations';

/** A location as `file line:character-line:character`, the file relative to the workspace, for readable asserts. */
const where = (workspace: string) => (location: Location) => {
  const { start, end } = location.range;
  return `${path.relative(workspace, new URL(location.uri).pathname)} ${start.line}:${start.character}-${end.line}:${end.character}`;
};

describe('lsp: navigation across files', () => {
  let workspace: string;
  let client: LspTestClient;
  const uriOf = (file: string) => pathToFileURL(path.join(workspace, file)).href;

  const navigate = async (method: 'definition' | 'references', file: string, line: number, character: number) => {
    const params = { textDocument: { uri: uriOf(file) }, position: { line, character }, context: { includeDeclaration: false } };
    const locations = await client.request<Location[]>(`textDocument/${method}`, params);
    return locations.map(where(workspace)).sort();
  };
  const lensesOf = (file: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-navigation-'));
    fs.cpSync(path.join(FIXTURES, 'navigation'), workspace, { recursive: true });
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'navigation' }],
    }));
    // Navigation reads the files that are not open from the index: wait until it holds them all.
    await client.nextProgress('end');
    for (const file of ['app/service.yaml', 'app/ingress.yaml', 'app/deployment.yaml']) {
      client.open(uriOf(file), fs.readFileSync(path.join(workspace, file), 'utf8'));
      await client.nextPublish(uriOf(file));
    }
  });

  beforeEach(() => {
    client.settingsFor = () => DEFAULT_SETTINGS;
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.closeExpectingCleared(uriOf('app/service.yaml'), uriOf('app/ingress.yaml'), uriOf('app/deployment.yaml'));
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("goes from a Service's selector to the pod labels of the Deployments it selects, in other files and its namespace only", async () => {
    // On `app: web` (line 6); prod/deployment.yaml has the same labels in namespace prod.
    assert.deepEqual(await navigate('definition', 'app/service.yaml', 6, 6), ['app/api.yaml 9:6-9:40', 'app/deployment.yaml 9:6-9:40']);
  });

  it("goes from an Ingress backend to the Service's name", async () => {
    assert.deepEqual(await navigate('definition', 'app/ingress.yaml', 13, 23), ['app/service.yaml 3:8-3:11']);
  });

  it('goes from a configMapKeyRef to the ConfigMap', async () => {
    assert.deepEqual(await navigate('definition', 'app/deployment.yaml', 16, 55), ['app/config.yaml 3:8-3:20']);
  });

  it('answers nothing where no reference is', async () => {
    assert.deepEqual(await navigate('definition', 'app/deployment.yaml', 13, 20), []);
  });

  it("finds the Service that selects a Deployment's template labels, and the Ingress that routes to it", async () => {
    assert.deepEqual(await navigate('references', 'app/deployment.yaml', 9, 20), ['app/ingress.yaml 13:22-13:25', 'app/service.yaml 5:2-6:12']);
  });

  it('puts the workloads a Service selects above its selector', async () => {
    assert.deepEqual(await lensesOf('app/service.yaml'), [
      { range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } }, command: { title: 'selects 2 workloads: api, web', command: '' } },
    ]);
  });

  it('hides that CodeLens when kubewright.serviceCodeLens is false', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, serviceCodeLens: false });
    client.settingsChanged();
    // Settings changed: each open document is checked again.
    for (const file of ['app/service.yaml', 'app/ingress.yaml', 'app/deployment.yaml']) await client.nextPublish(uriOf(file));
    assert.deepEqual(await lensesOf('app/service.yaml'), []);
    // Navigation stays: the setting is about the lens only.
    assert.deepEqual(await navigate('definition', 'app/ingress.yaml', 13, 23), ['app/service.yaml 3:8-3:11']);

    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    for (const file of ['app/service.yaml', 'app/ingress.yaml', 'app/deployment.yaml']) await client.nextPublish(uriOf(file));
    assert.equal((await lensesOf('app/service.yaml')).length, 1);
  });
});
