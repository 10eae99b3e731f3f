// The VS Code side of Kubewright: starts the language server for YAML files and stops it, and gives fix-all a
// command. All linting and fixing happens in the server; this file only says where it is and what it gets.
import { commands, window } from 'vscode';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** The server's command that builds and applies every preferred fix in one document (see server/src/lsp). */
const SERVER_FIX_ALL = 'kubewright.applyFixAll';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // Attach a debugger to port 6010 when the extension runs in the Extension Development Host.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and new, unsaved ones; not git diffs or other virtual documents, whose squiggles would be noise.
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    // Tells the server when kubewright.* settings change; it then reads them per document.
    synchronize: { configurationSection: 'kubewright' },
  };
  client = new LanguageClient('kubewright', 'Kubewright', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('kubewright.fixAll', async () => {
      const editor = window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'yaml') {
        void window.showInformationMessage('Kubewright: open a YAML file to fix its problems.');
        return;
      }
      await commands.executeCommand(SERVER_FIX_ALL, editor.document.uri.toString());
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
