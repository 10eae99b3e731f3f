// A person fixes a problem: Ctrl+. on the squiggle, Enter on "Add runAsNonRoot: true…", the text changes and that
// problem leaves the Problems panel, Ctrl+S, and the file on disk holds the fix. Runs after diagnostics.test.js,
// on the same open editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SCREENSHOTS_DIR } from '../harness/env';
import { UI_WAIT_MS, workbench } from './workbench';

const FILE = 'liveness-http.yaml';
const FIX = 'Add runAsNonRoot: true to container "liveness"';
/** Written only when asked (KUBEWRIGHT_E2E_DOCS_IMAGE=1), like the diagnostics picture. */
const DOCS_IMAGE = path.join(ROOT, 'docs/images/quickfix.png');

/** The fixture with the fix applied: a securityContext after the container's last line, before the Service. */
function expectedText(original: string): string {
  const at = original.indexOf('---');
  return `${original.slice(0, at)}    securityContext:\n      runAsNonRoot: true\n${original.slice(at)}`;
}

describe('a person applies a quick fix', function () {
  this.bail(true);
  let original: string;

  before(() => {
    original = fs.readFileSync(path.join(workbench().workspace, FILE), 'utf8');
  });

  it('picks it from the light bulb menu with Ctrl+. and Enter', async () => {
    await workbench().quickFix('warning', FIX);
    const menu = path.join(SCREENSHOTS_DIR, '05-quick-fix-menu.png');
    if (process.env.KUBEWRIGHT_E2E_DOCS_IMAGE === '1' && fs.existsSync(menu)) fs.copyFileSync(menu, DOCS_IMAGE);
  });

  it('sees the new lines, and the run-as-non-root problem leaves the Problems panel', async () => {
    // The editor draws only the lines in view, and the fix lands below them: scroll to the end of the file.
    await workbench().editor().click();
    await workbench().page.keyboard.press('Control+End');
    const lines = workbench().editor().locator('.view-line', { hasText: 'runAsNonRoot: true' });
    await lines.first().waitFor({ timeout: UI_WAIT_MS });
    await workbench().problemsPanel();
    await workbench().problems('run-as-non-root').first().waitFor({ state: 'detached', timeout: UI_WAIT_MS });
    const rows = workbench().problems('Container "liveness"');
    await rows.nth(3).waitFor({ timeout: UI_WAIT_MS });
    assert.equal(await rows.count(), 4, 'four problems are left');
    await workbench().shot('06-fixed');
  });

  it('saves with Ctrl+S, and the file on disk is the fixture with exactly the fix added', async () => {
    await workbench().save(FILE);
    await workbench().shot('07-saved');
    assert.equal(fs.readFileSync(path.join(workbench().workspace, FILE), 'utf8'), expectedText(original));
  });
});
