// The server process itself: stdout carries LSP frames and nothing else, even while the server logs and meets
// broken YAML, and shutdown then exit ends it with code 0.
import * as assert from 'node:assert/strict';
import { parseFrames } from './frames';
import { LspTestClient } from './harness';
import { LIVENESS_HTTP, untitledUri } from './expectations';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('lsp: the server process', () => {
  it('writes only LSP frames to stdout, and exits with code 0 after shutdown and exit', async () => {
    const { client } = await LspTestClient.start();
    try {
      // Give it reasons to log (a mistyped setting) and to fail (YAML that does not parse) on its way.
      client.settingsFor = () => ({ rules: { 'no-such-rule': 'off' } });
      const broken = untitledUri('process-broken');
      const valid = untitledUri('process-valid');
      client.open(broken, 'apiVersion: v1\nkind: Pod\nspec: {containers: [\n');
      client.open(valid, LIVENESS_HTTP);
      assert.equal((await client.nextPublish(broken)).diagnostics[0]?.code, 'yaml-syntax');
      assert.equal((await client.nextPublish(valid)).diagnostics.length, 5);

      assert.equal(client.unexpectedExit, undefined, 'the server is still running');
      assert.deepEqual(await client.shutdown(), { code: 0, signal: null });
      assert.deepEqual(client.streamErrors, []);

      const frames = parseFrames(client.stdoutBytes()) as Array<{ method?: string }>;
      const count: Record<string, number> = {};
      for (const { method = 'response' } of frames) count[method] = (count[method] ?? 0) + 1;
      // Responses to initialize and shutdown; per document a settings request, a publish, and the warning about
      // the mistyped setting, which travelled as a window/logMessage frame rather than as text on stdout.
      assert.deepEqual(count, {
        response: 2,
        'workspace/configuration': 2,
        'window/logMessage': 2,
        'textDocument/publishDiagnostics': 2,
      });
    } finally {
      await client.stop();
    }
  });

  it('the frame check used above rejects a stray line on stdout and a body that is not JSON-RPC', () => {
    const valid = frame('{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"é"}}');
    assert.equal(parseFrames(Buffer.from(valid + valid)).length, 2);
    assert.throws(() => parseFrames(Buffer.from(`${valid}linting...\n${valid}`)), /not a Content-Length or Content-Type header, "linting\.\.\.\\nContent-Length: \d+"/);
    assert.throws(() => parseFrames(Buffer.from(frame('{"id":1}'))), /not JSON-RPC 2\.0/);
    assert.throws(() => parseFrames(Buffer.from(valid.slice(0, -1))), /cut short/);
  });
});
