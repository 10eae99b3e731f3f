// CodeLenses: above each container's first probe its probe timeline in one line (kubewright.probeTimeline.codeLens),
// above a Service's selector the workloads it selects (kubewright.serviceCodeLens). Text only: a click does nothing.
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import type { ClientCapabilities, CodeLens, CodeLensParams, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { serviceLenses } from '../engine';
import { probeInsights } from '../engine/k8s/probe-insight';
import { summarizeTimeline } from '../engine/k8s/probe-explain';
import type { SettingsStore } from './configuration';
import type { DiagnosticsScheduler } from './diagnostics';
import { chunksOf, positionsOf } from './documentPositions';
import { describeError } from './safety';
import type { WorkspaceFiles } from './workspaceIndex';

export class CodeLensProvider {
  private refreshSupport = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly workspace: WorkspaceFiles,
    private readonly diagnostics: Pick<DiagnosticsScheduler, 'parsedChunks'>,
  ) {}

  useClientCapabilities(capabilities: ClientCapabilities): void {
    this.refreshSupport = capabilities.workspace?.codeLens?.refreshSupport === true;
  }

  async codeLenses(params: CodeLensParams): Promise<CodeLens[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const version = document.version;
    const settings = await this.settings.forDocument(params.textDocument.uri);
    const current = this.documents.get(params.textDocument.uri);
    if (!settings.enable || !current || current.version !== version) return [];
    // The kept chunks, the linter's parses and the document's own line offsets: VS Code asks for lenses after every
    // edit, and on a large file a pass over the whole text each time would cost more than the edit's validation.
    const chunks = chunksOf(current);
    const lines = positionsOf(current);
    // An empty command id: VS Code shows the title as plain text.
    const lens = (offset: number, title: string): CodeLens => {
      const position = lines.positionAt(offset);
      return { range: { start: position, end: position }, command: { title, command: '' } };
    };
    const parsed = this.diagnostics.parsedChunks(current.uri);
    const lenses = settings.probeTimelineCodeLens
      ? probeInsights(chunks, parsed).map((insight) => lens(insight.probes[0].start, summarizeTimeline(insight.timeline)))
      : [];
    // The index takes the editor's text first, so the offsets it gives are offsets into it.
    const key = settings.serviceCodeLens ? this.workspace.track(current.uri, chunks, parsed) : undefined;
    if (key !== undefined) lenses.push(...serviceLenses(this.workspace.objects, key).map((l) => lens(l.at, l.title)));
    return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
  }

  /** Settings or other files changed (a lens may be turned on or off, or count differently): ask for the lenses again. */
  refresh(): void {
    if (!this.refreshSupport) return;
    this.connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
      this.connection.console.warn(`Kubewright: the client did not refresh CodeLenses: ${describeError(error)}`);
    });
  }
}
