// Hover: on a finding, its rule's summary and fix with a link to its page; on a key, the field's type and description
// from the schema; on a livenessProbe, readinessProbe or startupProbe (its key or anything inside it), the container's
// probe timeline in plain words, from the engine's arithmetic. Where several apply, one hover shows them in that order.
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, HoverParams, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleById } from '../engine';
import { probeInsightAt } from '../engine/k8s/probe-insight';
import { explainTimeline } from '../engine/k8s/probe-explain';
import { explainField, explainRule, fieldAt } from '../engine/complete/explain';
import type { SettingsStore } from './configuration';
import type { DiagnosticsScheduler } from './diagnostics';
import type { RuleDocsLinks } from './toDiagnostic';
import { chunksOf, positionsOf } from './documentPositions';

export class HoverProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly diagnostics: DiagnosticsScheduler,
    private readonly docsLinks: RuleDocsLinks,
  ) {}

  async hover(params: HoverParams): Promise<Hover | null> {
    const uri = params.textDocument.uri;
    const document = this.documents.get(uri);
    if (!document) return null;
    const version = document.version;
    const settings = await this.settings.forDocument(uri);
    if (!settings.enable || !settings.hover) return null;
    const linted = await this.diagnostics.currentFindings(uri);
    // While settings and findings were on their way the document may have changed: answer for the text the editor shows.
    const current = this.documents.get(uri);
    if (!linted || !current || current.version !== version || linted.document.version !== version) return null;
    const text = current.getText();
    const lines = positionsOf(current, text);
    const offset = lines.offsetAt(params.position);
    const toRange = (start: number, end: number): Range => ({ start: lines.positionAt(start), end: lines.positionAt(end) });

    const parts: string[] = [];
    const ranges: Range[] = [];
    const explained = new Set<string>();
    for (const finding of linted.findings) {
      const under = finding.start <= offset && (offset < finding.end || offset === finding.start);
      const meta = under && !explained.has(finding.ruleId) ? ruleById(finding.ruleId)?.meta : undefined;
      if (!meta) continue;
      explained.add(meta.id);
      parts.push(explainRule(meta, this.docsLinks.href(meta.id)));
      ranges.push(toRange(finding.start, finding.end));
    }
    const chunks = chunksOf(current);
    const field = fieldAt(text, offset, chunks, this.diagnostics.customKinds(uri));
    if (field) {
      parts.push(explainField(field));
      ranges.push(toRange(field.start, field.end));
    }
    const probe = probeInsightAt(text, offset, chunks, this.diagnostics.parsedChunks(uri));
    if (probe) {
      parts.push(explainTimeline(probe.insight.container, probe.insight.timeline));
      // The probe's key, so the editor keeps the timeline up while the mouse rests on that word.
      ranges.push(toRange(probe.probe.start, probe.probe.keyEnd));
    }
    if (!parts.length) return null;
    // The key under the mouse when there is one: the narrowest of the ranges that hold the position.
    const holding = ranges.filter((r) => contains(r, params.position));
    const range = (holding.length ? holding : ranges).reduce((a, b) => (narrower(b, a) ? b : a));
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
  }
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(range: Range, position: Range['start']): boolean {
  return before(range.start, position) && before(position, range.end);
}

function narrower(a: Range, b: Range): boolean {
  return contains(b, a.start) && contains(b, a.end);
}
