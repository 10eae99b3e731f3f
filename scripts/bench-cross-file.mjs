// Times the cross-file work of one keystroke in an open document, in process: argo-cd's manifests folder indexed as the
// server's scan does, install.yaml open, then edits spread over its documents (as lsp-bench plans them: replicas first,
// else a label value, else a name), each followed by the file's cross-file findings. A benchmark, never part of npm test.
// Usage: npx tsc -b && node --expose-gc scripts/bench-cross-file.mjs [--edits N] [--from-scratch] [--shared DIR]
// (--from-scratch: setFile on the whole text and lintWorkspace per edit, which is what the server did before
// CrossFileFindings; default: setChunks with the unchanged chunks' strings kept, and CrossFileFindings)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const edits = Number(option('--edits', 60));
const fromScratch = argv.includes('--from-scratch');
const folder = path.join(path.resolve(ROOT, option('--shared', '../shared')), 'corpus/argo-cd/manifests');
if (!existsSync(folder)) {
  console.log(`bench-cross-file: skipped, ${folder} is not here; nothing was measured.`);
  process.exit(0);
}
const engine = require(path.join(ROOT, 'out/server/src/engine/index.js'));
const { parseChunkText, splitChunks } = require(path.join(ROOT, 'out/server/src/engine/parse.js'));

const yamlFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));

/** The place an edit changes in a chunk: a `key: value` line's plain value, by lsp-bench's preference. */
function siteIn(chunkText) {
  let best;
  let labels = -1; // the indent of an open `labels:` block
  let at = 0;
  for (const line of chunkText.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (labels >= 0 && line.trim() && indent <= labels) labels = -1;
    if (/^ *labels:\s*$/.test(line)) labels = indent;
    const m = /^( *)(- +)?([A-Za-z0-9_./-]+): +([A-Za-z0-9][A-Za-z0-9._/-]*)[ \t]*$/.exec(line);
    if (m && !['apiVersion', 'kind', 'type'].includes(m[3])) {
      const rank = m[3] === 'replicas' && /^\d+$/.test(m[4]) ? 0 : labels >= 0 ? 1 : m[3] === 'name' ? 2 : 3;
      if (!best || rank < best.rank) best = { rank, at: at + m[0].length - m[4].length, value: m[4] };
    }
    at += line.length + 1;
  }
  return best;
}

const index = new engine.WorkspaceIndex();
const files = yamlFiles(folder).sort();
for (const file of files) index.setFile(file, readFileSync(file, 'utf8'));
const key = path.join(folder, 'install.yaml');
let chunks = splitChunks(readFileSync(key, 'utf8'));
const findings = engine.CrossFileFindings && !fromScratch ? new engine.CrossFileFindings(index) : undefined;
const check = () => (findings ? findings.of(key, {}) : engine.lintWorkspace(index, {}, [key]).get(key));
check();

/** Applies the i-th planned edit: a `x` after the value, taken away again on the next visit to that document. */
const editable = chunks.map((c, i) => (siteIn(c.text) ? i : -1)).filter((i) => i >= 0);
const visited = new Set();
let parsed = new Map();
function edit(n) {
  const target = editable[Math.floor((n * editable.length) / edits) % editable.length];
  const { text } = chunks[target];
  const site = siteIn(text);
  const undo = visited.has(target) && site.value.endsWith('x');
  visited.add(target);
  const next = undo ? text.slice(0, site.at + site.value.length - 1) + text.slice(site.at + site.value.length) : text.slice(0, site.at + site.value.length) + 'x' + text.slice(site.at + site.value.length);
  let offset = 0;
  // The server's linter has parsed the edited chunk already and hands that parse over; so here, outside the timing.
  parsed = new Map([[next, parseChunkText(next)]]);
  chunks = chunks.map((c, i) => {
    const moved = { offset, text: i === target ? next : c.text };
    offset += moved.text.length;
    return moved;
  });
}

const times = [];
let changed = 0;
for (let n = 0; n < edits; n++) {
  edit(n);
  globalThis.gc?.(); // the garbage of the untimed parse above is not this edit's
  const started = performance.now();
  const others = fromScratch ? index.setFile(key, chunks.map((c) => c.text).join(''), (t) => parsed.get(t)) : index.setChunks(key, chunks, (t) => parsed.get(t));
  const found = check();
  times.push(performance.now() - started);
  if (others) changed++;
  if (!found) throw new Error('no findings answer');
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
console.log(
  `${fromScratch ? 'from scratch (setFile + lintWorkspace)' : 'incremental (setChunks + CrossFileFindings)'}: ${files.length} files, ${edits} edits ` +
    `(${changed} changed what other files depend on): per edit median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms, total ${times.reduce((a, b) => a + b, 0).toFixed(1)} ms`,
);
