// What the benchmark measured, read from the working tree at run time: the rules the server runs by default and
// the size of what ships (the server bundle and a VSIX packaged into the temp folder).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** The ids of the rules a server with default settings runs, from the engine's sources as they are now. */
export async function activeRuleIds(root, tmp) {
  const out = path.join(tmp, 'rules.cjs');
  await esbuild.build({
    stdin: {
      contents: "import { activeRules } from './server/src/engine';\nconsole.log(JSON.stringify(activeRules().map((a) => a.rule.meta.id)));",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
  });
  const result = spawnSync(process.execPath, [out], { encoding: 'utf8' });
  return result.status === 0 ? JSON.parse(result.stdout) : [];
}

/** Bytes of dist/server.js and of a VSIX packaged the way `npm run package` does, into the temp folder. */
export function packageSizes(root, tmp) {
  const vsix = path.join(tmp, 'kubewright.vsix');
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  if (existsSync(vsce)) {
    spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  const size = (file) => (existsSync(file) ? statSync(file).size : null);
  return { server: size(path.join(root, 'dist/server.js')), vsix: size(vsix) };
}
