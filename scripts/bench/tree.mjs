// What the benchmark measured, read from the working tree at run time: the rules the server runs by default and
// the size of what ships (the server bundle and a VSIX packaged into the temp folder).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles the engine's sources as they are now (with the rules other work has added) to CommonJS in `tmp`. */
export async function bundleEngine(root, tmp) {
  const outfile = path.join(tmp, 'engine.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/engine/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** The ids of the rules a server with default settings runs. */
export function activeRuleIds(engine) {
  const script = `console.log(JSON.stringify(require(${JSON.stringify(engine)}).activeRules().map((a) => a.rule.meta.id)))`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
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
