// Quick fixes checked only when picked, in process: for a client that fills in edits through codeAction/resolve, the
// code action provider lists fixes without their edits, and resolve checks the picked one; a fix whose result would
// not parse comes back without an edit, disabled with the reason, and the user is told. The rules here (test/support/
// broken-fixes.ts) cannot be put in the bundled server, hence no stdio.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { ManifestLinter } from '../../server/src/engine';
import { CodeActionProvider } from '../../server/src/lsp/codeActions';
import type { FindingsSource } from '../../server/src/lsp/codeActions';
import { RuleDocsLinks } from '../../server/src/lsp/toDiagnostic';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/configuration';
import { BREAK_TITLE, BROKEN_FIX_CONFIG, BROKEN_FIX_RULES, CONFIG_MAP } from '../support/broken-fixes';

const URI = 'file:///settings.yaml';

const RESOLVES_EDITS: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true } },
  textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};

/** A provider over CONFIG_MAP at `version`, linted with the test rules; `shown` collects what the user is told. */
function provider(capabilities: ClientCapabilities, shown: string[] = []): { actions: CodeActionProvider; document: TextDocument } {
  const document = TextDocument.create(URI, 'yaml', 1, CONFIG_MAP);
  const linter = new ManifestLinter(BROKEN_FIX_CONFIG, { rules: BROKEN_FIX_RULES });
  const findings = linter.lint(CONFIG_MAP);
  const source: FindingsSource = {
    currentFindings: async () => ({ document, settings: { ...DEFAULT_SETTINGS, lint: BROKEN_FIX_CONFIG }, findings, linter }),
  };
  const actions = new CodeActionProvider(source, new RuleDocsLinks('/docs'), (message) => shown.push(message));
  actions.useClientCapabilities(capabilities);
  return { actions, document };
}

/** The code actions on the whole ConfigMap, quick fixes only. */
async function quickFixes(actions: CodeActionProvider): Promise<CodeAction[]> {
  const all = await actions.codeActions({
    textDocument: { uri: URI },
    range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
    context: { diagnostics: [], only: ['quickfix'] },
  });
  return all.filter((a) => !a.title.startsWith('Fix all') && !a.title.startsWith('Suppress'));
}

function newText(action: CodeAction): string[] {
  const [change] = (action.edit?.documentChanges ?? []) as TextDocumentEdit[];
  return change.edits.map((e) => ('newText' in e ? e.newText : ''));
}

describe('lsp: quick fixes checked when picked', () => {
  it('lists every fix, the one that would break the YAML too, without edits', async () => {
    const { actions } = provider(RESOLVES_EDITS);
    const listed = await quickFixes(actions);
    assert.deepEqual(listed.map((a) => [a.title, a.diagnostics?.[0].code, a.edit]), [
      [BREAK_TITLE, 'test-breaks', undefined],
      [BREAK_TITLE, 'test-rename', undefined],
      ['Rename to fixed', 'test-rename', undefined],
    ]);
  });

  it('resolves a fix that keeps the YAML valid to its edit', async () => {
    const shown: string[] = [];
    const { actions } = provider(RESOLVES_EDITS, shown);
    const rename = (await quickFixes(actions)).find((a) => a.title === 'Rename to fixed')!;
    const resolved = await actions.resolve(rename);
    assert.deepEqual(newText(resolved), ['fixed']);
    assert.equal(resolved.disabled, undefined);
    assert.deepEqual(shown, []);
  });

  it('resolves a fix that would break the YAML without an edit, disabled with the reason, and tells the user', async () => {
    const shown: string[] = [];
    const { actions } = provider(RESOLVES_EDITS, shown);
    const broken = (await quickFixes(actions)).find((a) => a.title === BREAK_TITLE)!;
    const resolved = await actions.resolve(broken);
    assert.equal(resolved.edit, undefined);
    assert.match(resolved.disabled?.reason ?? '', /^the fixed YAML would not parse: /);
    assert.deepEqual(shown, [`Kubewright did not apply "${BREAK_TITLE}": ${resolved.disabled?.reason}.`]);
  });

  it('resolves nothing for a document that changed since the fix was listed', async () => {
    const shown: string[] = [];
    const { actions, document } = provider(RESOLVES_EDITS, shown);
    const rename = (await quickFixes(actions)).find((a) => a.title === 'Rename to fixed')!;
    TextDocument.update(document, [{ text: CONFIG_MAP }], 2);
    const resolved = await actions.resolve(rename);
    assert.equal(resolved.edit, undefined);
    assert.match(resolved.disabled?.reason ?? '', /the file changed since the fix was offered/);
    assert.equal(shown.length, 1);
  });

  it('checks every fix before listing it for a client that takes edits in the list only', async () => {
    const { actions } = provider({ workspace: { workspaceEdit: { documentChanges: true } } });
    const listed = await quickFixes(actions);
    assert.deepEqual(listed.map((a) => [a.title, newText(a)]), [['Rename to fixed', ['fixed']]]);
  });
});
