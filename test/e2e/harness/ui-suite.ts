// Runs the UI suite (test/e2e/ui/*.test.js) with mocha in this process, against one workbench page in Chromium
// that the tests share; a failing test leaves a screenshot of what the page showed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { setWorkbench, Workbench } from '../ui/workbench';
import type { CodeServer, Profile } from './code-server';
import { SCREENSHOTS_DIR, log } from './env';
import type { Counts } from './host-suite';

const UI_DIR = path.join(__dirname, '../ui');

export async function runUiSuite(options: { server: CodeServer; profile: Profile; workspace: string }): Promise<Counts> {
  const { server, profile, workspace } = options;
  log(`UI suite: opening the workbench on ${path.basename(workspace)}`);
  const workbench = await Workbench.open({
    url: server.workbenchUrl(workspace),
    profileDir: path.join(profile.dir, 'chromium-ui'),
    env: profile.env(),
    screenshots: SCREENSHOTS_DIR,
    workspace,
  });
  setWorkbench(workbench);
  try {
    const mocha = new Mocha({
      ui: 'bdd',
      reporter: 'spec',
      timeout: 120_000,
      rootHooks: {
        async afterEach(this: Mocha.Context) {
          const test = this.currentTest;
          if (test?.state !== 'failed') return;
          const shot = await workbench.shot(`failed-${test.fullTitle().replace(/[^\w-]+/g, '-').slice(0, 80)}`);
          if (shot) console.log(`    screenshot of the failure: ${path.relative(process.cwd(), shot)}`);
        },
      },
    });
    // Mocha colours whenever CI is set; escape codes only belong in a terminal.
    Mocha.reporters.Base.useColors = Boolean(process.stdout.isTTY);
    if (process.env.KUBEWRIGHT_E2E_GREP) mocha.grep(process.env.KUBEWRIGHT_E2E_GREP);
    for (const file of fs.readdirSync(UI_DIR).filter((name) => name.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(UI_DIR, file));
    }
    return await new Promise<Counts>((resolve) => {
      const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: failures }));
    });
  } finally {
    setWorkbench(undefined);
    await workbench.close();
  }
}
