// Edits made through the editor (a WorkspaceEdit, as a refactoring or another extension would make) are linted
// again: a finding appears at the changed field and goes away when the change is taken back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, openWorkspaceFile, revertAndClose } from './support';
import { DEPLOYMENT } from './workspace';

describe('editing', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openWorkspaceFile(DEPLOYMENT, []);
  });

  after(async () => {
    if (editor) await revertAndClose(editor);
  });

  /** Replaces the first `from` in the document with `to` through a WorkspaceEdit. */
  async function replace(from: string, to: string): Promise<void> {
    const document = editor.document;
    const at = document.getText().indexOf(from);
    assert.ok(at >= 0, `"${from}" is not in ${DEPLOYMENT}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
    assert.ok(await vscode.workspace.applyEdit(edit), `the edit "${from}" -> "${to}" was not applied`);
  }

  it('reports a field an edit makes wrong, at that field', async () => {
    await expectDiagnostics(editor.document.uri, [{ code: 'no-privilege-escalation', range: '27:13-27:43', severity: 'warning' }],
      () => replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'));
  });

  it('clears it when the edit is taken back', async () => {
    await expectDiagnostics(editor.document.uri, [],
      () => replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false'));
  });

  it('checks a document added below a ---', async () => {
    // The file ends with a newline, so the last line is empty: the new `---` goes there, on line `end` (1-based).
    const end = editor.document.lineCount;
    const pod = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n' +
      '  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: shell\n      image: busybox:1.36\n';
    await expectDiagnostics(editor.document.uri, [
      { code: 'no-host-network', range: `${end + 6}:3-${end + 6}:20`, severity: 'error' },
      { code: 'no-privilege-escalation', range: `${end + 9}:7-${end + 9}:18`, severity: 'warning' },
      { code: 'read-only-root-fs', range: `${end + 9}:7-${end + 9}:18`, severity: 'warning' },
      { code: 'require-requests-limits', range: `${end + 9}:7-${end + 9}:18`, severity: 'warning' },
      { code: 'require-liveness-probe', range: `${end + 9}:7-${end + 9}:18`, severity: 'warning' },
      { code: 'require-readiness-probe', range: `${end + 9}:7-${end + 9}:18`, severity: 'warning' },
    ], async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(end - 1, 0), pod);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the new document was not inserted');
    });
  });
});
