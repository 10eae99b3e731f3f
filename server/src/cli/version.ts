// Finds Kubewright's version at run time from the package.json above this file. Walking up works both for the
// bundle (dist/cli.js, one level down) and for the compiled sources tests run (out/server/src/cli, four down).
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'kubewright';

export function readPackageVersion(startDirectory: string = __dirname): string | undefined {
  for (let directory = startDirectory; ; directory = path.dirname(directory)) {
    const version = versionIn(path.join(directory, 'package.json'));
    if (version) return version;
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
