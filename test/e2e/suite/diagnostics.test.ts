// The diagnostics VS Code shows for the workspace files: rule ids, ranges and severities, messages and doc links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { kubewrightDiagnostics, openWorkspaceFile, ruleOf, workspaceUri } from './support';
import { DEPLOYMENT, GITHUB_WORKFLOW, LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS } from './workspace';

describe('diagnostics', () => {
  it('marks the five missing practices at the liveness-http container', async () => {
    await openWorkspaceFile(LIVENESS_HTTP, LIVENESS_HTTP_FINDINGS);
  });

  it('says in words what is wrong, in which container', () => {
    const runAsRoot = kubewrightDiagnostics(workspaceUri(LIVENESS_HTTP)).find((d) => ruleOf(d) === 'run-as-non-root');
    assert.match(runAsRoot?.message ?? '', /^Container "liveness" may run as root/);
  });

  it('links each diagnostic to its rule page, shipped inside the extension', () => {
    for (const d of kubewrightDiagnostics(workspaceUri(LIVENESS_HTTP))) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', `diagnostic ${JSON.stringify(d.code)} has no link`);
      assert.equal(code.target.scheme, 'file');
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), `${code.value} links to ${code.target}`);
      assert.ok(fs.existsSync(code.target.fsPath), `${code.target.fsPath} is not in the installed extension`);
    }
  });

  it('finds nothing in a Deployment that follows every practice', async () => {
    await openWorkspaceFile(DEPLOYMENT, []);
  });

  it('stays silent on a GitHub workflow', async () => {
    await openWorkspaceFile(GITHUB_WORKFLOW, []);
  });
});
