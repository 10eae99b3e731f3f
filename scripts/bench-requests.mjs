// Times the editor's requests on a 70k-line file: code actions at a finding (the first request at each finding and
// repeated ones), resolving a quick fix and fix-all, hover on a key and on a probe, completion in a container — median
// and p90 over N requests each. A benchmark, never part of npm test.
// Usage: npm run build && node scripts/bench-requests.mjs [--requests N] [--shared DIR] [--only TEXT] [--cpu-prof DIR] [--write]
// (--only: the requests whose name holds TEXT; --cpu-prof: the servers' profiles, best with `node scripts/build.mjs --dev`;
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
// Everything is looked up in the second copy, where offsets and line numbers are largest.
const half = lines.length >> 1;

/** VS Code's code action capabilities: it fills in an action's edit through codeAction/resolve when it is picked. */
const RESOLVES_EDITS = { resolveSupport: { properties: ['edit'] }, dataSupport: true };

/** A server with the file open and its first diagnostics in. */
async function startServer(codeAction) {
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
  const stop = async () => {
    await connection.sendRequest(rpc.ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(rpc.ExitNotification.type);
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    connection.dispose();
  };
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: { codeAction, hover: { contentFormat: ['markdown'] } },
    },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const start = performance.now();
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await firstDiagnostics;
  return { connection, diagnostics, openMs: performance.now() - start, stop };
}

const servers = [];
try {
  await main();
} finally {
  for (const server of servers) await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  const server = await startServer(RESOLVES_EDITS);
  servers.push(server);
  const { connection, diagnostics, openMs } = server;
  const at = (line, character) => ({ textDocument: { uri }, position: { line, character } });
  const lineOf = (re) => {
    const i = lines.findIndex((l, n) => n > half && re.test(l));
    if (i < 0) throw new Error(`no line matches ${re}`);
    return i;
  };
  const imageLine = lineOf(/^\s+image: /);
  const keyColumn = lines[imageLine].indexOf('image');
  const probeLine = lineOf(/^\s+(liveness|readiness)Probe:/);
  const probeColumn = lines[probeLine].search(/\S/) + 1;

  // The first request at a finding builds its fixes (and, for a client that cannot resolve edits, checks each one);
  // later requests there reuse them. The first finding with a quick fix is where the repeated requests go; its code
  // actions also carry the fix-all action.
  const isQuickFix = (a) => a.kind === 'quickfix' && a.data && !a.title.startsWith('Fix all');
  const first = await firstRequests(connection, diagnostics);
  const target = first.find((f) => f.actions.some(isQuickFix));
  if (!target) throw new Error('no finding with a quick fix in the second copy');
  const finding = target.diagnostic;
  const fixAll = target.actions.find((a) => a.data && a.title.startsWith('Fix all'));
  const quickFix = target.actions.find((a) => isQuickFix(a) && a.isPreferred) ?? target.actions.find(isQuickFix);
  if (!fixAll) throw new Error('no fix-all action at the finding');
  // Resolving a quick fix applies it in memory and re-parses its document, once: the first resolve does that.
  let start = performance.now();
  const resolvedFix = await connection.sendRequest(rpc.CodeActionResolveRequest.type, quickFix);
  const firstResolveMs = performance.now() - start;
  if (!resolvedFix.edit) throw new Error(`"${quickFix.title}" resolved without an edit: ${resolvedFix.disabled?.reason}`);

  const cases = [
    [`textDocument/codeAction at a finding, repeated (${finding.code}, line ${finding.range.start.line + 1})`, () => codeActions(connection, finding)],
    [`codeAction/resolve of its quick fix, repeated ("${quickFix.title}")`, () => connection.sendRequest(rpc.CodeActionResolveRequest.type, quickFix)],
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
    rows.push({ name, first: times[0], ...summary(times) });
  }
  await server.stop();
  servers.pop();

  // The same first requests from a client that takes edits in the list only: every fix is checked before it is sent.
  const eager = await startServer({});
  servers.push(eager);
  const eagerFirst = await firstRequests(eager.connection, eager.diagnostics);
  const eagerAtTarget = eagerFirst.find((f) => JSON.stringify(f.diagnostic.range) === JSON.stringify(finding.range)).ms;

  const firstRow = (name, times) => ({ name, ...summary(times) });
  rows.unshift(
    firstRow(`textDocument/codeAction, the first at each of the ${first.length} places with findings in the second copy (over places; edits resolved when picked, as VS Code)`, first.map((f) => f.ms)),
    firstRow('… the same, from a client that takes edits in the list (each fix checked before it is listed)', eagerFirst.map((f) => f.ms)),
  );
  const shown = argv.filter((a) => a !== '--write').join(' ');
  const report = [
    SECTION,
    '',
    `\`node scripts/bench-requests.mjs${shown ? ` ${shown}` : ''}\` on ${new Date().toISOString().slice(0, 10)} (${os.availableParallelism()} CPUs, Node ${process.version}): ` +
      `argo-cd's install.yaml twice in one file, ${lines.length.toLocaleString('en')} lines, ${diagnostics.length} diagnostics (open → first diagnostics ${openMs.toFixed(0)} ms). ` +
      'One request at a time, after the diagnostics; targets are in the second copy. One frame of editor time is 16 ms.',
    '',
    `| request (${requests} each unless said) | first ms | median ms | p90 ms |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.name} | ${row.first === undefined ? '' : row.first.toFixed(1)} | ${row.median.toFixed(1)} | ${row.p90.toFixed(1)} |`),
    '',
    `The first textDocument/codeAction at that finding (line ${finding.range.start.line + 1}): ${target.ms.toFixed(1)} ms; from a client that takes edits in the list, ${eagerAtTarget.toFixed(1)} ms. ` +
      `The first codeAction/resolve of "${quickFix.title}", which applies it in memory and re-parses its document to check it: ${firstResolveMs.toFixed(1)} ms; later ones reuse the check.`,
    '',
  ].join('\n');
  console.log(report);
  if (argv.includes('--write')) writeSection(path.join(ROOT, 'BENCHMARKS.md'), report);
}

/**
 * The first code-action request at each place in the second copy with findings, timed, with the actions it answered.
 * Findings on one range (a container's name) share one request: it builds the fixes of all of them.
 */
async function firstRequests(connection, diagnostics) {
  const answers = [];
  const asked = new Set();
  for (const diagnostic of diagnostics.filter((d) => d.range.start.line > half)) {
    const place = JSON.stringify(diagnostic.range);
    if (asked.has(place)) continue;
    asked.add(place);
    const start = performance.now();
    const actions = await codeActions(connection, diagnostic);
    answers.push({ diagnostic, actions, ms: performance.now() - start });
  }
  if (answers.length === 0) throw new Error('no finding in the second copy');
  return answers;
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] };
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

function codeActions(connection, diagnostic) {
  return connection.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}
