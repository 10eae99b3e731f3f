// Writes docs/rules/<id>.md for every rule, docs/rules/README.md and the README's rule table, from the rules'
// meta in the compiled engine (run `npx tsc -b` first). The generated files are committed.
// Usage: node scripts/gen-docs.mjs [--check]
//   --check: write nothing; exit 1 naming every file that differs from what would be generated (for CI).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { RULES_DIR, generatedFiles } = require('./rule-docs.cjs');

function loadRules() {
  const enginePath = path.join(root, 'out/server/src/engine/index.js');
  if (!fs.existsSync(enginePath)) {
    console.error(`gen-docs: ${path.relative(root, enginePath)} is missing; run \`npx tsc -b\` first`);
    process.exit(2);
  }
  return require(enginePath).allRules;
}

const readOrNull = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

const check = process.argv.includes('--check');
const metas = loadRules().map((rule) => rule.meta);
const files = generatedFiles(metas, fs.readFileSync(path.join(root, 'README.md'), 'utf8'));

fs.mkdirSync(path.join(root, RULES_DIR), { recursive: true });
// A page whose rule is gone would still be linked from old diagnostics and search results: remove it.
const strayPages = fs
  .readdirSync(path.join(root, RULES_DIR))
  .map((name) => `${RULES_DIR}/${name}`)
  .filter((rel) => rel.endsWith('.md') && !files.has(rel));

const stale = [...files].filter(([rel, text]) => readOrNull(path.join(root, rel)) !== text).map(([rel]) => rel);

if (check) {
  if (stale.length === 0 && strayPages.length === 0) process.exit(0);
  for (const rel of stale) console.error(`stale: ${rel}`);
  for (const rel of strayPages) console.error(`no such rule: ${rel}`);
  console.error('gen-docs: run `npm run docs` and commit the result');
  process.exit(1);
}

for (const rel of stale) fs.writeFileSync(path.join(root, rel), files.get(rel));
for (const rel of strayPages) fs.rmSync(path.join(root, rel));
console.log(`gen-docs: ${files.size} files, ${stale.length} updated, ${strayPages.length} removed`);
