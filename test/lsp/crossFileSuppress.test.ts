// A finding about other files (a Service that selects no pods) can be silenced from the light bulb like any other:
// "Suppress … for this line" and "… for this object" are offered at it, and once applied the finding goes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './harness';
import { FIXTURES, onLine } from './expectations';

const RULE = 'service-no-matching-pods';
/** `selector:` of the `web-typo` Service in services/app/service.yaml (0-based line 21). */
const ON_SELECTOR = onLine(21, 2, 10);

const codesOn = (published: PublishDiagnosticsParams, line: number) =>
  published.diagnostics.filter((d) => d.range.start.line === line).map((d) => d.code);

describe('lsp: suppressing a cross-file finding', () => {
  let workspace: string;
  let client: LspTestClient;
  let uri: string;
  let text: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-suppress-'));
    fs.cpSync(path.join(FIXTURES, 'cross-file/services'), workspace, { recursive: true });
    uri = pathToFileURL(path.join(workspace, 'app/service.yaml')).href;
    text = fs.readFileSync(path.join(workspace, 'app/service.yaml'), 'utf8');
    ({ client } = await LspTestClient.start({ workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'services' }] }));
  });
  afterEach(() => client.checkNothingUnexpected());
  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function actionsOnSelector(version: number): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri, version },
      range: ON_SELECTOR,
      context: { diagnostics: [] },
    });
  }

  async function publishWith(predicate: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const published = await client.nextPublish(uri);
      if (predicate(published)) return published;
    }
  }

  it('offers both suppressions at the finding, and each silences it once applied', async () => {
    client.open(uri, text);
    await publishWith((p) => codesOn(p, 21).includes(RULE));
    const actions = await actionsOnSelector(1);
    const suppressions = actions.filter((a) => a.title.startsWith('Suppress'));
    assert.deepEqual(
      suppressions.map((a) => [a.title, a.kind, a.diagnostics?.map((d) => d.code)]),
      [
        [`Suppress ${RULE} for this line`, 'quickfix', [RULE]],
        [`Suppress ${RULE} for this object`, 'quickfix', [RULE]],
      ],
    );
    const apply = (action: CodeAction) => TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), action.edit?.changes?.[uri] ?? []);
    // Without snippet support the reason after ` -- ` is left for the user to type.
    const byLine = apply(suppressions[0]);
    assert.equal(byLine, text.replace('spec:\n  selector:\n# ^', `spec:\n  # kubewright-disable-next-line ${RULE} -- \n  selector:\n# ^`));
    const byObject = apply(suppressions[1]);
    assert.equal(byObject, text.replace('  name: web-typo\n', `  name: web-typo\n  annotations:\n    kubewright.io/ignore: ${RULE}\n`));

    for (const [version, suppressed] of [[2, byLine], [3, byObject]] as const) {
      client.change(uri, version, { text: suppressed });
      const published = await publishWith((p) => p.version === version);
      assert.ok(!published.diagnostics.some((d) => d.code === RULE), `${RULE} is silenced in version ${version}`);
      assert.ok(!published.diagnostics.some((d) => d.code === 'unused-suppression'), 'the suppression is not reported unused');
    }
    await client.closeExpectingCleared(uri);
  });
});
