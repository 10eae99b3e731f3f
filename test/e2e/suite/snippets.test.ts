// Each snippet the extension ships, inserted into an editor with its defaults, is a manifest with no diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, expectDiagnostics, waitForDiagnostics } from './support';

interface Snippet {
  prefix: string;
  body: string[];
}

/** A Pod with findings: the editor starts from it, so "no diagnostics" afterwards means they were cleared. */
const ROOT_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: root\nspec:\n  containers:\n    - name: root\n      image: busybox:1.36\n';

describe('snippets', () => {
  // Read from the installed extension: these are the snippets users get.
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const file = path.join(extension?.extensionPath ?? '', 'snippets/kubernetes.json');
  const snippets = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Snippet>) : {};

  it('ship inside the extension', () => {
    assert.ok(Object.keys(snippets).length >= 3, `expected the Deployment, Service and CronJob snippets in ${file}`);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) inserts a manifest with no diagnostics`, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: ROOT_POD });
      const editor = await vscode.window.showTextDocument(document);
      try {
        // Its findings are pinned elsewhere; here they only need to be there before the snippet replaces them.
        await waitForDiagnostics(document.uri, (now) => now.length > 0, 'some findings on the starting Pod', undefined, true);
        const everything = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        await expectDiagnostics(document.uri, [], async () => {
          assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), everything));
        });
        assert.match(document.getText(), /^apiVersion: .+\nkind: \w+\n/, 'the snippet replaced the whole document');
      } finally {
        await vscode.commands.executeCommand('leaveSnippet');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  }
});
