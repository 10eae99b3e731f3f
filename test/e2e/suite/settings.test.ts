// The kubewright.rules setting takes effect on open documents as soon as it changes, without a reload.
import * as vscode from 'vscode';
import { expectDiagnostics, openWorkspaceFile } from './support';
import type { Expected } from './support';
import { LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS } from './workspace';

describe('the kubewright.rules setting', () => {
  let uri: vscode.Uri;
  let original: unknown;
  const rules = () => vscode.workspace.getConfiguration('kubewright');
  const setRules = (value: unknown) => rules().update('rules', value, vscode.ConfigurationTarget.Workspace);

  before(async () => {
    original = rules().inspect('rules')?.workspaceValue;
    uri = (await openWorkspaceFile(LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS)).document.uri;
  });

  // The workspace's settings file is the test's copy, but later tests must still see the defaults.
  after(async () => {
    await setRules(original);
  });

  it('turns a rule off', async () => {
    const without = LIVENESS_HTTP_FINDINGS.filter((d) => d.code !== 'run-as-non-root');
    await expectDiagnostics(uri, without, () => setRules({ 'run-as-non-root': 'off' }));
  });

  it('changes a rule\'s severity', async () => {
    const raised = LIVENESS_HTTP_FINDINGS.map((d): Expected => d.code === 'read-only-root-fs' ? { ...d, severity: 'error' } : d);
    await expectDiagnostics(uri, raised, () => setRules({ 'read-only-root-fs': 'error' }));
  });

  it('brings the defaults back when the setting is removed', async () => {
    await expectDiagnostics(uri, LIVENESS_HTTP_FINDINGS, () => setRules(undefined));
  });
});
