// Which files of the workspace folders the language server's index reads, and how it names them: keys from paths and
// URIs, skipped folders, exclude globs from the settings, and the size past which a YAML file is not read.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { UNPARSED_CHARS } from '../engine/limits';

/**
 * A file this large is a dump or generated data, not manifests someone maintains: even if each document stayed under
 * the engine's per-document limit (limits.ts), reading it would hold tens of megabytes for nothing a rule reads.
 */
const MAX_FILE_BYTES = 8 * UNPARSED_CHARS;

export const YAML_FILE = /\.ya?ml$/i;

/** Folders never read: dependencies, VCS data and dot-folders (.github, .vscode…) hold no workspace manifests. */
export function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The index keys files by `/`-separated path, like the CLI, so kustomizations above a file are found the same way. */
function keyOfPath(fsPath: string): string {
  return fsPath.split(path.sep).join('/');
}

export function keyOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined; // untitled documents live in no folder: nothing is near them
  try {
    return keyOfPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
export function stringGlobs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g !== '') : [];
}

/** files.exclude is `{ glob: true | false | { when } }`; only plain `true` entries exclude unconditionally. */
export function enabledGlobs(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
}
/** A glob matches the path, or (for a folder) everything in it, as `dist/**` or `**\/generated/**` mean. */
export function matches(globs: readonly string[], relative: string, isFolder: boolean): boolean {
  return globs.some((glob) => minimatch(relative, glob, { dot: true }) || (isFolder && minimatch(`${relative}/x`, glob, { dot: true })));
}

/** The text of a YAML file, or undefined when it is gone, unreadable or too large to be manifests. */
export async function readYaml(key: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(key);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return await fs.readFile(key, 'utf8');
  } catch {
    return undefined;
  }
}
