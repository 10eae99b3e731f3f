// Custom resources in the editor: an open Widget is checked against the CRD the workspace index found on disk, follows
// the CRD's unsaved edits in another editor; an open CRD outside the workspace folders counts too, and a document's own
// CRDs apply to it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { untitledUri } from './expectations';
import { CUSTOM_RESOURCES_FIXTURES, WIDGET_CRD } from '../support/crds';

/** The schema findings of a publish as `line rule-id message` (0-based lines). */
function schema(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.filter((d) => String(d.code).startsWith('schema-')).map((d) => `${d.range.start.line} ${d.code} ${d.message}`);
}

const TYPO = ['7 schema-unknown-field Unknown field `replcas` in Widget.spec: did you mean `replicas`?'];
/** The CRD with `replcas` as a field: the Widget is valid by it. */
const RELAXED_CRD = WIDGET_CRD.replace('replicas: {type: integer, format: int32}', 'replcas: {type: integer}');

describe('lsp: custom resources', () => {
  let workspace: string;
  let client: LspTestClient;
  let widgetUri: string;
  let crdUri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-crds-'));
    fs.cpSync(CUSTOM_RESOURCES_FIXTURES, workspace, { recursive: true });
    widgetUri = pathToFileURL(path.join(workspace, 'widgets/widget.yaml')).href;
    crdUri = pathToFileURL(path.join(workspace, 'crds/widgets.yaml')).href;
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'widgets' }],
    }));
    await client.nextProgress('end');
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('checks an open Widget against the CRD on disk', async () => {
    client.open(widgetUri, fs.readFileSync(new URL(widgetUri), 'utf8'));
    assert.deepEqual(schema(await client.nextPublish(widgetUri)), TYPO);
  });

  it('checks the Widget again when the CRD changes in its editor, and when it closes with its edit unsaved', async () => {
    client.open(crdUri, WIDGET_CRD);
    await client.nextPublish(crdUri);
    client.change(crdUri, 2, { text: RELAXED_CRD });
    assert.equal((await client.nextPublish(crdUri)).version, 2);
    assert.deepEqual(schema(await client.nextPublish(widgetUri)), []);
    await client.closeExpectingCleared(crdUri);
    assert.deepEqual(schema(await client.nextPublish(widgetUri)), TYPO);
  });

  it('uses the CRD of an open document outside the workspace folders while it is open', async () => {
    const outside = untitledUri('relaxed-widget-crd');
    client.open(outside, RELAXED_CRD);
    await client.nextPublish(outside);
    assert.deepEqual(schema(await client.nextPublish(widgetUri)), []);
    await client.closeExpectingCleared(outside);
    assert.deepEqual(schema(await client.nextPublish(widgetUri)), TYPO);
    await client.closeExpectingCleared(widgetUri);
  });

  it("drops its own CRD from a document's publish as soon as the edit that removes it", async () => {
    // The Widget with the relaxed CRD below it, which wins over the workspace's; then without it.
    const combined = untitledUri('widget-with-crd');
    const widget = fs.readFileSync(new URL(widgetUri), 'utf8');
    client.open(combined, `${widget}---\n${RELAXED_CRD}`);
    assert.deepEqual(schema(await client.nextPublish(combined)), []);
    client.change(combined, 2, { text: widget });
    const published = await client.nextPublish(combined);
    assert.equal(published.version, 2);
    assert.deepEqual(schema(published), TYPO);
    await client.closeExpectingCleared(combined);
  });
});
