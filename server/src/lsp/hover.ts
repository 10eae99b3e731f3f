// Hover on a livenessProbe, readinessProbe or startupProbe (its key or anything inside it): the container's probe
// timeline in plain words, from the engine's arithmetic.
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, HoverParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import { probeInsightAt } from '../engine/k8s/probe-insight';
import { explainTimeline } from '../engine/k8s/probe-explain';
import type { SettingsStore } from './configuration';

export class ProbeHoverProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
  ) {}

  async hover(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const version = document.version;
    const settings = await this.settings.forDocument(params.textDocument.uri);
    // While settings were on their way the document may have changed: answer for the text the editor shows.
    const current = this.documents.get(params.textDocument.uri);
    if (!settings.enable || !current || current.version !== version) return null;
    const text = current.getText();
    const lines = new LineIndex(text);
    const found = probeInsightAt(text, lines.offsetAt(params.position));
    if (!found) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: explainTimeline(found.insight.container, found.insight.timeline) },
      // The key the hover belongs to, so the editor keeps it up while the mouse rests on that word.
      range: { start: lines.positionAt(found.probe.start), end: lines.positionAt(found.probe.keyEnd) },
    };
  }
}
