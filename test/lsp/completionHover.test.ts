// Completion and hover through the language server: the probe keys inside `livenessProbe:`, enum values on a space,
// the hover on readOnlyRootFilesystem and on a finding, and kubewright.completion.enable / hover.enable turning them off.
import * as assert from 'node:assert/strict';
import { InsertTextMode } from 'vscode-languageserver-protocol/node';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { ruleById } from '../../server/src/engine';
import { objectType } from '../../server/src/engine/schema/lookup';
import { DEFAULT_SETTINGS, LspTestClient } from './harness';
import { LIVENESS_HTTP, LIVENESS_NAME_LINE, onLine, ruleDocsHref, untitledUri } from './expectations';

/** A Deployment being written: an empty `livenessProbe:` with the cursor on the line under it (line 12, column 12). */
const WRITING = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1',
  '          livenessProbe:',
  '            ',
  '          imagePullPolicy: ',
  '          securityContext:',
  '            readOnlyRootFilesystem: true',
  '',
].join('\n');

describe('lsp: completion and hover', () => {
  let client: LspTestClient;
  const writing = untitledUri('writing');
  const seed = untitledUri('liveness-http');

  const completeAt = (uri: string, line: number, character: number, triggerCharacter?: string) =>
    client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  const hoverAt = (uri: string, line: number, character: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  before(async () => {
    ({ client } = await LspTestClient.start());
    client.open(writing, WRITING);
    await client.nextPublish(writing);
    client.open(seed, LIVENESS_HTTP);
    await client.nextPublish(seed);
  });

  beforeEach(() => {
    client.settingsFor = () => DEFAULT_SETTINGS;
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client.closeExpectingCleared(writing, seed);
    await client.stop();
  });

  it('offers the probe keys inside livenessProbe:, inserted as is at the right indentation', async () => {
    const list = await completeAt(writing, 12, 12);
    // test/unit/completion.test.ts spells the ten out; here, every field of the schema's Probe and nothing else.
    assert.deepEqual(list?.items.map((i) => i.label).sort(), Object.keys(objectType('v1/Probe').p).sort());
    assert.ok(list!.items.some((i) => i.label === 'initialDelaySeconds'));
    const httpGet = list!.items.find((i) => i.label === 'httpGet');
    assert.deepEqual(httpGet, {
      label: 'httpGet',
      kind: 10, // Property
      detail: 'HTTPGetAction',
      documentation: { kind: 'plaintext', value: 'HTTPGet specifies an HTTP GET request to perform.' },
      sortText: '2-httpGet',
      filterText: 'httpGet',
      textEdit: { range: onLine(12, 12, 12), newText: 'httpGet:\n              ' },
      insertTextFormat: 1,
      insertTextMode: InsertTextMode.asIs,
    });
  });

  it('offers the enum values when a space is typed after imagePullPolicy:', async () => {
    const list = await completeAt(writing, 13, 27, ' ');
    assert.deepEqual(list?.items.map((i) => i.label), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(await completeAt(writing, 12, 12, ' '), { isIncomplete: false, items: [] }, 'a space in indentation asks for nothing');
  });

  it('explains readOnlyRootFilesystem on hover: its type, where it belongs and what it does', async () => {
    assert.deepEqual(await hoverAt(writing, 15, 20), {
      contents: {
        kind: 'markdown',
        value: '**readOnlyRootFilesystem** `boolean` (SecurityContext)\n\nWhether this container has a read-only root filesystem.',
      },
      range: onLine(15, 12, 34),
    });
  });

  it("explains each finding's rule on hover, with how to fix it and a link to its page", async () => {
    const hover = await hoverAt(seed, LIVENESS_NAME_LINE, 12);
    const rules = ['run-as-non-root', 'no-privilege-escalation', 'read-only-root-fs', 'require-requests-limits', 'require-readiness-probe'];
    const expected = rules.map((id) => {
      const { docs } = ruleById(id)!.meta;
      return `**${id}**: ${docs.summary}\n\n**How to fix:** ${docs.remediation}\n\n[Read more about ${id}](${ruleDocsHref(id)})`;
    });
    assert.deepEqual(hover, { contents: { kind: 'markdown', value: expected.join('\n\n---\n\n') }, range: onLine(LIVENESS_NAME_LINE, 4, 18) });
  });

  it('kubewright.completion.enable: false turns completion off, and hover stays', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, completion: { enable: false } });
    client.settingsChanged();
    await Promise.all([client.nextPublish(writing), client.nextPublish(seed)]);
    assert.equal(await completeAt(writing, 12, 12), null);
    assert.notEqual(await hoverAt(writing, 15, 20), null);
    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    await Promise.all([client.nextPublish(writing), client.nextPublish(seed)]);
    assert.equal((await completeAt(writing, 12, 12))?.items.length, 10);
  });

  it('kubewright.hover.enable: false turns every hover off (fields, findings, probe timeline), and completion stays', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, hover: { enable: false } });
    client.settingsChanged();
    await Promise.all([client.nextPublish(writing), client.nextPublish(seed)]);
    assert.equal(await hoverAt(writing, 15, 20), null, 'field');
    assert.equal(await hoverAt(seed, LIVENESS_NAME_LINE, 12), null, 'finding');
    assert.equal(await hoverAt(seed, 13, 8), null, 'probe timeline');
    assert.equal((await completeAt(writing, 12, 12))?.items.length, 10);
    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    await Promise.all([client.nextPublish(writing), client.nextPublish(seed)]);
    assert.notEqual(await hoverAt(seed, 13, 8), null);
  });
});
