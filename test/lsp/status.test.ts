// kubewright/status says whether the status item belongs on a document: on a manifest (with findings or without, with
// Kubewright on or off) and on a .kubewright.yaml, never on a GitHub workflow, a compose file or a Helm template.
import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, LspTestClient } from './harness';
import { LIVENESS_HTTP, readFixture, untitledUri } from './expectations';

interface Status {
  applies: boolean;
  enabled: boolean;
  findings: number;
}

describe('lsp: kubewright/status, where the status item shows', () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });

  beforeEach(() => {
    client.settingsFor = () => DEFAULT_SETTINGS;
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  /** Opens the text, waits for its first publish, and asks for its status. */
  async function openAndAsk(uri: string, text: string): Promise<{ status: Status; diagnostics: number }> {
    client.open(uri, text);
    const published = await client.nextPublish(uri);
    const status = await client.request<Status>('kubewright/status', { uri });
    return { status, diagnostics: published.diagnostics.length };
  }

  it('applies to a manifest with findings', async () => {
    const uri = untitledUri('status-liveness');
    const { status, diagnostics } = await openAndAsk(uri, LIVENESS_HTTP);
    assert.deepEqual([status.applies, status.findings], [true, diagnostics]);
    assert.ok(diagnostics > 0);
    await client.closeExpectingCleared(uri);
  });

  it('applies to a manifest that follows every practice', async () => {
    const uri = untitledUri('status-clean');
    const { status } = await openAndAsk(uri, readFixture('following-all-practices.yaml'));
    assert.deepEqual([status.applies, status.findings], [true, 0]);
    await client.closeExpectingCleared(uri);
  });

  for (const name of ['github-workflow', 'docker-compose', 'helm-values']) {
    it(`does not apply to ${name}.yaml`, async () => {
      const uri = untitledUri(`status-${name}`);
      const { status } = await openAndAsk(uri, readFixture(`not-kubernetes/${name}.yaml`));
      assert.deepEqual([status.applies, status.findings], [false, 0]);
      await client.closeExpectingCleared(uri);
    });
  }

  it('does not apply to a Helm template', async () => {
    const uri = untitledUri('status-helm');
    const { status } = await openAndAsk(uri, readFixture('helm/deployment.yaml'));
    assert.equal(status.applies, false);
    await client.closeExpectingCleared(uri);
  });

  it('follows an edit that turns plain YAML into a manifest', async () => {
    const uri = untitledUri('status-typed');
    const { status: before } = await openAndAsk(uri, 'name: p\n');
    assert.equal(before.applies, false);
    client.change(uri, 2, { text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n' });
    assert.equal((await client.nextPublish(uri)).version, 2);
    assert.equal((await statusOf(uri)).applies, true);
    await client.closeExpectingCleared(uri);
  });

  it('applies to a manifest with Kubewright off (the item says so), not to other YAML', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, enable: false });
    const manifest = untitledUri('status-off-manifest');
    const workflow = untitledUri('status-off-workflow');
    const { status, diagnostics } = await openAndAsk(manifest, LIVENESS_HTTP);
    assert.deepEqual([status.applies, status.enabled, status.findings, diagnostics], [true, false, 0, 0]);
    assert.equal((await openAndAsk(workflow, readFixture('not-kubernetes/github-workflow.yaml'))).status.applies, false);
    await client.closeExpectingCleared(manifest, workflow);
  });

  it('applies to a .kubewright.yaml, which holds no manifest', async () => {
    const uri = 'file:///status-config/.kubewright.yaml';
    const { status, diagnostics } = await openAndAsk(uri, 'profile: pss-restricted\n');
    assert.deepEqual([status.applies, diagnostics], [true, 0]);
    client.close(uri);
    assert.deepEqual(await client.nextPublish(uri), { uri, diagnostics: [] }, 'closed, and no such file on disk');
  });

  function statusOf(uri: string): Promise<Status> {
    return client.request<Status>('kubewright/status', { uri });
  }
});
