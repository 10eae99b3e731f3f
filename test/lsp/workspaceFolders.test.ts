// Workspace folders added and removed while the server runs (workspace/didChangeWorkspaceFolders): an added folder is
// indexed in the background like the first ones, a removed folder's files leave the index, and the open documents'
// findings across files follow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult, WorkspaceFolder } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { FIXTURES } from './expectations';
import { crossFile, TYPO_RESOLVED, WBE_DEPLOYMENT, WITH_TYPO } from './crossFileExpectations';

describe('lsp: workspace folders added and removed', () => {
  let root: string;
  let client: LspTestClient;
  let initializeResult: InitializeResult;
  let serviceUri: string;
  let wbeUri: string;
  let backends: WorkspaceFolder;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-folders-'));
    fs.cpSync(path.join(FIXTURES, 'cross-file/services'), path.join(root, 'services'), { recursive: true });
    // A second folder, not open at first, holding the Deployment the Service's typo selects.
    fs.mkdirSync(path.join(root, 'backends'));
    fs.writeFileSync(path.join(root, 'backends/wbe.yaml'), WBE_DEPLOYMENT);
    fs.writeFileSync(path.join(root, 'backends/config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wbe\ndata: {}\n');
    serviceUri = pathToFileURL(path.join(root, 'services/app/service.yaml')).href;
    wbeUri = pathToFileURL(path.join(root, 'backends/wbe.yaml')).href;
    backends = { uri: pathToFileURL(path.join(root, 'backends')).href, name: 'backends' };
    ({ client, initializeResult } = await LspTestClient.start({
      capabilities: {
        ...CLIENT_CAPABILITIES,
        window: { workDoneProgress: true },
        workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true },
      },
      workspaceFolders: [{ uri: pathToFileURL(path.join(root, 'services')).href, name: 'services' }],
    }));
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('says it follows workspace folder changes', async () => {
    assert.deepEqual(initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    // The first folder's scan, with no document open: the five files of the services fixture.
    assert.equal(((await client.nextProgress('begin')).value as { title: string }).title, 'Kubewright: indexing 5 YAML files');
    await client.nextProgress('end');
  });

  it("indexes a folder added later in the background: the Service's selector finds the Deployment there", async () => {
    client.open(serviceUri, fs.readFileSync(new URL(serviceUri), 'utf8'));
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);

    client.workspaceFoldersChanged({ added: [backends], removed: [] });
    assert.equal(((await client.nextProgress('begin')).value as { title: string }).title, 'Kubewright: indexing 2 YAML files');
    await client.nextProgress('end');
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), TYPO_RESOLVED);
  });

  it("drops a removed folder's files, one open in an editor included: the finding comes back", async () => {
    // Open while its folder is in the workspace: its text counts, as the disk's did.
    client.open(wbeUri, WBE_DEPLOYMENT);
    await client.nextPublish(wbeUri);

    client.workspaceFoldersChanged({ added: [], removed: [backends] });
    // Outside the folders now, the open Deployment takes no part in the Service's checks.
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);
    assert.deepEqual(crossFile(await client.nextPublish(wbeUri)), []);
    await client.closeExpectingCleared(wbeUri);
  });

  it('indexes the folder again when it is added back', async () => {
    client.workspaceFoldersChanged({ added: [backends], removed: [] });
    assert.equal(((await client.nextProgress('begin')).value as { title: string }).title, 'Kubewright: indexing 2 YAML files');
    await client.nextProgress('end');
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), TYPO_RESOLVED);
    await client.closeExpectingCleared(serviceUri);
  });
});
