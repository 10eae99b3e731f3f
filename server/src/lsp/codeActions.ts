// Quick fixes and fix-all. Fixes for the findings under the cursor are built on request (a few edits on one document);
// each is applied in memory and its document re-parsed before its edit is sent: at once, or, for a client that
// resolves an action's edit when it is picked (VS Code), then, so that listing fixes costs no parse. Fix-all is built
// only when picked, through codeAction/resolve or the kubewright.applyFixAll command.
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
import type { Finding, Fix, FixEdit, FixRequest } from '../engine';
import type { DiagnosticsScheduler } from './diagnostics';
import { chunksOf, positionsOf } from './documentPositions';
import type { Positions } from './documentPositions';
import { toDiagnostic } from './toDiagnostic';
import type { RuleDocsLinks } from './toDiagnostic';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubewright`;
export const FIX_ALL_COMMAND = 'kubewright.applyFixAll';
export const FIX_ALL_TITLE = 'Fix all auto-fixable Kubewright problems';

/** Where the findings of an open document come from (the diagnostics scheduler; a test may hand in its own). */
export type FindingsSource = Pick<DiagnosticsScheduler, 'currentFindings'>;

/** What a fix-all action carries until it is resolved. */
interface FixAllData {
  uri: string;
  version: number;
}

/** What a quick fix carries until it is resolved: which fix of which finding, in which version of the document. */
interface QuickFixData extends FixAllData {
  /** The finding's index among the document's findings for that version, and its rule, to tell it is the same one. */
  finding: number;
  ruleId: string;
  list: 'fixes' | 'suppressions';
  fix: number;
}

/** True when `only` (the kinds the client asked for) admits `kind`; no `only` admits everything. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

const TAB_STOP = /\$\{\d+:/;

export class CodeActionProvider {
  private snippets = false;
  private documentChanges = false;
  /** The client fills in an action's edit through codeAction/resolve, so a fix is checked only when it is picked. */
  private resolvesEdits = false;

  constructor(
    private readonly diagnostics: FindingsSource,
    private readonly docs: RuleDocsLinks,
    /** Tells the user why a fix they picked was not applied. */
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  useClientCapabilities(capabilities: ClientCapabilities): void {
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    this.documentChanges = workspaceEdit?.documentChanges === true;
    // Tab stops in an edit need TextDocumentEdit, which lives in documentChanges.
    this.snippets = this.documentChanges && (workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    const codeAction = capabilities.textDocument?.codeAction;
    this.resolvesEdits = codeAction?.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true;
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const current = await this.diagnostics.currentFindings(params.textDocument.uri);
    if (!current) return [];
    const { document, findings } = current;
    const lines = positionsOf(document);
    const start = lines.offsetAt(params.range.start);
    const end = lines.offsetAt(params.range.end);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const fixable = findings.filter((f) => f.fixes);
    // Listed unchecked when the client resolves edits: the check (a re-parse of the fix's document) waits for resolve.
    const request: FixRequest = { unchecked: this.resolvesEdits };
    const offer = (list: QuickFixData['list']) => {
      findings.forEach((finding, index) => {
        const fixes = finding[list];
        if (!fixes || finding.end < start || finding.start > end) return;
        const diagnostic = this.matchingDiagnostic(finding, params.context.diagnostics, lines);
        fixes(request).forEach((fix, n) => {
          const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
          if (list === 'fixes') action.isPreferred = fix.preferred;
          if (!this.resolvesEdits) action.edit = this.workspaceEdit(document, fix.edits, lines);
          else action.data = { uri: document.uri, version: document.version, finding: index, ruleId: finding.ruleId, list, fix: n } satisfies QuickFixData;
          actions.push(action);
        });
      });
    };
    if (wanted(CodeActionKind.QuickFix, only)) {
      offer('fixes');
      // Like ESLint: with more than one fixable problem in the file, the light bulb offers them all at once.
      if (actions.length && fixable.length > 1) actions.push(this.fixAllAction(document, CodeActionKind.QuickFix));
      // Then, after every real fix, the ways to silence each finding here (a comment, or an annotation on the object).
      offer('suppressions');
    }
    if (wanted(FIX_ALL_KIND, only) && only && fixable.length) actions.push(this.fixAllAction(document, FIX_ALL_KIND));
    return actions;
  }

  /** Fills in the edit of an action picked from the list: one checked fix, or fix-all. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data as FixAllData | QuickFixData | undefined;
    if (!data?.uri) return action;
    if ('finding' in data) return this.resolveFix(action, data);
    const edit = await this.fixAllEdit(data.uri);
    return edit ? { ...action, edit } : action;
  }

  /**
   * The picked fix, checked now; one that would break the YAML (or no longer applies) comes back without an edit,
   * disabled with the reason, which the user is also told.
   */
  private async resolveFix(action: CodeAction, data: QuickFixData): Promise<CodeAction> {
    const withheld = (reason: string): CodeAction => {
      this.warn(`Kubewright did not apply "${action.title}": ${reason}.`);
      return { ...action, disabled: { reason } };
    };
    const current = await this.diagnostics.currentFindings(data.uri);
    if (!current || current.document.version !== data.version) return withheld('the file changed since the fix was offered; ask for fixes again');
    const finding: Finding | undefined = current.findings[data.finding];
    const fix: Fix | undefined = finding?.ruleId === data.ruleId ? finding[data.list]?.({ unchecked: true })[data.fix] : undefined;
    if (!fix || fix.title !== action.title) return withheld('the fix is no longer on offer; ask for fixes again');
    const problem = fix.check?.();
    if (problem) return withheld(problem);
    return { ...action, edit: this.workspaceEdit(current.document, fix.edits, positionsOf(current.document)) };
  }

  /** Every preferred fix in the document, as one workspace edit (undefined when nothing is fixable). */
  async fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    const current = await this.diagnostics.currentFindings(uri);
    if (!current) return undefined;
    const text = current.document.getText();
    // The document's own linter: only the documents fix-all changes are parsed and linted again.
    const result = fixAll(text, current.settings.lint, { linter: current.linter, chunks: chunksOf(current.document) });
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
