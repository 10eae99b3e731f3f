// Debian's Chromium, headless, driven by playwright-core: the browser both e2e suites open the workbench in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** playwright-core downloads no browser; it drives the one Debian installs. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Chromium with a throwaway profile in `profileDir`. Playwright kills it when this process exits, even on a crash
 * or a signal; `close()` is the orderly way.
 */
export async function launchBrowser(profileDir: string, env: NodeJS.ProcessEnv): Promise<Browser> {
  fs.rmSync(profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1280, height: 800 },
    // No sandbox: CI runs as root. The rest keeps Chromium from phoning home or fighting for the two cores.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync',
      '--disable-background-networking', '--disable-component-update', '--disable-quic'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** A screenshot of the page into `dir`; never throws, since it is mostly taken when something already went wrong. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string | undefined> {
  const file = path.join(dir, `${name}.png`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: file });
    return file;
  } catch {
    return undefined;
  }
}
