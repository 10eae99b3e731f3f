// The code cache the language server starts with (server/src/codeCache.ts): a module runs the same with or without it,
// a second load takes the bytecode the first saved, and a cache V8 cannot use, or a folder others could write to, is
// passed over without harm. Each load runs in a new process, as the server does: within one process V8 answers a
// second compile of the same source from memory and never looks at the cache.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { usableCacheFolder } from '../../server/src/codeCache';

const CODE_CACHE_MODULE = path.resolve(__dirname, '../../server/src/codeCache.js');

interface Load {
  cacheAccepted: boolean;
  greeting: string;
  folder: string;
  file: string;
  isMain: boolean;
  version?: number;
}

/** Loads `moduleFile` in a new Node process, greets `name` with it, and saves the cache when `save` is set. */
function loadInChild(moduleFile: string, cacheFolder: string | undefined, name: string, save = true): Load {
  const script = `
    const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE_MODULE)});
    const loaded = loadWithCodeCache(${JSON.stringify(moduleFile)}, ${JSON.stringify(cacheFolder)});
    const m = loaded.exports;
    if (${save}) loaded.saveCache();
    process.stdout.write(JSON.stringify({ cacheAccepted: loaded.cacheAccepted, greeting: m.greet(${JSON.stringify(name)}),
      folder: m.folder, file: m.file, isMain: m.isMain, version: m.version }));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Load;
}

const MODULE_SOURCE = `
const path = require('node:path');
function greet(name) { return 'hello ' + name; }
module.exports = { greet, folder: path.basename(__dirname), file: path.basename(__filename), isMain: require.main === module };
`;

describe('code cache', () => {
  let dir: string;
  let moduleFile: string;
  let cacheFolder: string;
  const caches = () => fs.readdirSync(cacheFolder).filter((name) => name.endsWith('.cache'));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-code-cache-test-'));
    moduleFile = path.join(dir, 'bundle.js');
    fs.writeFileSync(moduleFile, MODULE_SOURCE);
    cacheFolder = path.join(dir, 'cache');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the module as CommonJS, saves its cache, and the next start takes it', () => {
    const first = loadInChild(moduleFile, cacheFolder, 'pod');
    assert.deepEqual(first, { cacheAccepted: false, greeting: 'hello pod', folder: path.basename(dir), file: 'bundle.js', isMain: false });
    assert.equal(caches().length, 1);
    assert.match(caches()[0], /^bundle-[0-9a-f]{24}\.cache$/);

    const second = loadInChild(moduleFile, cacheFolder, 'node');
    assert.equal(second.cacheAccepted, true);
    assert.equal(second.greeting, 'hello node');
  });

  it('writes no cache until asked to', () => {
    assert.equal(loadInChild(moduleFile, cacheFolder, 'pod', false).greeting, 'hello pod');
    assert.deepEqual(caches(), []);
  });

  it('passes over a cache V8 rejects, runs the module all the same, and replaces the cache', () => {
    loadInChild(moduleFile, cacheFolder, 'first');
    const cacheFile = path.join(cacheFolder, caches()[0]);
    fs.writeFileSync(cacheFile, Buffer.alloc(2048, 7));

    const loaded = loadInChild(moduleFile, cacheFolder, 'again');
    assert.deepEqual([loaded.cacheAccepted, loaded.greeting], [false, 'hello again']);
    assert.equal(loadInChild(moduleFile, cacheFolder, 'third').cacheAccepted, true);
  });

  it('never uses the cache of another version of the module, and keeps the caches of the last three', () => {
    for (let version = 1; version <= 5; version++) {
      fs.writeFileSync(moduleFile, `${MODULE_SOURCE}\nmodule.exports.version = ${version};\n`);
      const loaded = loadInChild(moduleFile, cacheFolder, 'v');
      assert.deepEqual([loaded.cacheAccepted, loaded.version], [false, version]);
    }
    assert.equal(caches().length, 3);
    assert.equal(loadInChild(moduleFile, cacheFolder, 'v').cacheAccepted, true);
  });

  it('without a folder, runs the module with no cache and writes none', () => {
    const loaded = loadInChild(moduleFile, undefined, 'x');
    assert.deepEqual([loaded.cacheAccepted, loaded.greeting], [false, 'hello x']);
    assert.deepEqual(fs.readdirSync(dir), ['bundle.js']);
  });

  it('does not use a folder that other users can write to, or a link in place of a folder', function () {
    if (typeof process.getuid !== 'function') this.skip(); // Windows: no POSIX modes; the temp folder is the user's own.
    fs.mkdirSync(cacheFolder, { mode: 0o700 });
    fs.chmodSync(cacheFolder, 0o777);
    assert.equal(usableCacheFolder(cacheFolder), false);
    assert.equal(loadInChild(moduleFile, cacheFolder, 'x').greeting, 'hello x');
    assert.deepEqual(caches(), []);

    fs.chmodSync(cacheFolder, 0o700);
    assert.equal(usableCacheFolder(cacheFolder), true);
    const link = path.join(dir, 'link');
    fs.symlinkSync(cacheFolder, link);
    assert.equal(usableCacheFolder(link), false);
  });

  it('creates a missing folder for the user alone', function () {
    if (typeof process.getuid !== 'function') this.skip();
    const nested = path.join(cacheFolder, 'a', 'b');
    assert.equal(usableCacheFolder(nested), true);
    assert.equal(fs.statSync(nested).mode & 0o777, 0o700);
  });
});
