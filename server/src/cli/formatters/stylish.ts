// The default `--format stylish` output, laid out as ESLint users know it: each file with problems, its messages in
// aligned columns (line:column, severity, message, rule id), then a one-line summary. Nothing when all is clean.
import type { Palette } from '../colors';
import { ERROR } from '../report';
import type { FileResult, LintMessage } from '../report';

interface Row {
  line: string;
  column: string;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

function toRow(message: LintMessage): Row {
  return {
    line: String(message.line),
    column: String(message.column),
    severity: message.severity === ERROR ? 'error' : 'warning',
    // A multi-line message would break the table; keep it on its row.
    message: message.message.replace(/\s*\r?\n\s*/g, ' '),
    ruleId: message.ruleId,
  };
}

function widest(rows: readonly Row[], cell: (row: Row) => string): number {
  return rows.reduce((width, row) => Math.max(width, cell(row).length), 0);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Widths are measured on plain text and colour is added after padding, so alignment is the same with or without it. */
function formatFile(result: FileResult, palette: Palette): string {
  const rows = result.messages.map(toRow);
  const lineWidth = widest(rows, (row) => row.line);
  const columnWidth = widest(rows, (row) => row.column);
  const severityWidth = widest(rows, (row) => row.severity);
  const messageWidth = widest(rows, (row) => row.message);
  const body = rows.map((row) => {
    // `line:column` with the line right-aligned and the column left-aligned, so the colons line up.
    const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
    const colourSeverity = row.severity === 'error' ? palette.red : palette.yellow;
    const severity = colourSeverity(row.severity) + ' '.repeat(severityWidth - row.severity.length);
    return `  ${palette.dim(position)}  ${severity}  ${row.message.padEnd(messageWidth)}  ${palette.dim(row.ruleId)}`;
  });
  return `${palette.underline(result.filePath)}\n${body.join('\n')}\n`;
}

export function formatStylish(results: readonly FileResult[], palette: Palette): string {
  const withProblems = results.filter((result) => result.messages.length > 0);
  if (withProblems.length === 0) return '';
  const errors = withProblems.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = withProblems.reduce((sum, result) => sum + result.warningCount, 0);
  const summary = `\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const summaryColour = errors > 0 ? palette.red : palette.yellow;
  // A blank line before, between and after the files sets the report apart from the command and the prompt.
  return `\n${withProblems.map((result) => formatFile(result, palette)).join('\n')}\n${palette.bold(summaryColour(summary))}\n`;
}
