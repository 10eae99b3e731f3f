// Quick fixes and fix-all. Fixes for the findings under the cursor are built on request (a few edits on one
// document, each re-parsed before it is offered); fix-all over the whole file is built only when picked, through
// codeAction/resolve or the kubewright.applyFixAll command.
import { CodeActionKind } from 'vscode-languageserver';
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Diagnostic,
  SnippetTextEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../engine';
import type { Finding, FixEdit } from '../engine';
import type { DiagnosticsScheduler, Positions, RuleDocsLinks } from './diagnostics';
import { positionsOf, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubewright`;
export const FIX_ALL_COMMAND = 'kubewright.applyFixAll';
export const FIX_ALL_TITLE = 'Fix all auto-fixable Kubewright problems';

/** What a fix-all action carries until it is resolved. */
interface FixAllData {
  uri: string;
  version: number;
}

/** True when `only` (the kinds the client asked for) admits `kind`; no `only` admits everything. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

const TAB_STOP = /\$\{\d+:/;

export class CodeActionProvider {
  private snippets = false;
  private documentChanges = false;

  constructor(
    private readonly diagnostics: DiagnosticsScheduler,
    private readonly docs: RuleDocsLinks,
  ) {}

  useClientCapabilities(capabilities: ClientCapabilities): void {
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    this.documentChanges = workspaceEdit?.documentChanges === true;
    // Tab stops in an edit need TextDocumentEdit, which lives in documentChanges.
    this.snippets = this.documentChanges && (workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const current = await this.diagnostics.currentFindings(params.textDocument.uri);
    if (!current) return [];
    const { document, findings } = current;
    const lines = positionsOf(document, document.getText());
    const start = lines.offsetAt(params.range.start);
    const end = lines.offsetAt(params.range.end);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const fixable = findings.filter((f) => f.fixes);
    if (wanted(CodeActionKind.QuickFix, only)) {
      for (const finding of fixable) {
        if (finding.end < start || finding.start > end) continue;
        const diagnostic = this.matchingDiagnostic(finding, params.context.diagnostics, lines);
        for (const fix of finding.fixes!()) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: this.workspaceEdit(document, fix.edits, lines),
          });
        }
      }
      // Like ESLint: with more than one fixable problem in the file, the light bulb offers them all at once.
      if (actions.length && fixable.length > 1) actions.push(this.fixAllAction(document, CodeActionKind.QuickFix));
      // Then, after every real fix, the ways to silence each finding here (a comment, or an annotation on the object).
      for (const finding of findings) {
        if (!finding.suppressions || finding.end < start || finding.start > end) continue;
        const diagnostic = this.matchingDiagnostic(finding, params.context.diagnostics, lines);
        for (const fix of finding.suppressions()) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: this.workspaceEdit(document, fix.edits, lines) });
        }
      }
    }
    if (wanted(FIX_ALL_KIND, only) && only && fixable.length) actions.push(this.fixAllAction(document, FIX_ALL_KIND));
    return actions;
  }

  /** Builds the fix-all edit for a fix-all action picked from the list. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data as FixAllData | undefined;
    if (!data?.uri) return action;
    const edit = await this.fixAllEdit(data.uri);
    return edit ? { ...action, edit } : action;
  }

  /** Every preferred fix in the document, as one workspace edit (undefined when nothing is fixable). */
  async fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    const current = await this.diagnostics.currentFindings(uri);
    if (!current) return undefined;
    const text = current.document.getText();
    const result = fixAll(text, current.settings.lint);
    if (result.edits.length === 0) return undefined;
    return this.workspaceEdit(current.document, result.edits, positionsOf(current.document, text));
  }

  private fixAllAction(document: TextDocument, kind: string): CodeAction {
    const data: FixAllData = { uri: document.uri, version: document.version };
    return { title: FIX_ALL_TITLE, kind, data };
  }

  /** The client's own diagnostic for this finding when it sent one, so the editor links the fix to its squiggle. */
  private matchingDiagnostic(finding: Finding, sent: readonly Diagnostic[], lines: Positions): Diagnostic {
    const own = toDiagnostic(finding, lines, this.docs);
    return (
      sent.find(
        (d) =>
          d.code === finding.ruleId &&
          d.range.start.line === own.range.start.line &&
          d.range.start.character === own.range.start.character &&
          d.message === finding.message,
      ) ?? own
    );
  }

  private workspaceEdit(document: TextDocument, edits: readonly FixEdit[], lines: Positions): WorkspaceEdit {
    const textEdits = edits.map((e): TextEdit | SnippetTextEdit => {
      const range = { start: lines.positionAt(e.start), end: lines.positionAt(e.end) };
      if (this.snippets && e.snippet && TAB_STOP.test(e.snippet)) return { range, snippet: { kind: 'snippet', value: e.snippet } };
      return { range, newText: e.text };
    });
    if (!this.documentChanges) return { changes: { [document.uri]: textEdits as TextEdit[] } };
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
  }
}
