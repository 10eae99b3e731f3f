// .kubewright.yaml in the editor: the nearest one above a manifest configures it, an edit to it (in the editor or on
// disk) re-validates the open manifests, an invalid one gets diagnostics at its keys while its last good version
// stays in force, and kubewright/status reports what applies.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { DEFAULT_SETTINGS, LspTestClient } from './harness';
import { LIVENESS_HTTP, kubewrightDiagnostic, livenessContainerDiagnostics, onLine } from './expectations';

const RUN_AS_ROOT_OFF = 'rules:\n  run-as-non-root: off\n';

describe('lsp: .kubewright.yaml', () => {
  let workspace: string;
  let client: LspTestClient;
  let configPath: string;
  let configUri: string;
  let podUri: string;

  before(async () => {
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-config-')));
    configPath = path.join(workspace, '.kubewright.yaml');
    fs.writeFileSync(configPath, RUN_AS_ROOT_OFF);
    fs.mkdirSync(path.join(workspace, 'app'));
    fs.writeFileSync(path.join(workspace, 'app/pod.yaml'), LIVENESS_HTTP);
    configUri = pathToFileURL(configPath).href;
    podUri = pathToFileURL(path.join(workspace, 'app/pod.yaml')).href;
    // No workspace folder: the file is found by walking up from the manifest, as the CLI finds it.
    ({ client } = await LspTestClient.start());
  });

  afterEach(() => client.checkNothingUnexpected());

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('applies the nearest .kubewright.yaml: a rule it turns off has no findings', async () => {
    client.open(podUri, LIVENESS_HTTP);
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] }, 'a valid file: nothing to mark');
    assert.deepEqual((await client.nextPublish(podUri)).diagnostics, livenessContainerDiagnostics({ severities: { 'run-as-non-root': 'off' } }));
  });

  it('re-validates open manifests when the config is edited in the editor', async () => {
    client.open(configUri, `${RUN_AS_ROOT_OFF}  read-only-root-fs: info\n`);
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, version: 1, diagnostics: [] });
    assert.deepEqual(
      (await client.nextPublish(podUri)).diagnostics,
      livenessContainerDiagnostics({ severities: { 'run-as-non-root': 'off', 'read-only-root-fs': DiagnosticSeverity.Information } }),
    );
  });

  it('marks an invalid config at the offending key, as config-file errors linked to their docs, and keeps the last good config in force', async () => {
    client.change(configUri, 2, { text: 'rules:\n  run-as-non-root: loud\nprofle: all\n' });
    assert.deepEqual(await client.nextPublish(configUri), {
      uri: configUri,
      version: 2,
      diagnostics: [
        kubewrightDiagnostic(
          'config-file',
          DiagnosticSeverity.Error,
          'rules.run-as-non-root must be off, info, warning or error, or { severity, options }, got "loud"',
          onLine(1, 2, 17),
        ),
        kubewrightDiagnostic('config-file', DiagnosticSeverity.Error, 'unknown key "profle": .kubewright.yaml takes profile, rules, kubernetesVersion, exclude', onLine(2, 0, 6)),
      ],
    });
    // The last good config did not change, so the manifest is not re-published; its status still shows it.
    const status = await client.request<{ findings: number; profile: string }>('kubewright/status', { uri: podUri });
    assert.equal(status.findings, 4);
    assert.equal(status.profile, 'seed');
    client.logs.splice(0); // the warning that the file is invalid
  });

  it('goes back to the file on disk when the editor closes it, and follows disk changes from the file watcher', async () => {
    client.close(configUri);
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] });
    assert.deepEqual((await client.nextPublish(podUri)).diagnostics, livenessContainerDiagnostics({ severities: { 'run-as-non-root': 'off' } }));

    fs.writeFileSync(configPath, 'profile: pss-baseline\nkubernetesVersion: 1.30\n');
    client.watchedFilesChanged({ uri: configUri, type: FileChangeType.Changed });
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] });
    assert.deepEqual((await client.nextPublish(podUri)).diagnostics, [], 'none of the seed practices is a baseline control');
  });

  it('answers kubewright/status with the profile, version, finding count and config file in force', async () => {
    const status = await client.request<Record<string, unknown>>('kubewright/status', { uri: podUri });
    assert.deepEqual({ ...status, kubernetesVersions: (status.kubernetesVersions as string[]).slice(0, 1) }, {
      applies: true,
      enabled: true,
      profile: 'pss-baseline',
      kubernetesVersion: '1.30',
      findings: 0,
      configFile: configUri,
      profiles: ['seed', 'pss-baseline', 'pss-restricted', 'all'],
      kubernetesVersions: ['1.36'],
    });
  });

  it('lets workspace-level settings override the file, and drops the file once it is deleted', async () => {
    client.settingsFor = () => ({ ...DEFAULT_SETTINGS, profile: 'all', workspaceLevel: { profile: 'seed' } });
    client.settingsChanged();
    const seed = livenessContainerDiagnostics();
    assert.deepEqual((await client.nextPublish(podUri)).diagnostics, seed, 'workspace seed over the file; the user-level all is under it');
    const status = await client.request<{ profile: string; kubernetesVersion: string; findings: number }>('kubewright/status', { uri: podUri });
    assert.deepEqual([status.profile, status.kubernetesVersion, status.findings], ['seed', '1.30', seed.length]);

    fs.rmSync(configPath);
    client.watchedFilesChanged({ uri: configUri, type: FileChangeType.Deleted });
    assert.deepEqual(await client.nextPublish(configUri), { uri: configUri, diagnostics: [] });
    const all = await client.nextPublish(podUri);
    assert.ok(all.diagnostics.length > seed.length, 'without the file, the user-level profile all applies');
    client.settingsFor = () => DEFAULT_SETTINGS;
  });
});
