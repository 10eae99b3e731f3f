// textDocument/completion: the engine's entries for the cursor, as LSP items that replace the word typed so far.
// Custom kinds complete from the CRDs the document's linter uses: the workspace's, with the document's own first.
// Multi-line insertions carry absolute indentation, so they are inserted as is (the editor must not re-indent them).
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import type { CompletionItem, CompletionList, CompletionParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../engine/complete/complete';
import type { CompletionEntryKind } from '../engine/complete/complete';
import type { SettingsStore } from './configuration';
import { chunksOf, positionsOf } from './documentPositions';
import type { DiagnosticsScheduler } from './diagnostics';

/**
 * Typing a letter already asks: VS Code's own YAML support turns quick suggestions on in strings (a half-typed key or
 * value is a plain scalar to the grammar). A space asks before any letter: the values after `key: `, and the keys of
 * a new list item after `- `; anywhere else the engine answers a space with nothing.
 */
export const COMPLETION_TRIGGER_CHARACTERS = [' '];

const KINDS: Record<CompletionEntryKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
};

export class CompletionProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly diagnostics: DiagnosticsScheduler,
  ) {}

  async complete(params: CompletionParams): Promise<CompletionList | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const version = document.version;
    const settings = await this.settings.forDocument(params.textDocument.uri);
    const current = this.documents.get(params.textDocument.uri);
    if (!settings.enable || !settings.completion || !current || current.version !== version) return null;
    const text = current.getText();
    const lines = positionsOf(current, text);
    const entries = complete(text, lines.offsetAt(params.position), {
      triggerCharacter: params.context?.triggerCharacter,
      kubernetesVersion: settings.lint.kubernetesVersion,
      chunks: chunksOf(current),
      parsed: this.diagnostics.parsedChunks(params.textDocument.uri),
      ...this.diagnostics.customKinds(params.textDocument.uri),
    });
    const items = entries.map((entry): CompletionItem => {
      const range = { start: lines.positionAt(entry.replaceStart), end: lines.positionAt(entry.replaceEnd) };
      return {
        label: entry.label,
        kind: KINDS[entry.kind],
        detail: entry.detail,
        documentation: entry.documentation ? { kind: MarkupKind.PlainText, value: entry.documentation } : undefined,
        sortText: entry.sortText,
        // Filtered by the label alone: the insert text's trailing `: ` and new line are not what the user types.
        filterText: entry.label,
        textEdit: { range, newText: entry.insertText },
        insertTextFormat: InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
      };
    });
    // Not incomplete: the list depends on the line's structure, not on the letters typed, so the editor filters it.
    return { isIncomplete: false, items };
  }
}
