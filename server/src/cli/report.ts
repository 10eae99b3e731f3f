// Converts one file's engine findings into the result the formatters print: ESLint's message shape, with 1-based
// lines and columns, numeric severities and per-file counts.
import { LineIndex } from '../engine';
import type { Finding, Severity, Suppression } from '../engine';

/** ESLint's numeric severities. */
export type MessageSeverity = 1 | 2;
export const WARNING: MessageSeverity = 1;
export const ERROR: MessageSeverity = 2;

export interface LintMessage {
  ruleId: string;
  severity: MessageSeverity;
  /** The engine's severity, which keeps info apart from warning (SARIF's "note"); not in ESLint's shape. */
  level: Severity;
  message: string;
  /** 1-based, like ESLint; columns count UTF-16 code units. */
  line: number;
  column: number;
  /** The position just after the last character of the range, 1-based. */
  endLine: number;
  endColumn: number;
  /** On a suppressed message: the comments and annotations that silence it. */
  suppressedBy?: Suppression[];
}

export interface FileResult {
  /** Absolute. */
  filePath: string;
  messages: LintMessage[];
  /** Findings a comment or annotation silences (lint run with keepSuppressed): listed, not counted. */
  suppressedMessages: LintMessage[];
  errorCount: number;
  /** Warnings and infos: ESLint has no third level, so an info is a warning to CI. */
  warningCount: number;
  /** With --fix-dry-run, the file's text after the fixes, as ESLint's `output` (only when something changed). */
  output?: string;
}

/** ESLint has no "info"; it reports as a warning, which keeps it visible without failing the build. */
function toMessageSeverity(severity: Severity): MessageSeverity {
  return severity === 'error' ? ERROR : WARNING;
}

/**
 * `text` must be the text the findings' offsets point into. With `quiet`, only errors are kept and the warning
 * count is zero, as with ESLint's --quiet.
 */
export function toFileResult(filePath: string, text: string, findings: readonly Finding[], quiet: boolean): FileResult {
  const lines = new LineIndex(text);
  const kept = quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
  const all = kept
    // Stable sort: findings at the same place keep the engine's (rule list) order.
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((finding): LintMessage => {
      const start = lines.positionAt(finding.start);
      const end = lines.positionAt(finding.end);
      return {
        ruleId: finding.ruleId,
        severity: toMessageSeverity(finding.severity),
        level: finding.severity,
        message: finding.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        ...(finding.suppressedBy ? { suppressedBy: finding.suppressedBy } : {}),
      };
    });
  const messages = all.filter((message) => !message.suppressedBy);
  const suppressedMessages = all.filter((message) => message.suppressedBy);
  const errorCount = messages.filter((message) => message.severity === ERROR).length;
  return { filePath, messages, suppressedMessages, errorCount, warningCount: messages.length - errorCount };
}
