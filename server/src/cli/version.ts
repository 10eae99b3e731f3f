// Finds Kubewright's package folder and version at run time from the package.json above this file. Walking up works
// both for the bundle (dist/cli.js, one level down) and for the compiled sources tests run (out/server/src/cli).
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'kubewright';

export function readPackageVersion(startDirectory: string = __dirname): string | undefined {
  const root = packageRoot(startDirectory);
  return root === undefined ? undefined : versionIn(path.join(root, 'package.json'));
}

/** The folder of Kubewright's package.json (where docs/rules/ sits too), from this file or `startDirectory` up. */
export function packageRoot(startDirectory: string = __dirname): string | undefined {
  for (let directory = startDirectory; ; directory = path.dirname(directory)) {
    if (versionIn(path.join(directory, 'package.json'))) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** The version of the package.json at this path if it is Kubewright's; another package's manifest is skipped. */
function versionIn(manifestPath: string): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object') return undefined;
  const { name, version } = manifest as Record<string, unknown>;
  return name === PACKAGE_NAME && typeof version === 'string' ? version : undefined;
}
