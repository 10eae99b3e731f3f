// A person moves between files: the Kubewright status item ({} in the status bar: profile, Kubernetes version, the
// file's problem count) is there on manifests and gone on a GitHub workflow, which Kubewright does not check. Runs
// after quickfix.test.js, which leaves four problems in liveness-http.yaml.
import { UI_WAIT_MS, workbench } from './workbench';

/** The item's text ("seed · Kubernetes 1.36") and detail ("0 problems"), as the entry's label joins them. */
const KUBEWRIGHT = '· Kubernetes 1.';

describe('a person moves between a manifest and a GitHub workflow', function () {
  this.bail(true);

  it('sees the status item on deployment.yaml, with its problem count', async () => {
    await workbench().openFromExplorer('deployment.yaml');
    await workbench().languageStatus(KUBEWRIGHT, ', 0 problems').waitFor({ timeout: UI_WAIT_MS });
    await workbench().shot('08-status-on-manifest');
  });

  it('sees no Kubewright status on .github/workflows/ci.yaml', async () => {
    await workbench().openFromExplorer('.github/workflows/ci.yaml');
    // The client keeps the item as it was until the server answers for the new file: it goes only on that answer.
    await workbench().languageStatus(KUBEWRIGHT).waitFor({ state: 'detached', timeout: UI_WAIT_MS });
    await workbench().shot('09-no-status-on-workflow');
  });

  it('sees it again on liveness-http.yaml', async () => {
    await workbench().openFromExplorer('liveness-http.yaml');
    await workbench().languageStatus(KUBEWRIGHT, ', 4 problems').waitFor({ timeout: UI_WAIT_MS });
  });
});
