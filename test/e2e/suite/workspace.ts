// The files of test/e2e/workspace and what Kubewright should say about each, as the suite's tests state them.
// liveness-http.yaml is a copy of the seed fixture test/fixtures/liveness-http.yaml.
import type { Expected } from './support';

export const LIVENESS_HTTP = 'liveness-http.yaml';
export const DEPLOYMENT = 'deployment.yaml';
export const GITHUB_WORKFLOW = '.github/workflows/ci.yaml';

/** The Pod's container (`- name: liveness`, line 10) lacks five practices; the Service beside it has no pods. */
export const LIVENESS_HTTP_FINDINGS: readonly Expected[] = [
  { code: 'run-as-non-root', range: '10:5-10:19', severity: 'warning' },
  { code: 'no-privilege-escalation', range: '10:5-10:19', severity: 'warning' },
  { code: 'read-only-root-fs', range: '10:5-10:19', severity: 'warning' },
  { code: 'require-requests-limits', range: '10:5-10:19', severity: 'warning' },
  { code: 'require-readiness-probe', range: '10:5-10:19', severity: 'warning' },
];
