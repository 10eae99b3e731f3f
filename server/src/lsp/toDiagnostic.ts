// A finding as an LSP diagnostic: its range in editor positions, its severity, its rule as the code with a link to the
// rule's page, and what code actions need to find it again.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine';
import type { Positions } from './documentPositions';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for code actions: they find their finding by rule id, never by message text. */
export interface DiagnosticData {
  ruleId: string;
}

/** Links each rule id to its docs page as a file URI; the pages ship in the VSIX under docs/rules/. */
export class RuleDocsLinks {
  private readonly hrefs = new Map<string, string>();

  constructor(private readonly folder: string) {}

  href(ruleId: string): string {
    let href = this.hrefs.get(ruleId);
    if (href === undefined) {
      href = pathToFileURL(path.join(this.folder, `${ruleId}.md`)).href;
      this.hrefs.set(ruleId, href);
    }
    return href;
  }
}

export function toDiagnostic(finding: Finding, lines: Positions, docs: RuleDocsLinks): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId };
  return {
    range: { start: lines.positionAt(finding.start), end: lines.positionAt(finding.end) },
    severity: SEVERITIES[finding.severity],
    source: 'kubewright',
    code: finding.ruleId,
    codeDescription: { href: docs.href(finding.ruleId) },
    message: finding.message,
    data,
  };
}
