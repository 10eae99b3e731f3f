// Measures how long the language server takes to index a workspace folder (default ../shared/corpus): starts
// dist/server.js over stdio as the LSP tests do, and prints the time from `initialized` to the end of its progress.
// Usage: npm run build && npx tsc -b && node scripts/index-time.mjs [folder] [runs]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { CLIENT_CAPABILITIES, LspTestClient } = require('../out/test/lsp/harness.js');

const folder = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/corpus'));
const runs = Number(process.argv[3] ?? 5);
const times = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const { client } = await LspTestClient.start({
    capabilities: { ...CLIENT_CAPABILITIES, window: { workDoneProgress: true } },
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
  });
  const begin = await client.nextProgress('begin');
  await client.nextProgress('end');
  times.push(performance.now() - started);
  if (run === 0) console.log(`${begin.value.title} (${folder})`);
  const logged = client.logs.find((l) => l.message.startsWith('Kubewright: indexed'));
  console.log(`run ${run + 1}: ${Math.round(times.at(-1))} ms from spawn to the end of indexing; server says: ${logged?.message ?? '?'}`);
  await client.stop();
}
times.sort((a, b) => a - b);
console.log(`median ${Math.round(times[Math.floor(times.length / 2)])} ms over ${runs} runs`);
