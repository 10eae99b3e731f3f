// Each whole-manifest snippet the extension contributes, inserted into an editor with its defaults, gets no
// diagnostics. (Fragments such as a probe need a manifest around them; the unit tests place those.)
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
const ROOT_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: root\nspec:\n  containers:\n    - name: root\n' +
  '      image: busybox:1.36\n';

/** The YAML snippets as the installed extension contributes them: these are what users get. */
function contributedSnippets(): Snippet[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const entries: { language: string; path: string }[] = extension?.packageJSON.contributes?.snippets ?? [];
  return entries
    .filter((entry) => entry.language === 'yaml')
    .flatMap((entry) => Object.values(JSON.parse(fs.readFileSync(path.join(extension!.extensionPath, entry.path), 'utf8'))))
    .map((snippet) => snippet as Snippet);
}

describe('snippets', () => {
  const snippets = contributedSnippets();
  const manifests = snippets.filter((snippet) => snippet.body[0].startsWith('apiVersion:'));

  it('ship inside the extension', () => {
    const prefixes = manifests.map((snippet) => snippet.prefix);
    for (const prefix of ['k8s-deployment', 'k8s-service', 'k8s-cronjob']) {
      assert.ok(prefixes.includes(prefix), `${prefix} is contributed; the extension has ${JSON.stringify(prefixes)}`);
    }
  });

  for (const snippet of manifests) {
    it(`${snippet.prefix} inserts a manifest with no diagnostics`, async () => {
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
