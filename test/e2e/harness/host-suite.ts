// Runs the extension-host suite (test/e2e/suite) inside code-server: the web counterpart of @vscode/test-electron.
import * as path from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot } from './browser';
import type { CodeServer, Profile } from './code-server';
import { SCREENSHOTS_DIR, log } from './env';

export interface Counts {
  passed: number;
  failed: number;
}

/** The line suite/index.ts prints when mocha is done. */
const SUMMARY = /^extension host: (\d+) passed, (\d+) failed$/m;

/**
 * The workbench opens with a `payload` naming the extension and the tests; code-server's remote (Node) extension
 * host runs the mocha suite with the full `vscode` API and reports through window.codeAutomationLog/-Exit.
 */
export async function runHostSuite(options: {
  server: CodeServer;
  profile: Profile;
  workspace: string;
  /** The folder the VSIX was unpacked to: the extension is loaded from there, so what runs is what ships. */
  extensionPath: string;
  testsPath: string;
  timeoutMs: number;
}): Promise<Counts> {
  const { server, profile, workspace, timeoutMs } = options;
  const authority = await remoteAuthority(server, workspace);
  const remote = (p: string) => `vscode-remote://${authority}${path.resolve(p)}`;
  const url = server.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', remote(options.extensionPath)],
    ['extensionTestsPath', remote(options.testsPath)],
    ['skipWelcome', 'true'],
  ]);

  const browser = await launchBrowser(path.join(profile.dir, 'chromium-host'), profile.env());
  const { page } = browser;
  let output = '';
  let finish!: (code: number | 'timeout') => void;
  const exit = new Promise<number | 'timeout'>((resolve) => { finish = resolve; });
  try {
    await enableSmokeTestDriver(page);
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      // The workbench forwards console calls as (type, [format, ...args]).
      const line = format(...(Array.isArray(args) ? args : [args]));
      output += `${line}\n`;
      (type === 'error' ? console.error : console.log)(line.replace(/^/gm, '  '));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (error) => console.error(`  [workbench] ${error.message}`));
    log(`extension-host suite: opening the workbench on ${path.basename(workspace)}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const code = await exit;
    clearTimeout(timer);
    if (code !== 0) {
      const shot = await screenshot(page, SCREENSHOTS_DIR, 'host-suite-failure');
      log(`extension-host suite ${code === 'timeout' ? `did not finish within ${timeoutMs / 1000}s` : `exited with ${code}`}` +
        (shot ? `; the workbench looked like ${path.relative(process.cwd(), shot)}` : ''));
    }
    const summary = SUMMARY.exec(output);
    if (!summary) return { passed: 0, failed: 1 };
    const counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
    // A suite that crashed after printing its counts still failed.
    return code === 0 || counts.failed > 0 ? counts : { ...counts, failed: counts.failed + 1 };
  } finally {
    await browser.close();
  }
}

/** The authority code-server's workbench uses for vscode-remote URIs, read from the page's configuration. */
async function remoteAuthority(server: CodeServer, workspace: string): Promise<string> {
  const html = await (await fetch(server.workbenchUrl(workspace))).text();
  const match = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
  const config = match ? JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) : {};
  return config.remoteAuthority ?? new URL(server.url).host;
}

/**
 * A built VS Code honours extensionTestsPath from the URL only with developmentOptions.enableSmokeTestDriver (1.100
 * does without it, newer ones do not). code-server has no flag for it, so it is set in the page's configuration
 * element before the workbench script reads it.
 */
async function enableSmokeTestDriver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const element = document.getElementById('vscode-workbench-web-configuration');
      const settings = element?.getAttribute('data-settings');
      if (!element || !settings) return;
      observer.disconnect();
      const config = JSON.parse(settings);
      config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
      element.setAttribute('data-settings', JSON.stringify(config));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}
