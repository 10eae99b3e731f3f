// The language server's entry point, dist/server.js: a few lines that load the server itself (dist/server-main.js)
// through V8's code cache (codeCache.ts), so that every start after the first skips compiling it. The client names
// the cache folder (its global storage) with --code-cache-dir; without one it is the user's folder under the system's
// temp folder; --no-code-cache turns it off. The cache is written once the first document has its diagnostics, so
// it holds the code that linting it compiled.
import * as path from 'node:path';
import { defaultCacheFolder, loadWithCodeCache } from './codeCache';
import type { RunHooks } from './main';

function cacheFolderFromArgv(argv: readonly string[]): string | undefined {
  if (argv.includes('--no-code-cache')) return undefined;
  const at = argv.indexOf('--code-cache-dir');
  const named = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--code-cache-dir='))?.slice('--code-cache-dir='.length);
  return named || defaultCacheFolder();
}

const server = loadWithCodeCache(path.join(__dirname, 'server-main.js'), cacheFolderFromArgv(process.argv));
const { runServer } = server.exports as { runServer: (hooks: RunHooks) => void };
runServer({ afterFirstDiagnostics: () => server.saveCache() });
