// The language server's wiring: what it tells the client it can do, and which piece handles which notification.
import { TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Connection, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsStore } from './configuration';
import { DiagnosticsScheduler, RuleDocsLinks } from './diagnostics';
import { runSafe } from './safety';

export interface ServerOptions {
  /** The folder holding the rule docs pages (`<rule id>.md`) that diagnostics link to. */
  ruleDocsFolder: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const log = connection.console;
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const diagnostics = new DiagnosticsScheduler(connection, documents, settings, new RuleDocsLinks(options.ruleDocsFolder));

  connection.onInitialize((params): InitializeResult => {
    settings.useClientCapabilities(params.capabilities);
    return {
      capabilities: {
        // Incremental: a keystroke sends the changed range, not the whole (possibly 20k-line) file.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      },
      serverInfo: { name: 'kubewright' },
    };
  });

  connection.onDidChangeConfiguration((params) =>
    runSafe(log, 'applying changed settings', undefined, () => {
      settings.changed(params);
      diagnostics.revalidateAll();
    }),
  );

  documents.onDidChangeContent((event) =>
    runSafe(log, `scheduling ${event.document.uri}`, undefined, () => diagnostics.contentChanged(event.document)),
  );

  documents.onDidClose((event) =>
    runSafe(log, `closing ${event.document.uri}`, undefined, () => {
      settings.forget(event.document.uri);
      return diagnostics.closed(event.document.uri);
    }),
  );

  connection.onShutdown(() => runSafe(log, 'shutting down', undefined, () => diagnostics.dispose()));

  documents.listen(connection);
  connection.listen();
}
