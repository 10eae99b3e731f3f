// Where the end-to-end harness keeps its files, the clean environment its child processes get, and its log lines.
// Everything it installs or writes lives under .e2e/ in the clone, so a fresh clone needs nothing cached elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const E2E_DIR = path.join(ROOT, '.e2e');
/** The workspace folder the suites open; each run works on a copy, since the tests edit files and settings. */
export const WORKSPACE_SOURCE = path.join(ROOT, 'test/e2e/workspace');
export const SCREENSHOTS_DIR = path.join(E2E_DIR, 'screenshots');

const started = Date.now();

export function log(message: string): void {
  console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/**
 * The environment for code-server, Chromium and nested npm installs: without `npm run`'s npm_* variables (a nested
 * `npm install` would follow npm_config_local_prefix back into the clone) and without VSCODE_* variables from an
 * editor terminal this may run in (code-server would talk to that editor instead).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|VSCODE_)/i.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

/** An empty folder at `dir`, whatever was there before. */
export function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of the e2e workspace at `dest`, for one run of one suite. */
export function copyWorkspace(dest: string): string {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(WORKSPACE_SOURCE, dest, { recursive: true });
  return dest;
}
