// The VS Code side of Kubewright: starts the language server for YAML files and stops it, gives fix-all a command and
// adds the status item (status.ts). All linting and fixing happens in the server; this file says where it is.
import * as path from 'node:path';
import { commands, window } from 'vscode';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { registerStatus, workspaceLevel } from './status';

/** The server's command that builds and applies every preferred fix in one document (see server/src/lsp). */
const SERVER_FIX_ALL = 'kubewright.applyFixAll';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps V8's compiled code of itself here, so that every start after the first skips compiling it.
  const args = ['--code-cache-dir', path.join(context.globalStorageUri.fsPath, 'code-cache')];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args },
    // Attach a debugger to port 6010 when the extension runs in the Extension Development Host.
    debug: { module: serverModule, transport: TransportKind.ipc, args, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and new, unsaved ones; not git diffs or other virtual documents, whose squiggles would be noise.
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    // Tells the server when kubewright.* settings change; it then reads them per document.
    synchronize: { configurationSection: 'kubewright' },
    middleware: {
      workspace: {
        // Adds which settings the workspace itself sets, so they can apply over a .kubewright.yaml (see status.ts).
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer: unknown, i) =>
            params.items[i]?.section === 'kubewright' && answer && typeof answer === 'object'
              ? { ...answer, workspaceLevel: workspaceLevel(params.items[i].scopeUri) }
              : answer,
          );
        },
      },
    },
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
  context.subscriptions.push(...registerStatus(client));
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
