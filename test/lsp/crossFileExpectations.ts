// What the cross-file LSP tests expect of the services fixture (test/fixtures/cross-file/services): the Deployment
// that resolves its Service's selector typo, and that Service's cross-file findings with and without it.
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

/** The Deployment the `web-typo` Service selects (app=wbe, tier=frontend): wherever it is indexed, the finding goes. */
export const WBE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: wbe
spec:
  selector:
    matchLabels: {app: wbe}
  template:
    metadata:
      labels: {app: wbe, tier: frontend}
    spec:
      containers:
        - name: wbe
          image: example/wbe:1.0
`;

const CROSS_FILE_RULES = new Set(['service-no-matching-pods', 'service-target-port-unknown']);

/** The cross-file findings of a publish as `line rule-id` (0-based lines), the rest left to the single-file tests. */
export function crossFile(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.filter((d) => CROSS_FILE_RULES.has(String(d.code))).map((d) => `${d.range.start.line} ${d.code}`);
}

/** services/app/service.yaml: `web` names a port no container declares; `web-typo` selects no pods. */
export const WITH_TYPO = ['13 service-target-port-unknown', '21 service-no-matching-pods'];
export const TYPO_RESOLVED = ['13 service-target-port-unknown'];
