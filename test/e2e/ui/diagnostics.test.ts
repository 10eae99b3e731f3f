// A person's first look: open liveness-http.yaml from the Explorer, see the squiggle and what it says, and find the
// same problems in the Problems panel. Each step leaves a screenshot in .e2e/screenshots/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../harness/env';
import { workbench } from './workbench';

/** Written only when asked (KUBEWRIGHT_E2E_DOCS_IMAGE=1): every run would otherwise change a committed file. */
const DOCS_IMAGE = path.join(ROOT, 'docs/images/diagnostics.png');

describe('a person opens liveness-http.yaml', function () {
  // Each step builds on the one before; after a failure the rest would only fail again.
  this.bail(true);

  it('from the Explorer', async () => {
    await workbench().openFromExplorer('liveness-http.yaml');
    await workbench().shot('01-opened');
  });

  it('sees a warning squiggle under the container', async () => {
    await workbench().squiggle('warning');
    await workbench().shot('02-squiggle');
  });

  it('reads what is wrong when resting the mouse on it', async () => {
    const hover = await workbench().hoverSquiggle('warning', 'may run as root');
    assert.match(await hover.innerText(), /run-as-non-root/);
    await workbench().shot('03-hover');
    await workbench().dismissHover();
  });

  it('finds the five problems in the Problems panel', async () => {
    const panel = await workbench().problemsPanel();
    const rows = workbench().problems('Container "liveness"');
    await rows.nth(4).waitFor();
    assert.equal(await rows.count(), 5, `the Problems panel shows:\n${await panel.innerText()}`);
    const runAsRoot = workbench().problems('run-as-non-root');
    await runAsRoot.first().waitFor();
    assert.match(await runAsRoot.first().innerText(), /may run as root/);
    const shot = await workbench().shot('04-problems');
    if (shot && process.env.KUBEWRIGHT_E2E_DOCS_IMAGE === '1') {
      fs.mkdirSync(path.dirname(DOCS_IMAGE), { recursive: true });
      fs.copyFileSync(shot, DOCS_IMAGE);
    }
  });
});
