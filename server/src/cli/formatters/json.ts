// The `--format json` output: ESLint's JSON formatter result shape, so tools that read ESLint results (annotators,
// code-review bots, dashboards) read Kubewright's too. One line, like ESLint's.
import type { FileResult, LintMessage } from '../report';

function eslintMessage(message: LintMessage) {
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
}

/**
 * Every file linted is listed, with or without messages, as ESLint does. Findings a `# kubewright-disable…` comment
 * or an ignore annotation silences are in `suppressedMessages`, each with ESLint's `suppressions` (kind "directive",
 * the reason as justification). The fields Kubewright has no use for (fatal errors, fixes, deprecated rules) are
 * present and empty so consumers written for ESLint never meet `undefined`. Keys are built in ESLint's order for
 * readable diffs of saved results.
 */
export function formatJson(results: readonly FileResult[]): string {
  const eslintResults = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map(eslintMessage),
    suppressedMessages: result.suppressedMessages.map((message) => ({
      ...eslintMessage(message),
      suppressions: (message.suppressedBy ?? []).map((s) => ({ kind: 'directive', justification: s.reason ?? '' })),
    })),
    errorCount: result.errorCount,
    fatalErrorCount: 0,
    warningCount: result.warningCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
    ...(result.output !== undefined ? { output: result.output } : {}),
  }));
  return `${JSON.stringify(eslintResults)}\n`;
}
