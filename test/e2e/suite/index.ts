// Entry point of the extension-host suite: VS Code (code-server's remote extension host, or desktop VS Code under
// @vscode/test-electron) loads this file and awaits run(). Every *.test.js beside it is part of the suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Waits inside the tests time out first (after 30 s) and say what they waited for; this is the backstop.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000 });
  // The output reaches a terminal only through the workbench page. (Mocha ignores a `color: false` option.)
  Mocha.reporters.Base.useColors = false;
  const only = process.env.KUBEWRIGHT_E2E_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // harness/host-suite.ts reads this line; CI logs end with it.
      console.log(`extension host: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
