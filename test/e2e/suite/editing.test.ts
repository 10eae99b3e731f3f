// Edits made through the editor (a WorkspaceEdit, as a refactoring or another extension would make) are linted
// again: a finding appears at the changed field and goes away when the change is taken back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, openWorkspaceFile, revertAndClose, waitForDiagnostics } from './support';
import type { Expected } from './support';
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

  /** Where the Pod's findings are once it sits below the Deployment, its `---` on line `podStart` (1-based). */
  const podFindings = (podStart: number): Expected[] => [
    { code: 'no-host-network', range: `${podStart + 6}:3-${podStart + 6}:20`, severity: 'error' },
    ...['no-privilege-escalation', 'read-only-root-fs', 'require-requests-limits', 'require-liveness-probe', 'require-readiness-probe'].map(
      (code): Expected => ({ code, range: `${podStart + 9}:7-${podStart + 9}:18`, severity: 'warning' }),
    ),
  ];
  let podStart = 0;

  it('checks a document added below a ---', async () => {
    // The file ends with a newline, so the last line is empty: the new `---` goes there, on line `end` (1-based).
    podStart = editor.document.lineCount;
    const pod = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n' +
      '  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: shell\n      image: busybox:1.36\n';
    await expectDiagnostics(editor.document.uri, podFindings(podStart), async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(podStart - 1, 0), pod);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the new document was not inserted');
    });
  });

  it('joins the two documents when the --- goes, and splits them again as it is typed back a dash at a time', async () => {
    const markerLine = podStart - 1;
    // Without its `---` the Pod's keys repeat the Deployment's in one document: a syntax error, and no other finding.
    await waitForDiagnostics(editor.document.uri, (now) => now.length > 0 && now.every((d) => d.code === 'yaml-syntax'), 'only yaml-syntax findings', async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.delete(editor.document.uri, new vscode.Range(markerLine, 0, markerLine, 3));
      assert.ok(await vscode.workspace.applyEdit(edit), 'the --- was not deleted');
    });
    await expectDiagnostics(editor.document.uri, podFindings(podStart), async () => {
      for (let typed = 0; typed < 3; typed++) {
        assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(markerLine, typed), '-')), 'a dash was not typed');
      }
    });
  });
});
