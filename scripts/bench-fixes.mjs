// Times quick fixes on real files: linting, building one finding's fixes (what the light bulb waits for) and
// fix-all. Usage: npx tsc -b && node scripts/bench-fixes.mjs FILE...   (e.g. ../shared/corpus/argo-cd/manifests/install.yaml)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const engine = require('../out/server/src/engine/index.js');

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  let start = process.hrtime.bigint();
  const findings = new engine.ManifestLinter().lint(text);
  const lintMs = ms(start);
  const perFinding = findings.filter((f) => f.fixes).map((f) => {
    const t = process.hrtime.bigint();
    f.fixes();
    return ms(t);
  }).sort((a, b) => a - b);
  start = process.hrtime.bigint();
  const fixed = engine.fixAll(text);
  const fixAllMs = ms(start);
  const median = perFinding[perFinding.length >> 1] ?? 0;
  console.log(
    `${file}: ${text.split('\n').length} lines, ${findings.length} findings; lint ${lintMs.toFixed(1)} ms; ` +
      `one finding's fixes: median ${median.toFixed(2)} ms, max ${(perFinding.at(-1) ?? 0).toFixed(2)} ms; ` +
      `fix-all ${fixAllMs.toFixed(0)} ms (${fixed.applied} fixes)`,
  );
}
