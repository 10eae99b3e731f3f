// Server start to first diagnostics, for comparing builds: fresh servers of each command in turn (so all see the same
// machine load), one lsp-bench run each, and the medians of spawn → initialize answer, open → first publish, and both.
// A benchmark, never part of npm test. Without --server it compares a first start (no code cache) with a start that
// finds the cache an uncounted first run wrote.
// Usage: node scripts/bench-start.mjs [--runs N] [--file FILE] [--shared DIR] [--server LABEL=COMMAND]...
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 10));
const shared = path.resolve(ROOT, option('--shared', '../shared'));
const file = path.resolve(option('--file', path.join(shared, 'corpus/kubernetes-examples/web/guestbook/all-in-one/redis-replica.yaml')));
const benchScript = path.join(shared, 'bench/lsp-bench.mjs');
if (!existsSync(benchScript)) {
  console.log(`bench-start: skipped, ${benchScript} is not here; nothing was measured.`);
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-bench-start-'));
const server = path.join(ROOT, 'dist/server.js');
const given = argv.flatMap((arg, i) => (argv[i - 1] === '--server' ? [arg] : []));
const specs = given.length
  ? given
  : [`first-start=node ${server} --stdio --no-code-cache`, `cached=node ${server} --stdio --code-cache-dir ${path.join(tmp, 'code-cache')}`];
const servers = specs.map((spec) => ({ label: spec.slice(0, spec.indexOf('=')), command: spec.slice(spec.indexOf('=') + 1), init: [], open: [], start: [] }));
const settings = path.join(tmp, 'settings.json');
writeFileSync(settings, JSON.stringify({ kubewright: {} }));

/** One fresh server of `command` on the file: lsp-bench's figures for its only run. */
function startOnce(command) {
  const args = [benchScript, '--server', command, '--settings', settings, '--sync', 'incremental', '--edits', '0', '--runs', '1', '--settle', '200', '--json', '--quiet', file];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).runs_detail[0];
}

try {
  // Not counted: reads the files into the OS cache for all, and writes the code cache for a server that keeps one.
  for (const s of servers) startOnce(s.command);
  const loads = [];
  for (let run = 0; run < runs; run++) {
    // Every other round in reverse order, so no server always runs right after another.
    for (const s of run % 2 ? [...servers].reverse() : servers) {
      const detail = startOnce(s.command);
      s.init.push(detail.init_ms);
      s.open.push(detail.open.first_ms);
      s.start.push(detail.init_ms + detail.open.first_ms);
    }
    loads.push(os.loadavg()[0]);
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const ms = (values) => `${median(values).toFixed(1)} (min ${Math.min(...values).toFixed(1)})`;
  console.log(`${path.relative(ROOT, file)}, ${runs} fresh servers each, medians in ms; load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
  for (const s of servers) console.log(`${s.label.padEnd(14)} start → first diagnostics ${ms(s.start)}  initialize ${ms(s.init)}  open → first ${ms(s.open)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
