// The floor under any per-edit figure through the protocol: how long one JSON-RPC round trip over stdio to the
// language server takes when the server does no work for it (a request it answers "method not found" at once). A
// keystroke's diagnostics cross the same pipes (didChange in, publishDiagnostics out), so no per-edit latency measured
// through the server can go below this. A benchmark, never part of npm test.
// Usage: npm run build && node scripts/bench-round-trip.mjs [--requests N] [--gap MS]
//   --gap: the pause between requests (default 250 ms, as lsp-bench leaves between edits: a server that has been idle
//   wakes up slower than one kept busy)
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rpc = createRequire(import.meta.url)('vscode-languageserver-protocol/node');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const requests = option('--requests', 100);
const gapMs = option('--gap', 250);

const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio', '--no-code-cache'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => null));
connection.onRequest(rpc.RegistrationRequest.type, () => null);
connection.listen();
await connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
await connection.sendNotification(rpc.InitializedNotification.type, {});

const times = [];
for (let i = 0; i < requests; i++) {
  await new Promise((resolve) => setTimeout(resolve, gapMs));
  const start = performance.now();
  await connection.sendRequest('kubewright/no-such-request', {}).catch(() => undefined);
  times.push(performance.now() - start);
}
await connection.sendRequest(rpc.ShutdownRequest.type);
await connection.sendNotification(rpc.ExitNotification.type);
connection.dispose();

times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(2);
console.log(`round trip to an idle server, ${requests} requests ${gapMs} ms apart: min ${at(0)} ms, median ${at(0.5)} ms, p90 ${at(0.9)} ms`);
