// `npm run test:electron`: the extension-host suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron,
// on machines that can download VS Code. Not part of `npm test`: CI has no internet to download it from.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { E2E_DIR, ROOT, copyWorkspace, freshDir } from './harness/env';

/** The VS Code that code-server 4.100.3 carries, so both runs see the same editor; override with VSCODE_VERSION. */
const VSCODE_VERSION = process.env.VSCODE_VERSION ?? '1.100.3';

async function main(): Promise<void> {
  const run = freshDir(path.join(E2E_DIR, 'electron'));
  const workspace = copyWorkspace(path.join(run, 'workspace'));
  await runTests({
    version: VSCODE_VERSION,
    // The working tree (its dist/ bundles), where the code-server run loads the unpacked VSIX.
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(__dirname, 'suite/index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', path.join(run, 'user-data'),
    ],
  });
}

main().catch((error: unknown) => {
  console.error(`[e2e electron] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
