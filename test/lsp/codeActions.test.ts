// Quick fixes and fix-all through the language server: the actions offered at a finding, their exact edits (plain
// or with tab stops, as the client supports; in the list, or filled in by codeAction/resolve when the client resolves
// edits, as VS Code does), fix-all resolved lazily, for source.fixAll and from the command.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MessageType } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { fixAll } from '../../server/src/engine';
import { CLIENT_CAPABILITIES, LspTestClient } from './harness';
import { FIXTURES, LIVENESS_HTTP, onLine } from './expectations';

const URI = pathToFileURL(path.join(FIXTURES, 'liveness-http.yaml')).href;
/** The container's name, `- name: liveness`, where all five findings sit. */
const ON_NAME = onLine(9, 4, 18);

/** The actions at ON_NAME, as [title, kind, preferred, diagnostic codes], whether or not their edits come with them. */
const ACTIONS_ON_NAME = [
  ['Add runAsNonRoot: true to container "liveness"', 'quickfix', true, ['run-as-non-root']],
  ["Add runAsNonRoot: true to the pod's securityContext, for every container", 'quickfix', false, ['run-as-non-root']],
  ['Set allowPrivilegeEscalation: false in container "liveness"', 'quickfix', true, ['no-privilege-escalation']],
  ['Add readOnlyRootFilesystem: true to container "liveness"', 'quickfix', true, ['read-only-root-fs']],
  ['Add the missing resource settings to container "liveness"', 'quickfix', true, ['require-requests-limits']],
  ['Add a readinessProbe to container "liveness"', 'quickfix', true, ['require-readiness-probe']],
  ['Fix all auto-fixable Kubewright problems', 'quickfix', undefined, undefined],
  // After the fixes, the ways to silence each finding, never preferred.
  ...['run-as-non-root', 'no-privilege-escalation', 'read-only-root-fs', 'require-requests-limits', 'require-readiness-probe'].flatMap(
    (id) => [
      [`Suppress ${id} for this line`, 'quickfix', undefined, [id]],
      [`Suppress ${id} for this object`, 'quickfix', undefined, [id]],
    ],
  ),
];

/** The edits of a workspace edit for one document, whichever form (changes or documentChanges) it came in. */
function editsOf(edit: WorkspaceEdit | undefined): Array<TextEdit | { range: TextEdit['range']; snippet: { value: string } }> {
  assert.ok(edit, 'the action has an edit');
  if (edit.changes) return edit.changes[URI];
  const [change] = edit.documentChanges ?? [];
  assert.ok(change && 'edits' in change, 'a text document edit');
  assert.deepEqual(change.textDocument, { uri: URI, version: 1 });
  return change.edits as never;
}

function applyTo(text: string, edit: WorkspaceEdit | undefined): string {
  const edits = editsOf(edit).map((e) => ('newText' in e ? e : { range: e.range, newText: e.snippet.value }));
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

describe('lsp: code actions', () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];

  async function actionsAt(range = ON_NAME, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  describe('with a client that takes plain edits only', () => {
    before(async () => {
      ({ client } = await LspTestClient.start());
      client.open(URI, LIVENESS_HTTP);
      diagnostics = (await client.nextPublish(URI)).diagnostics;
    });
    afterEach(() => client.checkNothingUnexpected());
    after(async () => {
      await client.closeExpectingCleared(URI);
      await client.stop();
    });

    it('offers each finding its fixes, the preferred ones marked, then fix-all', async () => {
      const actions = await actionsAt();
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => d.code)]),
        ACTIONS_ON_NAME,
      );
      // The diagnostics attached are the very ones the client sent, so the editor ties each fix to its squiggle.
      assert.deepEqual(actions[0].diagnostics, [diagnostics.find((d) => d.code === 'run-as-non-root')]);
    });

    it('gives a fix its exact, minimal edit: new lines after the container, in its indentation', async () => {
      const readOnly = (await actionsAt()).find((a) => a.title.includes('readOnlyRootFilesystem'));
      assert.deepEqual(editsOf(readOnly?.edit), [
        { range: onLine(22, 0, 0), newText: '    securityContext:\n      readOnlyRootFilesystem: true\n' },
      ]);
    });

    it('sends plain default values where the client cannot take tab stops', async () => {
      const resources = (await actionsAt()).find((a) => a.title.includes('resource'));
      assert.deepEqual(editsOf(resources?.edit), [
        {
          range: onLine(22, 0, 0),
          newText: '    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi\n',
        },
      ]);
    });

    it('offers nothing away from a finding, and nothing in YAML that is not Kubernetes', async () => {
      assert.deepEqual(await actionsAt(onLine(1, 0, 3)), []);
      const workflow = 'file:///workflow.yaml';
      client.open(workflow, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
      assert.deepEqual((await client.nextPublish(workflow)).diagnostics, []);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: workflow },
        range: onLine(0, 0, 8),
        context: { diagnostics: [] },
      });
      assert.deepEqual(actions, []);
      await client.closeExpectingCleared(workflow);
    });

    it('builds fix-all only when it is resolved, and then fixes the whole file as the engine does', async () => {
      const fixAllAction = (await actionsAt()).find((a) => a.title.startsWith('Fix all'));
      assert.equal(fixAllAction?.edit, undefined, 'no edit before resolve');
      const resolved = await client.request<CodeAction>('codeAction/resolve', fixAllAction);
      const fixed = applyTo(LIVENESS_HTTP, resolved.edit);
      assert.equal(fixed, fixAll(LIVENESS_HTTP).text);
      assert.notEqual(fixed, LIVENESS_HTTP);
    });

    it('answers a source.fixAll request (as on save) with the fix-all action alone', async () => {
      const actions = await actionsAt(onLine(0, 0, 0), ['source.fixAll']);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [['Fix all auto-fixable Kubewright problems', 'source.fixAll.kubewright']],
      );
    });

    it('applies fix-all through workspace/applyEdit when the command is run', async () => {
      await client.request('workspace/executeCommand', { command: 'kubewright.applyFixAll', arguments: [URI] });
      const applied = await client.nextAppliedEdit();
      assert.equal(applied.label, 'Fix all auto-fixable Kubewright problems');
      assert.equal(applyTo(LIVENESS_HTTP, applied.edit), fixAll(LIVENESS_HTTP).text);
    });
  });

  describe('with a client that takes snippet edits (VS Code)', () => {
    before(async () => {
      const capabilities = {
        ...CLIENT_CAPABILITIES,
        workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
      };
      ({ client } = await LspTestClient.start({ capabilities }));
      client.open(URI, LIVENESS_HTTP);
      diagnostics = (await client.nextPublish(URI)).diagnostics;
    });
    afterEach(() => client.checkNothingUnexpected());
    after(async () => {
      await client.closeExpectingCleared(URI);
      await client.stop();
    });

    it('makes the values a person must choose tab stops, in a versioned document edit', async () => {
      const resources = (await actionsAt()).find((a) => a.title.includes('resource'));
      assert.deepEqual(editsOf(resources?.edit), [
        {
          range: onLine(22, 0, 0),
          snippet: {
            kind: 'snippet',
            value: '    resources:\n      requests:\n        cpu: ${1:100m}\n        memory: ${2:128Mi}\n      limits:\n        memory: ${3:128Mi}\n',
          },
        },
      ]);
    });

    it('gives "Suppress … for this line" a tab stop for the reason', async () => {
      const suppress = (await actionsAt()).find((a) => a.title === 'Suppress read-only-root-fs for this line');
      assert.deepEqual(editsOf(suppress?.edit), [
        { range: onLine(9, 0, 0), snippet: { kind: 'snippet', value: '  # kubewright-disable-next-line read-only-root-fs -- ${1:}\n' } },
      ]);
    });

    it('keeps plain text edits where there is nothing to choose', async () => {
      const readOnly = (await actionsAt()).find((a) => a.title.includes('readOnlyRootFilesystem'));
      assert.deepEqual(editsOf(readOnly?.edit), [
        { range: onLine(22, 0, 0), newText: '    securityContext:\n      readOnlyRootFilesystem: true\n' },
      ]);
    });
  });

  describe('with a client that fills in edits through codeAction/resolve, as VS Code does', () => {
    before(async () => {
      const capabilities = {
        ...CLIENT_CAPABILITIES,
        workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } },
        textDocument: { ...CLIENT_CAPABILITIES.textDocument, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
      };
      ({ client } = await LspTestClient.start({ capabilities }));
      client.open(URI, LIVENESS_HTTP);
      diagnostics = (await client.nextPublish(URI)).diagnostics;
    });
    afterEach(() => client.checkNothingUnexpected());
    after(async () => {
      await client.closeExpectingCleared(URI);
      await client.stop();
    });

    it('lists the same actions, none with its edit yet', async () => {
      const actions = await actionsAt();
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => d.code)]),
        ACTIONS_ON_NAME,
      );
      assert.deepEqual(actions.filter((a) => a.edit), []);
    });

    it('resolves the picked fix to its exact edit, and a suppression to its own', async () => {
      const actions = await actionsAt();
      const readOnly = actions.find((a) => a.title.includes('readOnlyRootFilesystem'));
      const resolved = await client.request<CodeAction>('codeAction/resolve', readOnly);
      assert.equal(resolved.disabled, undefined);
      assert.deepEqual(editsOf(resolved.edit), [
        { range: onLine(22, 0, 0), newText: '    securityContext:\n      readOnlyRootFilesystem: true\n' },
      ]);
      const suppress = actions.find((a) => a.title === 'Suppress read-only-root-fs for this object');
      const applied = applyTo(LIVENESS_HTTP, (await client.request<CodeAction>('codeAction/resolve', suppress)).edit);
      assert.match(applied, /kubewright\.io\/ignore: read-only-root-fs/);
    });

    it('answers a fix picked after the file changed without an edit, disabled with the reason, and tells the user', async () => {
      const readOnly = (await actionsAt()).find((a) => a.title.includes('readOnlyRootFilesystem'));
      client.change(URI, 2, { text: `${LIVENESS_HTTP}\n` });
      await client.nextPublish(URI);
      const resolved = await client.request<CodeAction>('codeAction/resolve', readOnly);
      assert.equal(resolved.edit, undefined);
      const reason = 'the file changed since the fix was offered; ask for fixes again';
      assert.deepEqual(resolved.disabled, { reason });
      assert.deepEqual(await client.nextShownMessage(), {
        type: MessageType.Warning,
        message: `Kubewright did not apply "Add readOnlyRootFilesystem: true to container \"liveness\"": ${reason}.`,
      });
    });
  });
});
