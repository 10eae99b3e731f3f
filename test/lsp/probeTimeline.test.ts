// The probe timeline through the language server: the hover on the seed's liveness probe (its key or inside it), the
// CodeLens above a container's probes, and kubewright.probeTimeline.codeLens hiding it, with a refresh request.
import * as assert from 'node:assert/strict';
import { MessageType } from 'vscode-languageserver-protocol/node';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, DEFAULT_SETTINGS, LspTestClient } from './harness';
import { LIVENESS_HTTP, onLine, untitledUri } from './expectations';

/** What the hover on the liveness-http Pod's probe says, word for word. */
const LIVENESS_HTTP_TIMELINE = [
  '**Probe timeline of container "liveness"**, in seconds after it starts, at the earliest (the kubelet\'s checks can land ' +
    "up to a period later); Kubernetes' defaults fill in what is not written.",
  '**Liveness** checks first at **3 s**, then every 3 s, waiting up to 1 s for each answer. After 3 failures in a row ' +
    '(6 s from the first) it restarts the container: at **9 s** at the earliest if it fails from its first check, 10 s if ' +
    'the app hangs.',
  '**Readiness**: no readinessProbe, so Services send traffic as soon as the container has started (0 s).',
  'No startupProbe: an app that is not answering liveness by 9 s is restarted before it is ever up, again and again. Add ' +
    'a startupProbe if it can start slower than that.',
].join('\n\n');

/** 0-based: `    livenessProbe:` in liveness-http.yaml, and `      periodSeconds: 3` at the probe's end. */
const PROBE_KEY = onLine(13, 4, 17);
const PERIOD_LINE = 21;

/** The hover shows the field under the mouse first, then the timeline (hover.ts). */
const withField = (field: string) => `${field}\n\n---\n\n${LIVENESS_HTTP_TIMELINE}`;
const LIVENESS_PROBE_FIELD = '**livenessProbe** `Probe` (Container)\n\nPeriodic probe of container liveness.';
const PERIOD_FIELD = '**periodSeconds** `integer` (Probe)\n\nHow often (in seconds) to perform the probe.';

/** The seed's container with a slow-start guard: startup, liveness and readiness. */
const WITH_STARTUP = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1',
  '          readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 5}',
  '          startupProbe: {httpGet: {path: /livez, port: 8080}, failureThreshold: 30, periodSeconds: 10}',
  '          livenessProbe: {httpGet: {path: /livez, port: 8080}}',
  '',
].join('\n');

describe('lsp: probe timeline', () => {
  let client: LspTestClient;
  const uri = untitledUri('liveness-http');

  const hoverAt = (line: number, character: number, at = uri) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri: at }, position: { line, character } });
  const lensesOf = (at = uri) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: at } });

  before(async () => {
    ({ client } = await LspTestClient.start({
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, codeLens: { refreshSupport: true } } },
    }));
    client.open(uri, LIVENESS_HTTP);
    await client.nextPublish(uri);
  });

  beforeEach(() => {
    client.settingsFor = () => DEFAULT_SETTINGS;
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client.closeExpectingCleared(uri);
    await client.stop();
  });

  it("explains the seed's liveness probe in seconds, on its key", async () => {
    assert.deepEqual(await hoverAt(13, 8), { contents: { kind: 'markdown', value: withField(LIVENESS_PROBE_FIELD) }, range: PROBE_KEY });
  });

  it('explains it from anywhere inside the probe, and says nothing away from probes', async () => {
    // The range is the key under the mouse, the narrowest that holds it.
    assert.deepEqual(await hoverAt(PERIOD_LINE, 8), { contents: { kind: 'markdown', value: withField(PERIOD_FIELD) }, range: onLine(PERIOD_LINE, 6, 19) });
    // On a value (the httpGet port) there is no field to explain: the timeline alone, held by the probe's key.
    assert.deepEqual(await hoverAt(16, 16), { contents: { kind: 'markdown', value: LIVENESS_HTTP_TIMELINE }, range: PROBE_KEY });
    for (const [line, character, what] of [[10, 6, 'the image line'], [30, 4, 'the Service']] as const) {
      const hover = await hoverAt(line, character);
      assert.doesNotMatch(JSON.stringify(hover?.contents ?? ''), /Probe timeline/, what);
    }
  });

  it('puts a one-line summary above the first probe of each container', async () => {
    assert.deepEqual(await lensesOf(), [
      { range: onLine(13, 4, 4), command: { title: 'Ready at ≥ 0 s (no readinessProbe) · restarted at ≥ 9 s if liveness fails', command: '' } },
    ]);
    const other = untitledUri('with-startup');
    client.open(other, WITH_STARTUP);
    await client.nextPublish(other);
    assert.deepEqual(await lensesOf(other), [
      {
        range: onLine(9, 10, 10),
        command: { title: 'Up to 290 s (4 min 50 s) to start · ready at ≥ 5 s · then restarted after ≥ 20 s of liveness failures', command: '' },
      },
    ]);
    const startupHover = await hoverAt(10, 12, other);
    assert.match(JSON.stringify(startupHover?.contents), /The app has until its 30th check, at \*\*290 s \(4 min 50 s\)\*\*/);
    await client.closeExpectingCleared(other);
  });

  it('hides the CodeLens when kubewright.probeTimeline.codeLens is false, and asks the editor to refresh its lenses', async () => {
    let refreshes = 0;
    const refreshed = new Promise<void>((resolve) => {
      client.answerRequests('workspace/codeLens/refresh', () => {
        refreshes++;
        resolve();
        return null;
      });
    });
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, probeTimeline: { codeLens: false } });
    client.settingsChanged();
    await client.nextPublish(uri); // Settings changed: the open document is checked again.
    await refreshed;
    assert.equal(refreshes, 1);
    assert.deepEqual(await lensesOf(), []);
    // The hover stays: the setting is about the always-on line only.
    assert.equal((await hoverAt(13, 8))?.range?.start.line, 13);

    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    await client.nextPublish(uri);
    assert.equal((await lensesOf()).length, 1);
  });

  it('keeps the CodeLens for a setting that is not a boolean, and says why in the log', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, probeTimeline: { codeLens: 'no' } });
    client.settingsChanged();
    await client.nextPublish(uri);
    assert.equal((await lensesOf()).length, 1);
    const warnings = client.logs.filter((log) => log.type === MessageType.Warning).map((log) => log.message);
    assert.ok(
      warnings.some((m) => m.includes('probeTimeline.codeLens must be true or false, got "no"')),
      `warnings: ${warnings.join('\n')}`,
    );
  });

  it('shows neither where Kubewright is turned off', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, enable: false });
    client.settingsChanged();
    assert.deepEqual((await client.nextPublish(uri)).diagnostics, []);
    assert.deepEqual(await lensesOf(), []);
    assert.equal(await hoverAt(13, 8), null);
    client.settingsFor = () => DEFAULT_SETTINGS;
    client.settingsChanged();
    await client.nextPublish(uri);
  });
});
