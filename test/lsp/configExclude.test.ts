// The exclude globs of a .kubewright.yaml in the editor's workspace index, as `kubewright lint` applies them: relative
// to the config file's folder, from the nearest config only; the index is read again when they change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { FIXTURES } from './expectations';
import { crossFile, TYPO_RESOLVED, WBE_DEPLOYMENT, WITH_TYPO } from './crossFileExpectations';

/** Relative to app/, where the file is: `vendor` is app/vendor (a workspace-relative reading would miss it). */
const EXCLUDE_VENDOR = 'exclude: [vendor]\n';

describe('lsp: the exclude globs of .kubewright.yaml', () => {
  let workspace: string;
  let client: LspTestClient;
  let serviceUri: string;
  let serviceText: string;
  let serviceVersion = 1;
  let configUri: string;

  /** The title of the next scan's progress, read with its end: the end comes once the scan's index is in place. */
  async function nextScanTitle(): Promise<string> {
    const title = ((await client.nextProgress('begin')).value as { title: string }).title;
    await client.nextProgress('end');
    return title;
  }

  /**
   * The Service's publish for an edit made now (a comment appended). Publishes of older versions come first, from
   * re-validations the config change and the scan started; only the newest one tells what the index holds now.
   */
  async function serviceFindingsNow(): Promise<string[]> {
    const end = serviceText.split('\n').length - 1;
    serviceText += '# edited\n';
    client.change(serviceUri, ++serviceVersion, { range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '# edited\n' });
    let published: PublishDiagnosticsParams;
    do published = await client.nextPublish(serviceUri);
    while (published.version !== serviceVersion);
    return crossFile(published);
  }

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-config-exclude-'));
    fs.cpSync(path.join(FIXTURES, 'cross-file/services'), workspace, { recursive: true });
    fs.mkdirSync(path.join(workspace, 'app/vendor'));
    fs.writeFileSync(path.join(workspace, 'app/vendor/wbe.yaml'), WBE_DEPLOYMENT);
    fs.writeFileSync(path.join(workspace, 'app/.kubewright.yaml'), EXCLUDE_VENDOR);
    serviceUri = pathToFileURL(path.join(workspace, 'app/service.yaml')).href;
    serviceText = fs.readFileSync(new URL(serviceUri), 'utf8');
    configUri = pathToFileURL(path.join(workspace, 'app/.kubewright.yaml')).href;
    ({ client } = await LspTestClient.start({
      capabilities: {
        ...CLIENT_CAPABILITIES,
        window: { workDoneProgress: true },
        workspace: { ...CLIENT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'services' }],
    }));
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("leaves out the files the config excludes: the Deployment in app/vendor does not satisfy the Service's selector", async () => {
    // The services fixture's five files; not app/vendor/wbe.yaml, nor the .kubewright.yaml (configuration, not a manifest).
    assert.equal(await nextScanTitle(), 'Kubewright: indexing 5 YAML files');
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] }, 'read while scanning: a valid file, nothing to mark');
    client.open(serviceUri, serviceText);
    assert.deepEqual(crossFile(await client.nextPublish(serviceUri)), WITH_TYPO);
  });

  it('reads the folder again when an edit to the config (unsaved) drops the exclude, and when closing it brings the exclude back', async () => {
    client.open(configUri, EXCLUDE_VENDOR);
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, version: 1, diagnostics: [] });
    client.change(configUri, 2, { text: 'exclude: []\n' });
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, version: 2, diagnostics: [] });
    assert.equal(await nextScanTitle(), 'Kubewright: indexing 6 YAML files');
    assert.deepEqual(await serviceFindingsNow(), TYPO_RESOLVED);

    // Closed unsaved: the file on disk, which excludes app/vendor, is in force again.
    client.close(configUri);
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] });
    assert.equal(await nextScanTitle(), 'Kubewright: indexing 5 YAML files');
    assert.deepEqual(await serviceFindingsNow(), WITH_TYPO);
  });

  it('follows the nearest config only, as the CLI does: one created in app/vendor governs its files, and excludes nothing', async () => {
    const nested = path.join(workspace, 'app/vendor/.kubewright.yaml');
    fs.writeFileSync(nested, 'profile: seed\n');
    client.watchedFilesChanged({ uri: pathToFileURL(nested).href, type: FileChangeType.Created });
    assert.deepEqual(await client.nextPublish(pathToFileURL(nested).href), { uri: pathToFileURL(nested).href, diagnostics: [] });
    assert.equal(await nextScanTitle(), 'Kubewright: indexing 6 YAML files');
    assert.deepEqual(await serviceFindingsNow(), TYPO_RESOLVED);

    fs.rmSync(nested);
    client.watchedFilesChanged({ uri: pathToFileURL(nested).href, type: FileChangeType.Deleted });
    assert.deepEqual(await client.nextPublish(pathToFileURL(nested).href), { uri: pathToFileURL(nested).href, diagnostics: [] });
    assert.equal(await nextScanTitle(), 'Kubewright: indexing 5 YAML files');
    assert.deepEqual(await serviceFindingsNow(), WITH_TYPO);
    await client.closeExpectingCleared(serviceUri);
  });
});
