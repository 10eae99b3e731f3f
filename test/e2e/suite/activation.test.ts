// The installed extension is there and starts when the first YAML file opens (activationEvents: onLanguage:yaml).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWorkspaceFile } from './support';
import { LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS } from './workspace';

describe('activation', () => {
  it('starts the extension and its language server when a YAML file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed; extensions: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(extension.isActive, false, 'Kubewright was already active before any YAML file was opened');
    // Diagnostics come from the language server, so their arrival shows that the whole chain started.
    await openWorkspaceFile(LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS);
    assert.equal(extension.isActive, true);
  });

  it("registers the status item's command that changes the profile or Kubernetes version", async () => {
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('kubewright.changeProfileOrVersion'));
  });
});
