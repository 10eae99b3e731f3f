// What the extension-host tests share: open a workspace file, and wait for Kubewright's diagnostics through
// languages.onDidChangeDiagnostics, failing with what was expected and what the editor showed instead.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kubewright.kubewright';
/** Long enough for a cold language server on a busy 2-core machine; a publish normally takes well under a second. */
export const WAIT_MS = 30_000;

/** A diagnostic as the tests state it: rule id, range as `line:column-line:column` (1-based, as the CLI prints). */
export interface Expected {
  code: string;
  range: string;
  severity: 'error' | 'warning' | 'info';
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the suite needs test/e2e/workspace (a copy of it) opened');
  return vscode.Uri.joinPath(folder.uri, relative);
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, Expected['severity'] | 'hint'> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function kubewrightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kubewright');
}

/** Kubewright's diagnostics for `uri` in the tests' terms, in a stable order. */
export function seen(uri: vscode.Uri): Expected[] {
  return kubewrightDiagnostics(uri).map(summarize).sort(byPlace);
}

/** The rule id; `code` is an object when the diagnostic links to its docs. */
export function ruleOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

function summarize(d: vscode.Diagnostic): Expected {
  const { start, end } = d.range;
  return {
    code: ruleOf(d),
    range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    severity: SEVERITIES[d.severity] as Expected['severity'],
  };
}

function byPlace(a: Expected, b: Expected): number {
  return a.range.localeCompare(b.range, 'en', { numeric: true }) || a.code.localeCompare(b.code);
}

/**
 * Runs `trigger` (an open, an edit, a settings change) and waits for a publish of Kubewright's diagnostics for
 * `uri` after it that equals `expected` (in any order). With `settled`, the current diagnostics count too: for a
 * document whose publish was already awaited, where an open that changes nothing publishes nothing.
 */
export function expectDiagnostics(
  uri: vscode.Uri,
  expected: readonly Expected[],
  trigger?: () => Thenable<unknown>,
  settled = false,
): Promise<Expected[]> {
  const want = [...expected].sort(byPlace);
  return waitForDiagnostics(uri, (now) => isDeepStrictEqual(now, want), want, trigger, settled);
}

/** Like expectDiagnostics, for a condition rather than an exact list; `expected` describes it in a failure. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (now: Expected[]) => boolean,
  expected: unknown,
  trigger: () => Thenable<unknown> = async () => undefined,
  settled = false,
): Promise<Expected[]> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const published = new Promise<Expected[]>((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      const now = seen(uri);
      if (event.uris.some((u) => u.toString() === uri.toString()) && accept(now)) resolve(now);
    });
    timer = setTimeout(() => {
      reject(new assert.AssertionError({
        message: `Kubewright's diagnostics for ${path.basename(uri.path)} did not become the expected ones within ` +
          `${WAIT_MS / 1000}s.\nExpected: ${JSON.stringify(expected)}\nThe editor shows: ${JSON.stringify(seen(uri))}`,
        actual: seen(uri),
        expected,
        operator: 'deepStrictEqual',
      }));
    }, WAIT_MS);
  });
  try {
    await trigger();
    return settled && accept(seen(uri)) ? seen(uri) : await published;
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

/**
 * Opens a workspace file in an editor and waits until Kubewright has published `expected` for it. A file opened
 * earlier in the run was already waited on, so its current diagnostics count.
 */
export async function openWorkspaceFile(relative: string, expected: readonly Expected[]): Promise<vscode.TextEditor> {
  const uri = workspaceUri(relative);
  const wasOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  let editor: vscode.TextEditor | undefined;
  await expectDiagnostics(uri, expected, async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }, wasOpen);
  return editor!;
}

/** Closes the active editor and drops its unsaved changes, so the next test starts from the file on disk. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
