// The server's incremental path end to end: random range edits (typing, deleting, adding and breaking `---` lines,
// several changes in one notification, bursts of notifications) sent as an editor sends them, and after each burst the
// published diagnostics must be exactly those of linting the resulting text from scratch. The server keeps the file as
// chunks across edits, re-checks only changed documents and validates in slices; none of that may show.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { LineIndex, lintText } from '../../server/src/engine';
import { LspTestClient } from './harness';
import { LIVENESS_HTTP, readFixture, untitledUri } from './expectations';

/** Pieces an edit inserts: document markers, keys that rules read, broken YAML, line ends. */
const PIECES = ['---\n', '\n', 'x', '  ', '    privileged: true\n', 'hostNetwork: true\n', ': ', '- ', '{', 'kind: Pod\n', '#', '---'];

/**
 * An edit: where it starts (anywhere, or next to the n-th `---` marker, where chunks split and join: from just before
 * its line break to just after the marker), how much it removes (in characters), what it inserts.
 */
const edit = fc.record({
  at: fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ fraction })),
    fc.record({ marker: fc.nat(), shift: fc.integer({ min: -1, max: 4 }) }),
  ),
  remove: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((parts) => parts.join('')),
});

/** Where an edit starts in `text`. */
function startOf(text: string, at: { fraction: number } | { marker: number; shift: number }): number {
  if ('fraction' in at) return Math.floor(at.fraction * text.length);
  const markers = [...text.matchAll(/^---/gm)].map((m) => m.index!);
  if (markers.length === 0) return 0;
  return Math.max(0, Math.min(text.length, markers[at.marker % markers.length] + at.shift));
}
/** A burst: the notifications sent back to back, each with one or two changes. */
const burst = fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 });

const expectedFor = (text: string) => {
  const lines = new LineIndex(text);
  return lintText(text).map((f) => `${f.ruleId} ${JSON.stringify(lines.positionAt(f.start))}-${JSON.stringify(lines.positionAt(f.end))}`);
};
const publishedAs = (published: PublishDiagnosticsParams) =>
  published.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range.start)}-${JSON.stringify(d.range.end)}`);

for (const slice of ['15', '0']) {
  describe(`lsp: incremental edits match a lint from scratch (validation slices of ${slice} ms)`, function () {
    this.timeout(120_000);
    let client: LspTestClient;

    before(async () => {
      ({ client } = await LspTestClient.start({ env: { KUBEWRIGHT_VALIDATION_SLICE_MS: slice } }));
    });
    afterEach(() => client.checkNothingUnexpected());
    after(() => client?.stop());

    it('publishes, after every burst of random edits, the findings of the whole resulting text', async () => {
      const initial = [LIVENESS_HTTP, readFixture('following-all-practices.yaml'), LIVENESS_HTTP].join('---\n');
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(burst, { minLength: 1, maxLength: 6 }), async (bursts) => {
          const uri = untitledUri(`incremental-${slice}-${run++}`);
          let mirror = TextDocument.create(uri, 'yaml', 1, initial);
          client.open(uri, initial);
          await client.nextPublish(uri);
          for (const notifications of bursts) {
            for (const changes of notifications) {
              const events: TextDocumentContentChangeEvent[] = changes.map(({ at, remove, insert }) => {
                // Each change's range is in the text as the changes before it left it, as the editor sends them.
                const text = mirror.getText();
                const start = startOf(text, at);
                const end = Math.min(text.length, start + remove);
                const event = { range: { start: mirror.positionAt(start), end: mirror.positionAt(end) }, text: insert };
                mirror = TextDocument.update(mirror, [event], mirror.version);
                return event;
              });
              mirror = TextDocument.update(mirror, [], mirror.version + 1);
              client.change(uri, mirror.version, ...events);
            }
            let published = await client.nextPublish(uri);
            while (published.version !== mirror.version) published = await client.nextPublish(uri);
            assert.deepEqual(publishedAs(published), expectedFor(mirror.getText()), JSON.stringify(mirror.getText()));
          }
          await client.closeExpectingCleared(uri);
        }),
        { seed: 20261123, numRuns: 20 },
      );
    });
  });
}
