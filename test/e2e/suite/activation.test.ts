// The installed extension is there and starts when the first YAML file opens (activationEvents: onLanguage:yaml).
// Prints how long that took (open → active, open → first diagnostics): a figure for BENCHMARKS.md, never asserted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWorkspaceFile } from './support';
import { LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS } from './workspace';

describe('activation', () => {
  it('starts the extension and its language server when a YAML file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed; extensions: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(extension.isActive, false, 'Kubewright was already active before any YAML file was opened');
    // isActive turns true when activate() has returned (the client started, the server spawned and initialized); a
    // 1 ms poll only observes it, so the figure is within a millisecond or so of the real one.
    const started = performance.now();
    let activeMs: number | undefined;
    const poll = setInterval(() => {
      if (activeMs === undefined && extension.isActive) activeMs = performance.now() - started;
    }, 1);
    try {
      // Diagnostics come from the language server, so their arrival shows that the whole chain started.
      await openWorkspaceFile(LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS);
    } finally {
      clearInterval(poll);
    }
    const diagnosticsMs = performance.now() - started;
    assert.equal(extension.isActive, true);
    const active = activeMs === undefined ? 'at the diagnostics' : `${activeMs.toFixed(0)} ms`;
    console.log(`activation: opening the first YAML file → extension active ${active}, → first diagnostics ${diagnosticsMs.toFixed(0)} ms`);
  });

  it("registers the status item's command that changes the profile or Kubernetes version", async () => {
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('kubewright.changeProfileOrVersion'));
  });
});
