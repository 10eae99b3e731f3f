// Runs a CommonJS bundle through V8's code cache: the bytecode V8 compiled for it in an earlier run is read from a
// cache folder instead of compiling the bundle's source again, which is most of the language server's start-up.
// A cache made by another bundle, Node, V8 or architecture is never used (its name says what made it, and V8 checks
// its version and flags too); a cache folder that other users could write to is never read.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CachedModule {
  exports: unknown;
  /** True when V8 took the cached bytecode; false on a first run, or when there was no usable cache. */
  cacheAccepted: boolean;
  /**
   * Writes the cache when there was none to use. Call it once the module has done its typical work: V8 compiles a
   * function when it first runs, and the cache holds what was compiled by then. Never throws.
   */
  saveCache(): void;
}

/** The folder for the cache when the client names none: the user's own, under the system's temp folder. */
export function defaultCacheFolder(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : (os.userInfo().username || 'user');
  return path.join(os.tmpdir(), `kubewright-code-cache-${user}`);
}

/**
 * Creates the folder if needed; true when it can hold a cache: a real folder (not a link), and on POSIX owned by
 * this user and writable by no one else, since V8 trusts what it deserializes.
 */
export function usableCacheFolder(folder: string): boolean {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory()) return false;
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * What the cache's name depends on: the source (V8 itself checks only its length) and the Node, V8 and architecture
 * that compiled it. V8 also rejects a cache made under other flags (--inspect, --nolazy); it is then written again.
 */
function cacheKey(source: string): string {
  return createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.versions.v8}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
}

/** Loads `file` as a CommonJS module, using and later making a cache in `cacheFolder` (none: no cache). */
export function loadWithCodeCache(file: string, cacheFolder: string | undefined): CachedModule {
  const source = fs.readFileSync(file, 'utf8');
  const stem = path.basename(file, '.js');
  const cacheFile = cacheFolder && usableCacheFolder(cacheFolder) ? path.join(cacheFolder, `${stem}-${cacheKey(source)}.cache`) : undefined;
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const cacheAccepted = cachedData !== undefined && !script.cachedDataRejected;

  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));

  let saved = cacheAccepted || cacheFile === undefined;
  return {
    exports: module.exports,
    cacheAccepted,
    saveCache() {
      if (saved || cacheFile === undefined) return;
      saved = true;
      writeCache(cacheFile, stem, script.createCachedData());
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Caches kept per bundle name: a few versions in use at once (two windows, an update) do not evict each other. */
const CACHES_KEPT = 3;

/** Writes beside and renames, so a server starting meanwhile reads a whole cache or none; drops the oldest caches. */
function writeCache(cacheFile: string, stem: string, data: Buffer): void {
  const folder = path.dirname(cacheFile);
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, data, { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
    const caches = fs
      .readdirSync(folder)
      .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.cache'))
      .map((name) => ({ file: path.join(folder, name), written: fs.statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { file } of caches.slice(CACHES_KEPT)) fs.rmSync(file, { force: true });
  } catch {
    // A cache that cannot be written only means the next start compiles again.
    fs.rmSync(partial, { force: true });
  }
}
