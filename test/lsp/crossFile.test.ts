// Checks across files in the editor: the server indexes a workspace folder (a temp copy of a cross-file fixture) in
// the background, and a Service's findings follow the Deployments in other files, open or on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, DEFAULT_SETTINGS, LspTestClient } from './harness';
import { FIXTURES } from './expectations';
import { crossFile, TYPO_RESOLVED, WBE_DEPLOYMENT, WITH_TYPO } from './crossFileExpectations';

describe('lsp: checks across files', () => {
  let workspace: string;
  let client: LspTestClient;
  let serviceUri: string;
  let deploymentUri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-workspace-'));
    fs.cpSync(path.join(FIXTURES, 'cross-file/services'), workspace, { recursive: true });
    // Each would resolve the typo if it were read: dependencies, dot-folders, kubewright.exclude and files.exclude.
    for (const folder of ['app/node_modules/x', 'app/.cache', 'app/excluded', 'app/generated']) {
      fs.mkdirSync(path.join(workspace, folder), { recursive: true });
      fs.writeFileSync(path.join(workspace, folder, 'wbe.yaml'), WBE_DEPLOYMENT);
    }
    serviceUri = pathToFileURL(path.join(workspace, 'app/service.yaml')).href;
    deploymentUri = pathToFileURL(path.join(workspace, 'app/deployment.yaml')).href;
    ({ client } = await LspTestClient.start({
      capabilities: {
        ...CLIENT_CAPABILITIES,
        window: { workDoneProgress: true },
        workspace: { ...CLIENT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'services' }],
      settingsFor: () => ({ ...DEFAULT_SETTINGS, exclude: ['**/excluded/**'] }),
      otherSettings: { files: { exclude: { '**/generated': true, '**/never': false } } },
    }));
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('watches YAML files and reports indexing the folder as work-done progress', async () => {
    const registration = await client.nextRegistration('workspace/didChangeWatchedFiles');
    assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    // app/deployment.yaml, app/service.yaml, elsewhere/service.yaml, chart/values.yaml, chart/templates/deployment.yaml.
    const begin = await client.nextProgress('begin');
    assert.equal((begin.value as { title: string }).title, 'Kubewright: indexing 5 YAML files');
    await client.nextProgress('end');
  });

  it("publishes a Service's findings about a Deployment that is only on disk (excluded folders left out)", async () => {
    client.open(serviceUri, fs.readFileSync(new URL(serviceUri), 'utf8'));
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);
  });

  it("updates the Service's findings when another open file changes, and goes back to the disk when it closes", async () => {
    const text = fs.readFileSync(new URL(deploymentUri), 'utf8');
    client.open(deploymentUri, text);
    assert.equal((await client.nextPublish(deploymentUri)).version, 1);
    // Unsaved: only the editor holds the second Deployment.
    const end = text.split('\n').length - 1;
    client.change(deploymentUri, 2, { range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: `---\n${WBE_DEPLOYMENT}` });
    assert.equal((await client.nextPublish(deploymentUri)).version, 2);
    const updated = await client.nextPublish(serviceUri);
    assert.equal(updated.version, 1);
    assert.deepEqual(crossFile(updated), TYPO_RESOLVED);

    await client.closeExpectingCleared(deploymentUri);
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);
  });

  it('takes a file created on disk into account when the watcher reports it', async () => {
    const created = path.join(workspace, 'app/wbe.yaml');
    fs.writeFileSync(created, WBE_DEPLOYMENT);
    client.watchedFilesChanged({ uri: pathToFileURL(created).href, type: FileChangeType.Created });
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), TYPO_RESOLVED);

    fs.rmSync(created);
    client.watchedFilesChanged({ uri: pathToFileURL(created).href, type: FileChangeType.Deleted });
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);
    await client.closeExpectingCleared(serviceUri);
  });
});
