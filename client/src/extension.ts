// The VS Code side of Kubewright: starts the language server for YAML files and stops it. All linting happens in
// the server; this file only says where the server is and which documents it gets.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

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
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
