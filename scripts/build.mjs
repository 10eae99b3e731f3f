// Bundles the three shipped programs with esbuild: the VS Code client, the language server and the CLI.
// Usage: node scripts/build.mjs [--watch] [--dev]   (--dev: no minifying, with source maps, for debugging)
import * as esbuild from 'esbuild';
import { ensureSchema } from './gen-schema.mjs';

const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  // Rule and class names stay readable in logged stack traces even when minified.
  keepNames: true,
  sourcemap: dev ? 'linked' : false,
  logLevel: 'warning',
  // vscode-languageserver-types ships a UMD build that esbuild cannot follow; prefer the module entry.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// The engine imports the generated Kubernetes schema; (re)generate it first, unless it is newer than its sources.
const schema = ensureSchema();
if (schema !== 'fresh') console.error(`gen-schema: ${schema}`);

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.error('esbuild: watching client/, server/ for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
