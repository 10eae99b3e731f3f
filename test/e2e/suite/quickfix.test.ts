// Quick fixes in a real editor: the light bulb's actions at a finding (vscode.executeCodeActionProvider), one applied
// with the exact text it promises and its squiggle gone, and fix-all from its command clearing every fixable problem.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, openWorkspaceFile, revertAndClose } from './support';
import { LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS } from './workspace';

/** The container's name, `- name: liveness` on line 10, where every finding of the fixture sits. */
const ON_NAME = new vscode.Range(9, 4, 9, 18);

/** What the light bulb offers there, resolving each action's edit as the editor does when one is picked. */
async function actionsAt(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, ON_NAME, undefined, 100);
  return actions ?? [];
}

/** Applies a code action the way the editor does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('quick fixes', () => {
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    editor = await openWorkspaceFile(LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS);
  });

  afterEach(async () => {
    if (editor) await revertAndClose(editor);
  });

  it('offers a fix for each finding on the container, preferred ones first in line, and fix-all', async () => {
    const titles = (await actionsAt(editor.document.uri)).map((a) => a.title);
    for (const title of [
      'Add runAsNonRoot: true to container "liveness"',
      "Add runAsNonRoot: true to the pod's securityContext, for every container",
      'Set allowPrivilegeEscalation: false in container "liveness"',
      'Add readOnlyRootFilesystem: true to container "liveness"',
      'Add the missing resource settings to container "liveness"',
      'Add a readinessProbe to container "liveness"',
      'Fix all auto-fixable Kubewright problems',
    ]) {
      assert.ok(titles.includes(title), `"${title}" is offered; the light bulb shows: ${JSON.stringify(titles)}`);
    }
  });

  it('adds readOnlyRootFilesystem: true below the container, exactly, and its squiggle goes', async () => {
    const action = (await actionsAt(editor.document.uri)).find((a) => a.title.includes('readOnlyRootFilesystem'));
    assert.ok(action, 'the read-only-root-fs fix is offered');
    const before = editor.document.getText();
    await expectDiagnostics(
      editor.document.uri,
      LIVENESS_HTTP_FINDINGS.filter((f) => f.code !== 'read-only-root-fs'),
      () => apply(action),
    );
    const at = before.indexOf('---');
    assert.equal(editor.document.getText(), `${before.slice(0, at)}    securityContext:\n      readOnlyRootFilesystem: true\n${before.slice(at)}`);
  });

  it('fixes every fixable problem from the command palette command', async () => {
    await expectDiagnostics(editor.document.uri, [], () => vscode.commands.executeCommand('kubewright.fixAll'));
    const text = editor.document.getText();
    assert.ok(text.startsWith('# The liveness-http example Pod'), 'the leading comment is kept');
    assert.ok(text.includes('      runAsNonRoot: true\n') && text.includes('    readinessProbe:\n'), `fixed text:\n${text}`);
  });
});
