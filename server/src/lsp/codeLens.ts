// A CodeLens above each container's first probe summing up its probe timeline in one line, unless the user turned
// it off (kubewright.probeTimeline.codeLens). It shows text only: a click does nothing, the hover has the details.
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import type { ClientCapabilities, CodeLens, CodeLensParams, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import { probeInsights } from '../engine/k8s/probe-insight';
import { summarizeTimeline } from '../engine/k8s/probe-explain';
import type { SettingsStore } from './configuration';
import { describeError } from './safety';

export class ProbeCodeLensProvider {
  private refreshSupport = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
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
    if (!settings.enable || !settings.probeTimelineCodeLens || !current || current.version !== version) return [];
    const text = current.getText();
    const lines = new LineIndex(text);
    return probeInsights(text).map((insight) => {
      const position = lines.positionAt(insight.probes[0].start);
      // An empty command id: VS Code shows the title as plain text.
      return { range: { start: position, end: position }, command: { title: summarizeTimeline(insight.timeline), command: '' } };
    });
  }

  /** Settings changed (the lens may be turned on or off): ask the client to request the lenses again. */
  refresh(): void {
    if (!this.refreshSupport) return;
    this.connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
      this.connection.console.warn(`Kubewright: the client did not refresh CodeLenses: ${describeError(error)}`);
    });
  }
}
