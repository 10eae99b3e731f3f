// The server's `kubewright` settings over LSP: pulled per document through workspace/configuration, read again
// after workspace/didChangeConfiguration, or taken from the push of a client that cannot be asked.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, DEFAULT_SETTINGS, LspTestClient } from './harness';
import { LIVENESS_HTTP, kubewrightDiagnostic, livenessContainerDiagnostics, onLine, readFixture, untitledUri } from './expectations';

/** Opens liveness-http.yaml under `uri` and returns the diagnostics of its first publish, checking it is for version 1. */
async function openLiveness(client: LspTestClient, uri: string) {
  client.open(uri, LIVENESS_HTTP);
  const published = await client.nextPublish(uri);
  assert.equal(published.version, 1);
  return published.diagnostics;
}

describe('lsp: settings pulled through workspace/configuration', () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });

  beforeEach(() => {
    client.settingsFor = () => DEFAULT_SETTINGS;
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  it('asks for the kubewright section scoped to the document, once per document rather than per keystroke', async () => {
    const uri = untitledUri('asked-once');
    client.open(uri, LIVENESS_HTTP);
    assert.deepEqual(await client.nextConfigurationRequest(uri), { items: [{ scopeUri: uri, section: 'kubewright' }] });
    assert.equal((await client.nextPublish(uri)).version, 1);

    client.change(uri, 2, { range: onLine(0, 0, 0), text: '# edited\n' });
    assert.equal((await client.nextPublish(uri)).version, 2);
    assert.deepEqual(client.unreadConfigurationRequests(), [], 'the settings of version 1 still hold');
    await client.closeExpectingCleared(uri);
  });

  it("leaves out a rule set to 'off'", async () => {
    client.settingsFor = () => ({ rules: { 'run-as-non-root': 'off' } });
    const uri = untitledUri('run-as-root-allowed');
    assert.deepEqual(await openLiveness(client, uri), livenessContainerDiagnostics({ severities: { 'run-as-non-root': 'off' } }));
    await client.closeExpectingCleared(uri);
  });

  it('lints every open document again with the new settings after didChangeConfiguration', async () => {
    const first = untitledUri('first-open');
    const second = untitledUri('second-open');
    assert.deepEqual(await openLiveness(client, first), livenessContainerDiagnostics());
    assert.deepEqual(await openLiveness(client, second), livenessContainerDiagnostics());
    client.unreadConfigurationRequests(); // the opens' requests: only the ones the change causes matter here

    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, rules: { 'require-readiness-probe': 'error', 'read-only-root-fs': { severity: 'info' } } });
    client.settingsChanged();
    const expected = livenessContainerDiagnostics({
      severities: { 'require-readiness-probe': DiagnosticSeverity.Error, 'read-only-root-fs': DiagnosticSeverity.Information },
    });
    for (const uri of [first, second]) {
      assert.deepEqual(await client.nextConfigurationRequest(uri), { items: [{ scopeUri: uri, section: 'kubewright' }] });
      assert.deepEqual(await client.nextPublish(uri), { uri, version: 1, diagnostics: expected });
    }
    await client.closeExpectingCleared(first, second);
  });

  it('publishes an empty list for a document whose scope has enable: false, and lints it again once enabled', async () => {
    const disabled = untitledUri('disabled-here');
    const enabled = untitledUri('enabled-elsewhere');
    client.settingsFor = (scopeUri) => (scopeUri === disabled ? { ...DEFAULT_SETTINGS, enable: false } : DEFAULT_SETTINGS);
    client.open(disabled, LIVENESS_HTTP);
    assert.deepEqual(await client.nextPublish(disabled), { uri: disabled, version: 1, diagnostics: [] });
    assert.deepEqual(await openLiveness(client, enabled), livenessContainerDiagnostics());

    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    for (const uri of [disabled, enabled]) {
      assert.deepEqual(await client.nextPublish(uri), { uri, version: 1, diagnostics: livenessContainerDiagnostics() });
    }
    await client.closeExpectingCleared(disabled, enabled);
  });

  it('logs a warning for each setting it cannot use and keeps the defaults for those', async () => {
    const uri = untitledUri('mistyped-settings');
    client.settingsFor = () => ({ enable: 'yes', rules: { 'no-such-rule': 'off', 'config-file': 'off', 'run-as-non-root': 'loud' } });
    assert.deepEqual(await openLiveness(client, uri), livenessContainerDiagnostics());
    assert.deepEqual(client.logs, [
      { type: MessageType.Warning, message: `Kubewright: ignoring a setting for ${uri}: enable must be true or false, got "yes"` },
      { type: MessageType.Warning, message: `Kubewright: ignoring a setting for ${uri}: rules: no rule is called "no-such-rule"` },
      { type: MessageType.Warning, message: `Kubewright: ignoring a setting for ${uri}: rules: config-file cannot be set: it is always reported, at error` },
      {
        type: MessageType.Warning,
        message: `Kubewright: ignoring a setting for ${uri}: rules.run-as-non-root must be "off", "info", "warning", "error" or { severity, options }`,
      },
    ]);
    await client.closeExpectingCleared(uri);
  });
});

/** The seed's extensions/v1beta1 Ingress: its one finding is deprecated-api, on the apiVersion value (line 1). */
const INGRESS = readFixture('migrations/liveness-ingress.yaml');
const ingressDiagnostic = (severity: DiagnosticSeverity, message: string) =>
  kubewrightDiagnostic('deprecated-api', severity, message, onLine(1, 12, 30));

describe('lsp: kubewright.kubernetesVersion', () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  it('judges apiVersions by the version set for the document: deprecated in 1.21, removed in the newest', async () => {
    const older = untitledUri('ingress-for-1-21');
    const newest = untitledUri('ingress-for-newest');
    client.settingsFor = (scopeUri) => (scopeUri === older ? { ...DEFAULT_SETTINGS, kubernetesVersion: '1.21' } : DEFAULT_SETTINGS);
    client.open(older, INGRESS);
    assert.deepEqual((await client.nextPublish(older)).diagnostics, [
      ingressDiagnostic(
        DiagnosticSeverity.Warning,
        'extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed in 1.22: use networking.k8s.io/v1',
      ),
    ]);
    client.open(newest, INGRESS);
    assert.deepEqual((await client.nextPublish(newest)).diagnostics, [
      ingressDiagnostic(DiagnosticSeverity.Error, 'extensions/v1beta1 Ingress was removed in Kubernetes 1.22: use networking.k8s.io/v1'),
    ]);
    await client.closeExpectingCleared(older, newest);
  });

  it('logs a version it cannot read and uses the newest instead', async () => {
    const uri = untitledUri('ingress-bad-version');
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, kubernetesVersion: 'v1.21' });
    client.open(uri, INGRESS);
    assert.deepEqual((await client.nextPublish(uri)).diagnostics, [
      ingressDiagnostic(DiagnosticSeverity.Error, 'extensions/v1beta1 Ingress was removed in Kubernetes 1.22: use networking.k8s.io/v1'),
    ]);
    assert.deepEqual(client.logs, [
      {
        type: MessageType.Warning,
        message: `Kubewright: ignoring a setting for ${uri}: kubernetesVersion must be a Kubernetes minor version such as "1.36", got "v1.21"`,
      },
    ]);
    await client.closeExpectingCleared(uri);
  });
});

describe('lsp: kubewright.profile', () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  it('runs the rules of the profile set for the document, and a rule given a severity outside it', async () => {
    // The liveness pod keeps to the baseline standard: its findings are all seed practices.
    const baseline = untitledUri('liveness-pss-baseline');
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, profile: 'pss-baseline' });
    assert.deepEqual(await openLiveness(client, baseline), []);
    const withRule = untitledUri('liveness-pss-baseline-and-rule');
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, profile: 'pss-baseline', rules: { 'read-only-root-fs': 'warning' } });
    const off = { 'run-as-non-root': 'off', 'no-privilege-escalation': 'off', 'require-requests-limits': 'off', 'require-readiness-probe': 'off' } as const;
    assert.deepEqual(await openLiveness(client, withRule), livenessContainerDiagnostics({ severities: off }));
    await client.closeExpectingCleared(baseline, withRule);
  });

  it('logs a profile it does not know and runs the default one', async () => {
    const uri = untitledUri('liveness-bad-profile');
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, profile: 'strict' });
    assert.deepEqual(await openLiveness(client, uri), livenessContainerDiagnostics());
    assert.deepEqual(client.logs, [
      {
        type: MessageType.Warning,
        message: `Kubewright: ignoring a setting for ${uri}: profile must be one of "seed", "pss-baseline", "pss-restricted", "all", got "strict"`,
      },
    ]);
    await client.closeExpectingCleared(uri);
  });
});

describe('lsp: settings pushed by a client that cannot be asked for them', () => {
  let client: LspTestClient;

  before(async () => {
    const capabilities = { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, configuration: false } };
    ({ client } = await LspTestClient.start({ capabilities }));
  });

  afterEach(() => client.checkNothingUnexpected());

  after(() => client?.stop());

  it('uses the defaults until didChangeConfiguration brings a kubewright section, then lints open documents with it', async () => {
    const uri = untitledUri('pushed');
    assert.deepEqual(await openLiveness(client, uri), livenessContainerDiagnostics());

    client.settingsChanged({ kubewright: { rules: { 'run-as-non-root': 'off' } } });
    assert.deepEqual(await client.nextPublish(uri), {
      uri,
      version: 1,
      diagnostics: livenessContainerDiagnostics({ severities: { 'run-as-non-root': 'off' } }),
    });
    assert.deepEqual(client.unreadConfigurationRequests(), [], 'a client without the capability is never asked');
    await client.closeExpectingCleared(uri);
  });
});
