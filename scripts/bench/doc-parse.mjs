// The lower bound for one edit: how long yaml's parseAllDocuments takes on just the `---` document an edit touched.
// Timed in a fresh node process (as lsp-bench times the whole-file parse), warm: the median of repeated calls.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The text of the document holding 1-based `line`, split at `---` / `...` lines as lsp-bench splits for its edits. */
export function documentAround(lines, line) {
  const marker = /^(---|\.\.\.)(\s|$)/;
  let start = line - 1;
  while (start > 0 && !marker.test(lines[start - 1])) start--;
  let end = line - 1;
  while (end < lines.length && !marker.test(lines[end])) end++;
  return { startLine: start + 1, text: lines.slice(start, end).join('\n') };
}

/**
 * For each 1-based line, the warm median time (ms) of parsing the document that holds it. Documents edited more
 * than once are timed once. Returns { byLine: Map<line, ms>, lines: Map<line, document line count> }.
 */
export function timeEditedDocuments(file, editLines, yamlEntry) {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', pathToFileURL(yamlEntry).href, file, editLines.join(',')], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`document parse timing failed: ${out.stderr.trim().split('\n').pop()}`);
  return new Map(JSON.parse(out.stdout));
}

/** In the child: warm each document up, then time calls until ~200 ms or 200 calls per document. */
async function child([yamlUrl, file, lineList]) {
  const yaml = await import(yamlUrl);
  const { parseAllDocuments } = typeof yaml.parseAllDocuments === 'function' ? yaml : yaml.default;
  const lines = readFileSync(file, 'utf8').split('\n');
  const byStart = new Map();
  const result = [];
  for (const line of lineList.split(',').map(Number)) {
    const document = documentAround(lines, line);
    let ms = byStart.get(document.startLine);
    if (ms === undefined) {
      for (let i = 0; i < 5; i++) parseAllDocuments(document.text);
      const times = [];
      const begin = performance.now();
      while (times.length < 200 && (times.length < 10 || performance.now() - begin < 200)) {
        const t = performance.now();
        parseAllDocuments(document.text);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      ms = times[times.length >> 1];
      byStart.set(document.startLine, ms);
    }
    result.push([line, { ms, lines: document.text.split('\n').length }]);
  }
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
