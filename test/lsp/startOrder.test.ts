// What the server does first, so that the document the user opened gets its first squiggles soon: the background
// scan of the workspace folders starts only once that document has its diagnostics, and the document's settings and
// its .kubewright.yaml are looked for at the same time, not one after the other.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { FIXTURES, LIVENESS_HTTP } from './expectations';

describe('lsp: the first document before the workspace scan', () => {
  let workspace: string;
  let client: LspTestClient | undefined;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-first-'));
    fs.cpSync(path.join(FIXTURES, 'cross-file/services'), workspace, { recursive: true });
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes the opened document before the scan asks for the folder excludes or reports progress', async () => {
    const folderUri = pathToFileURL(workspace).href;
    const documentUri = pathToFileURL(path.join(workspace, 'app/service.yaml')).href;
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: folderUri, name: 'services' }],
    }));
    // While its settings are held the document cannot be checked; a scan started meanwhile would ask for the folder's.
    const release = client.holdSettings();
    client.open(documentUri, fs.readFileSync(new URL(documentUri), 'utf8'));
    await client.nextConfigurationRequest(documentUri);
    release();
    await client.nextPublish(documentUri);
    await client.nextConfigurationRequest(folderUri);
    const begin = await client.nextProgress('begin');
    assert.equal((begin.value as { title: string }).title, 'Kubewright: indexing 5 YAML files');
    await client.nextProgress('end');

    const published = client.arrivals.indexOf(`publish ${documentUri}`);
    const folderAsked = client.arrivals.indexOf(`configuration ${folderUri} ${folderUri}`);
    assert.ok(published >= 0 && folderAsked > published, `arrivals: ${client.arrivals.join(', ')}`);
  });

  it('starts the scan without a document when none is opened', async () => {
    const folderUri = pathToFileURL(workspace).href;
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: folderUri, name: 'services' }],
    }));
    const begin = await client.nextProgress('begin');
    assert.equal((begin.value as { title: string }).title, 'Kubewright: indexing 5 YAML files');
    await client.nextProgress('end');
    assert.deepEqual(client.arrivals, [`configuration ${folderUri} ${folderUri}`]);
  });

  it('reads the .kubewright.yaml of the opened document while its settings are still on their way', async () => {
    fs.writeFileSync(path.join(workspace, '.kubewright.yaml'), 'rules:\n  run-as-non-root: off\n');
    const configUri = pathToFileURL(path.join(workspace, '.kubewright.yaml')).href;
    const documentUri = pathToFileURL(path.join(workspace, 'app/pod.yaml')).href;
    ({ client } = await LspTestClient.start());
    const release = client.holdSettings();
    client.open(documentUri, LIVENESS_HTTP);
    await client.nextConfigurationRequest(documentUri);
    // Checked (and its diagnostics published) before the settings are answered.
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] });
    release();
    const codes = (await client.nextPublish(documentUri)).diagnostics.map((diagnostic) => diagnostic.code);
    assert.equal(codes.length, 4);
    assert.equal(codes.includes('run-as-non-root'), false, 'the file applies');
  });
});
