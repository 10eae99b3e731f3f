// The server's start through V8's code cache (dist/server.js loading dist/server-main.js): the first start writes the
// cache into the folder the client names once the first document has its diagnostics, and the next start uses it
// (writes nothing) and publishes the same diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from './harness';
import { LIVENESS_HTTP, untitledUri } from './expectations';

describe('lsp: the code cache', () => {
  let folder: string;

  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-server-cache-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Starts a server with the cache in `folder`, publishes one document, shuts down; returns its diagnostics. */
  async function oneSession(name: string): Promise<unknown> {
    const { client } = await LspTestClient.start({ serverArgs: ['--code-cache-dir', folder] });
    try {
      const uri = untitledUri(name);
      client.open(uri, LIVENESS_HTTP);
      const { diagnostics } = await client.nextPublish(uri);
      assert.deepEqual(await client.shutdown(), { code: 0, signal: null });
      return diagnostics;
    } finally {
      await client.stop();
    }
  }

  const caches = () => fs.readdirSync(folder).map((name) => ({ name, written: fs.statSync(path.join(folder, name)).mtimeMs }));

  it('is written by the first start and used by the next, which publishes the same diagnostics', async () => {
    const first = await oneSession('cache-first');
    const written = caches();
    assert.equal(written.length, 1);
    assert.match(written[0].name, /^server-main-[0-9a-f]{24}\.cache$/);

    const second = await oneSession('cache-second');
    assert.deepEqual(second, first);
    assert.deepEqual(caches(), written, 'the second start took the cache, so it wrote none');
  });

  it('is not written with --no-code-cache', async () => {
    const { client } = await LspTestClient.start({ serverArgs: ['--code-cache-dir', folder, '--no-code-cache'] });
    try {
      const uri = untitledUri('no-cache');
      client.open(uri, LIVENESS_HTTP);
      assert.equal((await client.nextPublish(uri)).diagnostics.length, 5);
      assert.deepEqual(await client.shutdown(), { code: 0, signal: null });
    } finally {
      await client.stop();
    }
    assert.deepEqual(caches(), []);
  });
});
