// Times the editor's requests on a 70k-line file: code actions at a finding, fix-all's resolve, hover on a key and on a
// probe, completion in a container — median and p90 over N requests each. A benchmark, never part of npm test.
// Usage: npm run build && node scripts/bench-requests.mjs [--requests N] [--shared DIR] [--only TEXT] [--cpu-prof DIR] [--write]
// (--only: the requests whose name holds TEXT; --cpu-prof: the server's profile, best with `node scripts/build.mjs --dev`;
// --write: the table into BENCHMARKS.md's section SECTION, which npm run bench keeps when it rewrites the file)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const requests = Number(option('--requests', 30));
const shared = path.resolve(ROOT, option('--shared', '../shared'));
const cpuProf = option('--cpu-prof', undefined);
const only = option('--only', '');
const source = path.join(shared, 'corpus/argo-cd/manifests/install.yaml');
export const SECTION = '## Requests on a 70k-line file';
if (!existsSync(source)) {
  console.log(`bench-requests: skipped, ${source} is not here; nothing was measured.`);
  process.exit(0);
}

// Two copies of argo-cd's install.yaml, one after the other: 68,832 lines, 118 documents. Built at run time into a
// temp folder; nothing generated is kept.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-requests-'));
const one = readFileSync(source, 'utf8');
const text = `${one.trimEnd()}\n---\n${one}`;
const file = path.join(tmp, 'install-x2.yaml');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const lines = text.split('\n');

const nodeArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : [];
const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const settings = { enable: true, rules: {}, probeTimeline: { codeLens: true }, completion: { enable: true }, hover: { enable: true } };
connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'kubewright' ? settings : null)));
connection.onRequest(rpc.RegistrationRequest.type, () => null);
connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
let published;
const firstDiagnostics = new Promise((resolve) => (published = resolve));
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => params.uri === uri && published(params.diagnostics));
connection.listen();

try {
  await main();
} finally {
  await connection.sendRequest(rpc.ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(rpc.ExitNotification.type);
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true }, hover: { contentFormat: ['markdown'] } },
    },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  let start = performance.now();
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await firstDiagnostics;
  const openMs = performance.now() - start;

  // Everything is looked up in the second copy, where offsets and line numbers are largest.
  const half = lines.length >> 1;
  const lineOf = (re) => {
    const i = lines.findIndex((l, n) => n > half && re.test(l));
    if (i < 0) throw new Error(`no line matches ${re}`);
    return i;
  };
  const at = (line, character) => ({ textDocument: { uri }, position: { line, character } });
  const imageLine = lineOf(/^\s+image: /);
  const keyColumn = lines[imageLine].indexOf('image');
  const probeLine = lineOf(/^\s+(liveness|readiness)Probe:/);
  const probeColumn = lines[probeLine].search(/\S/) + 1;

  // The first finding in the second copy that offers a quick fix; its code actions also carry the fix-all action.
  // Its first request builds and checks its fixes; later ones at the same finding reuse them: both are reported.
  let finding;
  let fixAll;
  let firstMs;
  for (const diagnostic of diagnostics.filter((d) => d.range.start.line > half)) {
    start = performance.now();
    const actions = await codeActions(diagnostic);
    firstMs = performance.now() - start;
    if (actions.some((a) => a.kind === 'quickfix' && a.edit)) {
      finding = diagnostic;
      fixAll = actions.find((a) => a.data);
      break;
    }
  }
  if (!finding || !fixAll) throw new Error('no finding with a quick fix and fix-all in the second copy');

  const cases = [
    [`textDocument/codeAction at a finding (${finding.code}, line ${finding.range.start.line + 1})`, () => codeActions(finding)],
    ['codeAction/resolve of fix-all (whole file)', () => connection.sendRequest(rpc.CodeActionResolveRequest.type, fixAll)],
    [`textDocument/hover on a key (image, line ${imageLine + 1})`, () => connection.sendRequest(rpc.HoverRequest.type, at(imageLine, keyColumn + 2))],
    [`textDocument/hover on a probe (line ${probeLine + 1})`, () => connection.sendRequest(rpc.HoverRequest.type, at(probeLine, probeColumn))],
    [`textDocument/completion in a container (line ${imageLine + 1}, after "im")`, () => connection.sendRequest(rpc.CompletionRequest.type, at(imageLine, keyColumn + 2))],
  ];
  const rows = [];
  for (const [name, send] of cases.filter(([name]) => name.includes(only))) {
    const times = [];
    for (let i = 0; i < requests; i++) {
      start = performance.now();
      const answer = await send();
      times.push(performance.now() - start);
      if (i === 0 && !answer) throw new Error(`${name}: no answer`);
    }
    times.sort((a, b) => a - b);
    rows.push({ name, median: times[times.length >> 1], p90: times[Math.min(times.length - 1, Math.floor(times.length * 0.9))] });
  }
  const shown = argv.filter((a) => a !== '--write').join(' ');
  const report = [
    SECTION,
    '',
    `\`node scripts/bench-requests.mjs${shown ? ` ${shown}` : ''}\` on ${new Date().toISOString().slice(0, 10)} (${os.availableParallelism()} CPUs, Node ${process.version}): ` +
      `argo-cd's install.yaml twice in one file, ${lines.length.toLocaleString('en')} lines, ${diagnostics.length} diagnostics (open → first diagnostics ${openMs.toFixed(0)} ms). ` +
      'One request at a time, after the diagnostics; targets are in the second copy. One frame of editor time is 16 ms.',
    '',
    `| request (${requests} each) | median ms | p90 ms |`,
    '| --- | ---: | ---: |',
    ...rows.map((row) => `| ${row.name} | ${row.median.toFixed(1)} | ${row.p90.toFixed(1)} |`),
    '',
    `The first textDocument/codeAction at that finding, which builds its fixes and re-parses its document once per fix to check it: ${firstMs.toFixed(1)} ms; later requests there reuse them.`,
    '',
  ].join('\n');
  console.log(report);
  if (argv.includes('--write')) writeSection(path.join(ROOT, 'BENCHMARKS.md'), report);
}

/** Puts the section in place of an earlier one, or before ## Setup. */
function writeSection(file, section) {
  const old = readFileSync(file, 'utf8');
  const at = old.indexOf(SECTION);
  const next = at >= 0 ? old.indexOf('\n## ', at + SECTION.length) : -1;
  const updated = at >= 0 ? old.slice(0, at) + section + (next >= 0 ? old.slice(next + 1) : '')
    : old.includes('\n## Setup') ? old.replace('\n## Setup', `\n${section}\n## Setup`) : `${old.trimEnd()}\n\n${section}`;
  writeFileSync(file, updated);
}

function codeActions(diagnostic) {
  return connection.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}
