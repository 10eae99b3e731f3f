// Completion and hover on a custom resource through the language server: a Widget whose CRD is another file of the
// workspace (found by the index) gets its keys, enum values and field descriptions, and follows that CRD's unsaved
// edits in another editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { CUSTOM_RESOURCES_FIXTURES, WIDGET_CRD } from '../support/crds';

/** A Widget being written, in the editor: `size: ` waits for its value (line 5), line 9 for a new key of spec. */
const WRITING = [
  'apiVersion: example.com/v1',
  'kind: Widget',
  'metadata:',
  '  name: front',
  'spec:',
  '  size: ',
  '  parts:',
  '    - name: a',
  '      weight: 2',
  '  ',
  '',
].join('\n');

describe('lsp: completion and hover on custom resources', () => {
  let workspace: string;
  let client: LspTestClient;
  let widgetUri: string;
  let crdUri: string;

  const completeAt = (line: number, character: number, triggerCharacter?: string) =>
    client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: widgetUri },
      position: { line, character },
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  const labelsAt = async (line: number, character: number, triggerCharacter?: string) =>
    ((await completeAt(line, character, triggerCharacter))?.items ?? []).map((item) => item.label);
  const hoverAt = async (line: number, character: number) => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: widgetUri }, position: { line, character } });
    return (hover?.contents as MarkupContent | undefined)?.value;
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-crd-completion-'));
    fs.cpSync(CUSTOM_RESOURCES_FIXTURES, workspace, { recursive: true });
    widgetUri = pathToFileURL(path.join(workspace, 'widgets/widget.yaml')).href;
    crdUri = pathToFileURL(path.join(workspace, 'crds/widgets.yaml')).href;
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'widgets' }],
    }));
    await client.nextProgress('end');
    client.open(widgetUri, WRITING);
    await client.nextPublish(widgetUri);
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("offers spec's keys from the CRD in crds/, without those the Widget has, each with its type", async () => {
    const list = await completeAt(9, 2);
    const labels = list!.items.map((item) => item.label);
    for (const key of ['replicas', 'port', 'note', 'labels', 'config', 'tls']) assert.ok(labels.includes(key), `offers ${key}`);
    assert.ok(!labels.includes('size') && !labels.includes('parts'), 'leaves out the keys spec has');
    assert.equal(list!.items.find((item) => item.label === 'replicas')?.detail, 'integer');
  });

  it('offers the enum values of size on a space, and the custom kind for kind', async () => {
    assert.deepEqual(await labelsAt(5, 8, ' '), ['small', 'large']);
    assert.deepEqual(await labelsAt(1, 6), ['Widget']);
  });

  it('explains a nested field and a required one with the descriptions the CRD gives', async () => {
    assert.equal(await hoverAt(8, 8), '**weight** `integer` (Widget.spec.parts[])\n\nShare of the traffic this part takes.');
    assert.equal(await hoverAt(5, 3), '**size** `string: small | large` (Widget.spec, required)\n\nHow big the Widget is.');
  });

  it("follows the CRD's unsaved edits in another editor, and its file on disk once that editor closes", async () => {
    client.open(crdUri, WIDGET_CRD.replace('enum: [small, large]', 'enum: [small, large, huge]'));
    await client.nextPublish(crdUri);
    await client.nextPublish(widgetUri); // the Widget is checked again with the edited CRD
    assert.deepEqual(await labelsAt(5, 8, ' '), ['small', 'large', 'huge']);
    await client.closeExpectingCleared(crdUri);
    await client.nextPublish(widgetUri);
    assert.deepEqual(await labelsAt(5, 8, ' '), ['small', 'large']);
  });
});
