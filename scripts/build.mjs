// Bundles the shipped programs with esbuild: the VS Code client, the language server (a small launcher, dist/server.js,
// that loads dist/server-main.js through V8's code cache) and the CLI; and writes the Kubernetes schema beside them.
// Usage: node scripts/build.mjs [--watch] [--dev]   (--dev: no minifying, with source maps, for debugging)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureSchema, OUTPUT as SCHEMA_JSON } from './gen-schema.mjs';
import { schemaLinesText } from './schema-lines.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

/** The files the language server needs in dist/ (.vscodeignore ships them; the benchmark copies them). */
export const SERVER_FILES = ['server.js', 'server-main.js', 'k8s-schema.jsonl'];
const SCHEMA_LINES = path.join(ROOT, 'dist/k8s-schema.jsonl');

/**
 * The bundles read the schema from dist/k8s-schema.jsonl, a type at a time, instead of carrying it as one 530 kB object
 * literal that every start would compile and build: the engine's import of the JSON gets bundled-schema.ts instead.
 */
const schemaFromFile = {
  name: 'schema-from-file',
  setup(build) {
    build.onResolve({ filter: /[\\/]generated[\\/]k8s-schema\.json$/ }, () => ({
      path: path.join(ROOT, 'server/src/engine/schema/bundled-schema.ts'),
    }));
  },
};

/**
 * esbuild converts a CommonJS package for each ES module that imports it, copying all its exports again: 36 modules
 * import yaml and 9 vscode-languageserver (hundreds of exports), which cost the server's start 3 ms. Here every module
 * of ours imports them through one ES module that re-exports the package, converted once.
 */
const SHARED_PACKAGES = /^(yaml|vscode-languageserver)$/;
const sharedInterop = {
  name: 'shared-interop',
  setup(build) {
    build.onResolve({ filter: SHARED_PACKAGES }, (args) =>
      args.namespace === 'shared-interop' ? undefined : { path: args.path, namespace: 'shared-interop' },
    );
    build.onLoad({ filter: /.*/, namespace: 'shared-interop' }, (args) => ({
      contents: `export * from '${args.path}';`,
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * vscode-languageserver/node loads child_process at start for helpers the server never calls (resolving global npm
 * and yarn folders); loading it costs a start about a millisecond. The bundle loads it when one is called.
 */
const LANGUAGE_SERVER_FILES = /[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/;
const EAGER_CHILD_PROCESS = 'const child_process_1 = require("child_process");';
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: LANGUAGE_SERVER_FILES }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes(EAGER_CHILD_PROCESS)) {
        return { contents: source, loader: 'js', warnings: [{ text: 'lazy-child-process: the line it replaces is gone; child_process loads at start' }] };
      }
      const lazy = 'const child_process_1 = { get fork() { return require("child_process").fork; }, get spawnSync() { return require("child_process").spawnSync; } };';
      return { contents: source.replace(EAGER_CHILD_PROCESS, lazy), loader: 'js' };
    });
  },
};

function writeSchemaLines() {
  fs.mkdirSync(path.dirname(SCHEMA_LINES), { recursive: true });
  fs.writeFileSync(SCHEMA_LINES, schemaLinesText(JSON.parse(fs.readFileSync(SCHEMA_JSON, 'utf8'))));
}

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
  { ...common, entryPoints: ['server/src/launch.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js', plugins: [schemaFromFile, sharedInterop, lazyChildProcess] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [schemaFromFile, sharedInterop] },
];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The engine imports the generated Kubernetes schema; (re)generate it first, unless it is newer than its sources.
  const schema = ensureSchema();
  if (schema !== 'fresh') console.error(`gen-schema: ${schema}`);
  writeSchemaLines();

  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    console.error('esbuild: watching client/, server/ for changes');
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  }
}
