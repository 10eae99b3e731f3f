// The language server's wiring: what it tells the client it can do, and which piece handles which notification.
import { CodeActionKind, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Connection, InitializeResult } from 'vscode-languageserver';
import { chunkedDocuments } from './chunked-document';
import { SettingsStore } from './configuration';
import { DiagnosticsScheduler } from './diagnostics';
import { RuleDocsLinks } from './toDiagnostic';
import { runSafe } from './safety';
import { CodeActionProvider, FIX_ALL_COMMAND, FIX_ALL_KIND, FIX_ALL_TITLE } from './codeActions';
import { HoverProvider } from './hover';
import { COMPLETION_TRIGGER_CHARACTERS, CompletionProvider } from './completion';
import { CodeLensProvider } from './codeLens';
import { NavigationProvider } from './navigation';
import { WorkspaceFiles } from './workspaceIndex';
import { IndexingStart } from './indexingStart';
import { ConfigFiles, isConfigUri } from './configFiles';
import { StatusProvider, STATUS_REQUEST } from './status';

export interface ServerOptions {
  /** The folder holding the rule docs pages (`<rule id>.md`) that diagnostics link to. */
  ruleDocsFolder: string;
  /** Called once the first document opened has its diagnostics: start-up is over (launch.ts then saves the code cache). */
  afterFirstDiagnostics?: () => void;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const log = connection.console;
  const documents = new TextDocuments(chunkedDocuments);
  const docsLinks = new RuleDocsLinks(options.ruleDocsFolder);
  // A .kubewright.yaml whose configuration in force changed: read every document's settings again and re-validate.
  const configFiles = new ConfigFiles(connection, docsLinks, (excludesChanged) => {
    settings.invalidate();
    diagnostics.revalidateAll();
    codeLenses.refresh();
    if (excludesChanged) void runSafe(log, 'indexing the workspace again', undefined, () => workspaceFiles.configExcludesChanged());
  });
  const settings = new SettingsStore(connection, configFiles);
  const diagnostics = new DiagnosticsScheduler(connection, documents, settings, docsLinks);
  // A notification, not window/showMessageRequest: there is nothing to answer, and a client need not support requests.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  const codeActions = new CodeActionProvider(diagnostics, docsLinks, warn);
  const hover = new HoverProvider(documents, settings, diagnostics, docsLinks);
  const completion = new CompletionProvider(documents, settings, diagnostics);
  const workspaceFiles = new WorkspaceFiles(connection, (folder) => configFiles.excludesFor(folder), (exceptUri) => {
    diagnostics.revalidateAll(exceptUri);
    codeLenses.refresh(); // a Service's lens counts workloads in other files
  });
  const codeLenses = new CodeLensProvider(connection, documents, settings, workspaceFiles, diagnostics);
  const navigation = new NavigationProvider(documents, settings, workspaceFiles);
  diagnostics.crossFile = workspaceFiles;
  // The index is built in the background, once the first document opened has its diagnostics.
  const indexing = new IndexingStart(
    () => void runSafe(log, 'indexing the workspace', undefined, () => workspaceFiles.start()),
    () => void runSafe(log, 'finishing start-up', undefined, () => options.afterFirstDiagnostics?.()),
  );
  const status = new StatusProvider(documents, diagnostics, settings);

  connection.onInitialize((params): InitializeResult => {
    settings.useClientCapabilities(params.capabilities);
    codeActions.useClientCapabilities(params.capabilities);
    codeLenses.useClientCapabilities(params.capabilities);
    workspaceFiles.useInitializeParams(params);
    configFiles.useInitializeParams(params);
    return {
      capabilities: {
        // Incremental: a keystroke sends the changed range, not the whole (possibly 20k-line) file.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        // Hover explains a finding's rule, a key's field and a probe's timeline; the CodeLens sums the timeline up.
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        codeLensProvider: { resolveProvider: false },
        // Across files: from a selector, backend or reference to its object, and from an object to what points at it.
        definitionProvider: true,
        referencesProvider: true,
        // Folders added or removed later are indexed or dropped (workspaceIndex.ts).
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kubewright' },
    };
  });

  connection.onDidChangeConfiguration((params) =>
    runSafe(log, 'applying changed settings', undefined, () => {
      settings.changed(params);
      diagnostics.revalidateAll();
      codeLenses.refresh();
      // Before the first scan there is nothing to redo: that scan reads the excludes in force when it starts.
      if (indexing.started) void runSafe(log, 'indexing the workspace again', undefined, () => workspaceFiles.settingsChanged());
    }),
  );

  // A .kubewright.yaml open in the editor is checked as a configuration, not linted as a manifest.
  documents.onDidChangeContent((event) => {
    const handled = runSafe(log, `scheduling ${event.document.uri}`, undefined, () =>
      isConfigUri(event.document.uri) ? configFiles.documentChanged(event.document) : diagnostics.contentChanged(event.document),
    );
    // The first event is an open, and its promise ends with the document's diagnostics published.
    indexing.firstDocumentChecked(handled);
  });

  documents.onDidClose((event) =>
    runSafe(log, `closing ${event.document.uri}`, undefined, () => {
      settings.forget(event.document.uri);
      if (isConfigUri(event.document.uri)) return configFiles.documentClosed(event.document.uri);
      void runSafe(log, `re-reading ${event.document.uri} from disk`, undefined, () => workspaceFiles.closed(event.document.uri));
      return diagnostics.closed(event.document.uri);
    }),
  );

  connection.onInitialized(() => {
    indexing.initialized();
    if (!workspaceFiles.followsFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) =>
      runSafe(log, 'following the workspace folders', undefined, () => {
        configFiles.foldersChanged(event);
        return workspaceFiles.foldersChanged(event);
      }),
    );
  });
  connection.onDidChangeWatchedFiles((params) => {
    void runSafe(log, 'reading changed configuration files', undefined, () => configFiles.filesChanged(params));
    return runSafe(log, 'reading changed files', undefined, () => workspaceFiles.filesChanged(params));
  });
  connection.onRequest(STATUS_REQUEST, (params: unknown) => runSafe(log, 'answering kubewright/status', null, () => status.status(params)));

  connection.onCodeAction((params) => runSafe(log, `code actions for ${params.textDocument.uri}`, [], () => codeActions.codeActions(params)));
  connection.onCodeActionResolve((action) => runSafe(log, `resolving "${action.title}"`, action, () => codeActions.resolve(action)));

  connection.onHover((params) => runSafe(log, `hover in ${params.textDocument.uri}`, null, () => hover.hover(params)));
  connection.onCompletion((params) => runSafe(log, `completion in ${params.textDocument.uri}`, null, () => completion.complete(params)));
  connection.onDefinition((params) => runSafe(log, `definition in ${params.textDocument.uri}`, [], () => navigation.definition(params)));
  connection.onReferences((params) => runSafe(log, `references in ${params.textDocument.uri}`, [], () => navigation.references(params)));
  connection.onCodeLens((params) => runSafe(log, `code lenses for ${params.textDocument.uri}`, [], () => codeLenses.codeLenses(params)));

  // Fix-all from the command palette: the client names the document; the server builds the edit and applies it.
  connection.onExecuteCommand((params) =>
    runSafe(log, `running ${params.command}`, undefined, async () => {
      const uri = params.arguments?.[0];
      if (params.command !== FIX_ALL_COMMAND || typeof uri !== 'string') return;
      const edit = await codeActions.fixAllEdit(uri);
      if (edit) await connection.workspace.applyEdit({ label: FIX_ALL_TITLE, edit });
    }),
  );

  connection.onShutdown(() =>
    runSafe(log, 'shutting down', undefined, () => {
      indexing.dispose();
      workspaceFiles.dispose();
      diagnostics.dispose();
    }),
  );

  documents.listen(connection);
  connection.listen();
}
