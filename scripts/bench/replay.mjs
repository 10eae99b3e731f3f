// The engine without the protocol: replays lsp-bench's edits on a file in a fresh node process and times, per edit,
// against yaml's parseAllDocuments of just the edited document: the edit as the server applies it (ChunkedText.replace,
// then ManifestLinter.lintChunks of the chunks it keeps), and ManifestLinter.lint() of the whole edited text.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Runs the replay in a child. `engine` is the engine bundled to CommonJS (see tree.mjs), `edits` lsp-bench's edits of
 * one run ({ line }). Returns, per edit, { line, editMs, lintMs, parseMs, lines }, warm medians: the edit and lint()
 * alternate between the text before and after the edit, so each call re-checks the edited document, as a keystroke
 * there does.
 */
export function replayEdits(engine, yamlEntry, file, edits) {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', engine, yamlEntry, file, JSON.stringify(edits)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`engine replay failed: ${out.stderr.trim().split('\n').pop()}`);
  return JSON.parse(out.stdout);
}

/** lsp-bench's edit: a number's last digit moves by one (9 becomes 8), a word gets an x. */
function edited(line) {
  return line.replace(/(: +)([A-Za-z0-9][A-Za-z0-9._/-]*)(\s*)$/, (_, colon, value, tail) => {
    if (!/^\d+(\.\d+)?$/.test(value)) return `${colon}${value}x${tail}`;
    const digit = Number(value.at(-1));
    return `${colon}${value.slice(0, -1)}${digit === 9 ? 8 : digit + 1}${tail}`;
  });
}

/** The lines of the document around 0-based `index`, split at `---` / `...` lines as lsp-bench splits. */
function documentAround(lines, index) {
  const marker = /^(---|\.\.\.)(\s|$)/;
  let start = index;
  while (start > 0 && !marker.test(lines[start - 1])) start--;
  let end = index;
  while (end < lines.length && !marker.test(lines[end])) end++;
  return lines.slice(start, end);
}

/** The warm median of `fn(i)`: a few calls to warm up, then calls until ~100 ms or 100 calls. */
function warmMedian(fn) {
  for (let i = 0; i < 4; i++) fn(i);
  const times = [];
  const begin = performance.now();
  while (times.length < 100 && (times.length < 6 || performance.now() - begin < 100)) {
    const t = performance.now();
    fn(times.length);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

function child([enginePath, yamlEntry, file, editsJson]) {
  const require = createRequire(import.meta.url);
  const { ChunkedText, ManifestLinter } = require(enginePath);
  const { parseAllDocuments } = require(yamlEntry);
  const lines = readFileSync(file, 'utf8').split('\n');
  const linter = new ManifestLinter();
  linter.lint(lines.join('\n')); // the open: every document parsed and checked once
  const chunked = new ChunkedText(lines.join('\n'));
  const incremental = new ManifestLinter();
  incremental.lintChunks(chunked.chunks);
  const result = [];
  for (const { line } of JSON.parse(editsJson)) {
    const before = lines.join('\n');
    const lineStart = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    const original = lines[line - 1];
    lines[line - 1] = edited(original);
    const texts = [lines.join('\n'), before];
    const lintMs = warmMedian((i) => linter.lint(texts[i % 2]));
    linter.lint(texts[0]);
    // The same edit and its undo, as didChange ranges: replace the line's text, then lint the chunks.
    const versions = [lines[line - 1], original];
    let current = original;
    const editMs = warmMedian((i) => {
      const next = versions[i % 2];
      chunked.replace(lineStart, lineStart + current.length, next);
      current = next;
      incremental.lintChunks(chunked.chunks);
    });
    if (current !== lines[line - 1]) {
      chunked.replace(lineStart, lineStart + current.length, lines[line - 1]);
      incremental.lintChunks(chunked.chunks);
    }
    const document = documentAround(lines, line - 1).join('\n');
    result.push({ line, editMs, lintMs, parseMs: warmMedian(() => parseAllDocuments(document)), lines: document.split('\n').length });
  }
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[2] === '--child') child(process.argv.slice(3));
