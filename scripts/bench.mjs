// npm run bench: Kubewright's language server against yaml-language-server (Kubernetes mode) in one run, same
// files and edits, with lsp-bench from ../shared/bench; writes BENCHMARKS.md. A benchmark, never part of npm test.
// Usage: node scripts/bench.mjs [--runs N] [--edits N] [--shared DIR] [--out FILE] [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePeerSchema } from './bench/peer-schema.mjs';
import { replayEdits } from './bench/replay.mjs';
import { activeRuleIds, bundleEngine, packageSizes } from './bench/tree.mjs';
import { renderReport } from './bench/report.mjs';
import { SERVER_FILES } from './build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const runs = Number(option('--runs', 3));
const edits = Number(option('--edits', 20));
const shared = path.resolve(ROOT, option('--shared', '../shared'));
const outFile = path.resolve(ROOT, option('--out', 'BENCHMARKS.md'));

const benchScript = path.join(shared, 'bench/lsp-bench.mjs');
const swagger = path.join(shared, 'data/kubernetes-v1.36-swagger.json');
if (!existsSync(benchScript) || !existsSync(swagger)) {
  console.log(`bench: skipped, ${shared} (lsp-bench and the Kubernetes OpenAPI spec) is not here; nothing was measured.`);
  process.exit(0);
}

// The two largest files of the corpus and two typical small ones: a Deployment with its Services, and a Deployment
// with one Service.
const FILES = [
  'corpus/argo-cd/manifests/install.yaml',
  'corpus/istio/manifests/charts/base/files/crd-all.gen.yaml',
  'corpus/microservices-demo/kubernetes-manifests/frontend.yaml',
  'corpus/kubernetes-examples/web/guestbook/all-in-one/redis-replica.yaml',
].map((file) => path.join(shared, file));

const newest = (dir) =>
  Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)));
const server = path.join(ROOT, 'dist/server.js');
if (!existsSync(server) || statSync(server).mtimeMs < newest(path.join(ROOT, 'server/src'))) {
  console.error('bench: building dist/ (sources are newer than dist/server.js)');
  run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], 'inherit');
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-bench-'));
// Ctrl-C also stops the lsp-bench child (it takes its server down); the temp folder goes with the run.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}
try {
  await main();
} finally {
  if (!argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  const peerPackage = path.join(ROOT, 'node_modules/yaml-language-server/package.json');
  if (!existsSync(peerPackage)) throw new Error('yaml-language-server is not installed: run npm install');
  const peerVersion = JSON.parse(readFileSync(peerPackage, 'utf8')).version;
  const schema = writePeerSchema(swagger, path.join(tmp, 'schema'));
  // vscode-yaml's Kubernetes mode: the `kubernetes` keyword plus a version names kubernetes-json-schema's
  // standalone-strict all.json for that version; the bench client serves it (and _definitions.json) from the
  // files just written, so the server downloads nothing. The CRD store would go to the network: off.
  const schemaUrl = 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.36.0-standalone-strict';
  const peerSettings = path.join(tmp, 'yaml-language-server.json');
  writeFileSync(peerSettings, JSON.stringify({
    yaml: {
      validate: true, hover: true, completion: true, format: { enable: false }, kubernetesVersion: '1.36.0',
      schemas: { kubernetes: '*.yaml' }, schemaStore: { enable: false, url: '' }, kubernetesCRDStore: { enable: false },
      maxItemsComputed: 5000,
    },
    http: { proxy: '', proxyStrictSSL: true },
    '[yaml]': {},
    editor: {},
  }));
  // A copy, so that a build started meanwhile (npm test builds dist/) cannot change the server under measurement.
  const measured = path.join(tmp, 'dist/server.js');
  mkdirSync(path.dirname(measured));
  for (const name of SERVER_FILES) copyFileSync(path.join(ROOT, 'dist', name), path.join(tmp, 'dist', name));
  // The code cache starts empty: the first run of all is a first start ever, every later one finds the cache.
  const codeCache = path.join(tmp, 'code-cache');
  const engine = await bundleEngine(ROOT, tmp);
  const rules = activeRuleIds(engine);
  const ourSettings = path.join(tmp, 'kubewright.json');
  writeFileSync(ourSettings, JSON.stringify({ kubewright: { enable: true } }));

  const yamlEntry = path.join(ROOT, 'node_modules/yaml/dist/index.js');
  const common = ['--edits', String(edits), '--runs', String(runs), '--sync', 'incremental', '--json'];
  const ours = ['--server', `node ${measured} --stdio --code-cache-dir ${codeCache}`, '--label', 'kubewright', '--settings', ourSettings,
    '--debounce', '0', '--baseline-parse', '--yaml-module', 'node_modules/yaml'];
  // A first start ever, on the small files: no code cache to read (the server writes one after the first diagnostics).
  const oursCold = ['--server', `node ${measured} --stdio --no-code-cache`, '--label', 'kubewright-cold', '--settings', ourSettings,
    '--edits', '0', '--runs', String(runs), '--sync', 'incremental', '--json'];
  const peer = ['--server', `node ${path.join('node_modules/yaml-language-server/bin/yaml-language-server')} --stdio`,
    '--label', 'yaml-language-server', '--settings', peerSettings, '--debounce', '200',
    '--notify', 'yaml/registerContentRequest',
    '--content', `${schemaUrl}/all.json=${schema.allFile}`, '--content', `${schemaUrl}/_definitions.json=${schema.definitionsFile}`];

  const rows = [];
  for (const file of FILES) {
    // One file at a time, ours then the peer's, so both see the same machine load.
    const ourRow = lspBench([...ours, ...common, file]);
    const peerRow = lspBench([...peer, ...common, file]);
    // Every run makes the same edits: the first run's, replayed on the engine alone.
    const replay = replayEdits(engine, yamlEntry, file, ourRow.runs_detail?.[0]?.edits ?? []);
    const cold = ourRow.lines < 1000 ? lspBench([...oursCold, file]) : undefined;
    rows.push({ file: path.relative(shared, file), ours: ourRow, peer: peerRow, cold, replay });
  }

  // Where the report goes does not change a figure: --out is left out of the command it quotes.
  const shown = argv.filter((a, i) => a !== '--out' && argv[i - 1] !== '--out');
  const command = `npm run bench${shown.length ? ` -- ${shown.join(' ')}` : ''}`;
  const report = renderReport({
    date: new Date().toISOString().slice(0, 10),
    command,
    lspBenchArgs: { ours: redact(ours), cold: redact(oursCold), peer: redact(peer), common: common.join(' ') },
    machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model ?? 'unknown', memGB: os.totalmem() / 2 ** 30, node: process.version, nodeStartMs: emptyNodeMs() },
    versions: {
      kubewright: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version} (${gitDescribe()})`,
      peer: peerVersion,
      yaml: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/yaml/package.json'), 'utf8')).version,
      schema: `${schema.definitions} definitions from ${path.basename(swagger)}`,
    },
    rules,
    sizes: { ...packageSizes(ROOT, tmp), server: SERVER_FILES.reduce((sum, name) => sum + statSync(path.join(tmp, 'dist', name)).size, 0) },
    rows,
  });
  // scripts/bench-requests.mjs writes its own section, and ## Notes is written by hand: a new report keeps both,
  // before ## Setup.
  const kept = [/\n(## Requests on a 70k-line file\n[\s\S]*?)(?=\n## |$)/, /\n(## Notes\n[\s\S]*?)(?=\n## |$)/]
    .map((section) => section.exec(previous)?.[1]?.trimEnd())
    .filter(Boolean);
  writeFileSync(outFile, kept.length ? report.replace('\n## Setup', `\n${kept.join('\n\n')}\n\n## Setup`) : report);
  console.error(`bench: wrote ${path.relative(process.cwd(), outFile)}`);
}

/** The floor under any Node server's start on this machine now: spawn to exit of `node -e ''`, median of 9. */
function emptyNodeMs() {
  const times = Array.from({ length: 9 }, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[4];
}

/** Runs lsp-bench on one file; its table goes to our stderr, its JSON line comes back. */
function lspBench(args) {
  const out = run(process.execPath, [benchScript, ...args], ['ignore', 'pipe', 'inherit']);
  return JSON.parse(out.trim().split('\n').pop());
}

function run(command, args, stdio) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} failed (exit ${result.status})`);
  return result.stdout;
}

function gitDescribe() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'server/src'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return `${head || 'no git'}${dirty ? ', with uncommitted changes in server/src' : ''}`;
}

/** The lsp-bench options as a reader could retype them: temp paths shown by their role. */
function redact(args) {
  return args.map((a) => a.split(tmp).join('$TMP')).join(' ');
}
