// The extension starts only for YAML: package.json's activationEvents is onLanguage:yaml and nothing else, so
// opening a workspace of other files never loads the client or spawns the language server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('activation events', () => {
  it('activates on YAML files only', () => {
    // `*` or onStartupFinished would start the server in every window; workspaceContains would start it before
    // any YAML file is opened.
    assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml']);
  });

  it('offers its commands only in YAML editors, where the extension is already active', () => {
    // A contributed command is also an implicit activation event (VS Code ≥ 1.74): keep it out of other editors.
    const commands: Array<{ command: string }> = manifest.contributes.commands;
    const palette: Array<{ command: string; when?: string }> = manifest.contributes.menus.commandPalette;
    for (const { command } of commands) {
      assert.equal(palette.find((m) => m.command === command)?.when, 'editorLangId == yaml', command);
    }
  });
});
