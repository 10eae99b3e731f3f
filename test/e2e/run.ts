// `npm run test:e2e`: the packaged VSIX in code-server and Debian's Chromium, through the extension-host suite and
// the UI suite; code-server and Chromium are stopped whatever happens.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM } from './harness/browser';
import { CODE_SERVER_VERSION, Profile, installCodeServer, stopLeftoverCodeServer } from './harness/code-server';
import type { CodeServer } from './harness/code-server';
import { E2E_DIR, ROOT, SCREENSHOTS_DIR, copyWorkspace, freshDir, log } from './harness/env';
import { runHostSuite } from './harness/host-suite';
import type { Counts } from './harness/host-suite';
import { runUiSuite } from './harness/ui-suite';

/** From code-server's start to the end of both suites; a hang fails the run instead of eating CI's time. */
const SUITES_TIMEOUT_MS = Number(process.env.KUBEWRIGHT_E2E_TIMEOUT_S ?? 420) * 1000;
const HOST_SUITE_TIMEOUT_MS = 240_000;

let server: CodeServer | undefined;

async function main(): Promise<number> {
  if (process.env.KUBEWRIGHT_SKIP_E2E === '1') return skip();
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (Debian) or set CHROMIUM ` +
      'to its path. To run the other tests without it, set KUBEWRIGHT_SKIP_E2E=1 (refused when CI is set).');
  }
  const vsix = packageVsix();
  const bin = installCodeServer();
  log(`code-server ${CODE_SERVER_VERSION} ready`);

  stopLeftoverCodeServer();
  const run = freshDir(path.join(E2E_DIR, 'run'));
  freshDir(SCREENSHOTS_DIR);
  const profile = new Profile(path.join(run, 'profile'));
  const extensionPath = profile.installExtension(bin, vsix);
  log(`installed ${path.basename(vsix)} into the private profile: ${path.relative(ROOT, extensionPath)}`);

  const watchdog = setTimeout(() => {
    log(`the suites did not finish within ${SUITES_TIMEOUT_MS / 1000}s: stopping`);
    server?.kill();
    process.exit(1);
  }, SUITES_TIMEOUT_MS);
  const logFile = path.join(run, 'code-server.log');
  server = await profile.start(bin, logFile);
  log(`code-server listening on ${server.url} (log: ${path.relative(ROOT, logFile)})`);
  const results: Record<string, Counts> = {};
  const running = server;
  try {
    results['extension host'] = await suite('extension-host', () => runHostSuite({
      server: running,
      profile,
      workspace: copyWorkspace(path.join(run, 'host/workspace')),
      extensionPath,
      testsPath: path.join(__dirname, 'suite'),
      timeoutMs: HOST_SUITE_TIMEOUT_MS,
    }));
    const uiWorkspace = copyWorkspace(path.join(run, 'ui/workspace'));
    results.UI = await suite('UI', () => runUiSuite({ server: running, profile, workspace: uiWorkspace }));
  } finally {
    await server.stop();
    server = undefined;
    clearTimeout(watchdog);
  }

  const passed = Object.values(results).reduce((sum, r) => sum + r.passed, 0);
  const failed = Object.values(results).reduce((sum, r) => sum + r.failed, 0);
  for (const [suite, r] of Object.entries(results)) log(`${suite} suite: ${r.passed} passed, ${r.failed} failed`);
  log(`screenshots in ${path.relative(ROOT, SCREENSHOTS_DIR)}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Runs one suite; one that cannot even start counts as a failure, and the next suite still runs. */
async function suite(name: string, run: () => Promise<Counts>): Promise<Counts> {
  try {
    return await run();
  } catch (error) {
    log(`${name} suite could not run: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return { passed: 0, failed: 1 };
  }
}

/** Skipping is for a developer's machine without Chromium; in CI a skipped e2e would pass for a test run. */
function skip(): number {
  if (process.env.CI) {
    log('KUBEWRIGHT_SKIP_E2E=1 is refused in CI: the end-to-end tests must run there');
    return 1;
  }
  log('end-to-end tests SKIPPED (KUBEWRIGHT_SKIP_E2E=1): the VSIX was not tested in VS Code');
  return 0;
}

/** The VSIX under test: KUBEWRIGHT_E2E_VSIX if given, else a fresh `npm run package` of this tree. */
function packageVsix(): string {
  const given = process.env.KUBEWRIGHT_E2E_VSIX;
  if (given) return path.resolve(given);
  log('npm run package');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run package failed (${result.error?.message ?? `exit ${result.status}`})`);
  return path.join(ROOT, 'kubewright.vsix');
}

// Stop code-server on Ctrl+C, a CI timeout's SIGTERM or a crash; Playwright does the same for Chromium.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and Chromium`);
    server?.kill();
    process.exit(130);
  });
}
process.once('exit', () => server?.kill());

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    server?.kill();
    process.exit(1);
  },
);
