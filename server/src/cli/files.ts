// Turns the PATHs on the command line (files, folders, globs) into a sorted, duplicate-free list of absolute file
// paths, and says which PATHs matched nothing or could not be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GLOBSTAR, Minimatch } from 'minimatch';

export interface ExpandedPaths {
  /** Absolute paths, each once, in code-unit order so output is the same on every machine. */
  files: string[];
  /** One line per PATH that matched nothing or could not be read, naming it. */
  problems: string[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Folders a walk never enters: dependencies, and dot-folders such as .git or .github (named explicitly, they are). */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

const GLOB_OPTIONS = {
  // `!x` and `#x` are file names here, not negations or comments.
  nonegate: true,
  nocomment: true,
  // `{a,b}.yaml` is a pattern even without a wildcard.
  magicalBraces: true,
  windowsPathsNoEscape: process.platform === 'win32',
};

export function expandPaths(paths: readonly string[], cwd: string): ExpandedPaths {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const given of paths) {
    const found = expandOne(given, cwd);
    if (typeof found === 'string') problems.push(found);
    else for (const file of found) files.add(file);
  }
  return { files: [...files].sort(compareCodeUnits), problems };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The files one PATH names, or a problem message. */
function expandOne(given: string, cwd: string): string[] | string {
  const absolute = path.resolve(cwd, given);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolute);
  } catch (error) {
    // A name that exists is taken literally even if it contains `*` or `[`; only a missing one is a glob.
    if (errorCode(error) === 'ENOENT' && isGlob(given)) return expandGlob(given, absolute);
    return errorCode(error) === 'ENOENT' ? `"${given}": no such file or folder` : `"${given}": ${describeError(error)}`;
  }
  if (!stats.isDirectory()) return [absolute];
  const walked = walkYamlFiles(absolute, Number.POSITIVE_INFINITY);
  if (walked.problem) return `"${given}": ${walked.problem}`;
  if (walked.files.length === 0) return `"${given}": no .yaml or .yml files in this folder`;
  return walked.files;
}

function isGlob(given: string): boolean {
  return new Minimatch(given, GLOB_OPTIONS).hasMagic();
}

/**
 * Walks from the pattern's literal leading folders (one per `{a,b}` alternative) and keeps the YAML files the pattern
 * matches. Without `**` the walk stops at the pattern's depth rather than reading the whole tree.
 */
function expandGlob(given: string, absolutePattern: string): string[] | string {
  const pattern = toSlashes(absolutePattern);
  const matcher = new Minimatch(pattern, GLOB_OPTIONS);
  const matches: string[] = [];
  const walkedBases = new Set<string>();
  for (const segments of matcher.set) {
    const literalCount = segments.findIndex((segment) => typeof segment !== 'string');
    const baseSegments = (literalCount < 0 ? segments : segments.slice(0, literalCount)) as string[];
    const base = baseSegments.join('/') || '/';
    const depth = segments.includes(GLOBSTAR) ? Number.POSITIVE_INFINITY : segments.length - baseSegments.length;
    const key = `${base}\0${depth}`;
    if (walkedBases.has(key) || !isDirectory(base)) continue;
    walkedBases.add(key);
    const walked = walkYamlFiles(base, depth);
    if (walked.problem) return `"${given}": ${walked.problem}`;
    for (const file of walked.files) if (matcher.match(toSlashes(file))) matches.push(file);
  }
  return matches.length > 0 ? matches : `"${given}" matches no .yaml or .yml files`;
}

interface Walk {
  files: string[];
  /** The first folder that could not be listed: the listing would be incomplete, so the run stops. */
  problem?: string;
}

/** Every YAML file below `root`, at most `maxDepth` levels down (1 = the folder's own files). */
function walkYamlFiles(root: string, maxDepth: number): Walk {
  const walk: Walk = { files: [] };
  // Real paths of folders already entered: a symlink back up the tree must not loop forever.
  const visited = new Set<string>();
  const visit = (folder: string, depth: number) => {
    if (walk.problem || depth > maxDepth) return;
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      walk.problem = `cannot list ${folder}: ${describeError(error)}`;
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? kindBehindLink(full) : entry.isDirectory() ? 'folder' : 'file';
      if (kind === 'folder' && !isSkippedFolder(entry.name)) visit(full, depth + 1);
      else if (kind === 'file' && YAML_FILE.test(entry.name)) walk.files.push(full);
    }
  };
  visit(root, 1);
  return walk;
}

/** What a symbolic link points at; a dangling link is skipped like a missing file. */
function kindBehindLink(linkPath: string): 'file' | 'folder' | 'missing' {
  try {
    return fs.statSync(linkPath).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

function isDirectory(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

/** Glob patterns use `/`; on Windows the resolved paths use `\`. */
function toSlashes(filePath: string): string {
  return path.sep === '\\' ? filePath.replace(/\\/g, '/') : filePath;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A short reason for a file-system error, without the path Node repeats in its message. */
export function describeError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
