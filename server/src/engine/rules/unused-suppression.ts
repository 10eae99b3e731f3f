// unused-suppression: a suppression comment or `kubewright.io/ignore` annotation that silences nothing, names a rule
// that does not exist, or names no rule at all. It needs every other rule's findings first, so the suppression step
// (suppress/apply.ts) reports it; this module holds its meta and messages.
import type { DocumentRule } from '../types';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export const messages = {
  unused: (id: string) => `The suppression of "${id}" is unused: nothing here reports it; remove it`,
  unknown: (id: string, suggestion?: string) =>
    `No rule has the id "${id}"${suggestion ? `: did you mean "${suggestion}"?` : ''}; this suppression silences nothing`,
  noIds: (keyword: string) => `${keyword} names no rule: list the ids of the rules to silence (a blanket suppression would hide every new finding)`,
  unsuppressible: (id: string) => `"${id}" cannot be suppressed: turn it off in the settings instead`,
};

export const rule: DocumentRule = {
  meta: {
    id: UNUSED_SUPPRESSION,
    severity: 'warning',
    docs: {
      summary:
        'A `# kubewright-disable…` comment or `kubewright.io/ignore` annotation names a rule that reports nothing there, a rule ' +
        'that does not exist, or no rule at all.',
      rationale:
        'A suppression outlives the problem it was written for: once the manifest is fixed, it silently waits to hide the ' +
        'next problem of that kind. One with a misspelt id never worked at all, and the finding it was meant for is still ' +
        'reported, or was fixed by someone who did not see the comment. Rules that are turned off are not judged: whether ' +
        'their suppressions are used cannot be told.',
      remediation:
        'Remove the suppression, or the unused id from its list (the quick fix does either), or correct the misspelt id. ' +
        'Annotations of other linters (kube-linter, Polaris, kube-score) are never reported.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    # kubewright-disable-next-line run-as-non-rot -- the image runs as user 101',
        '    - name: web',
        '      image: nginx:1.27',
        '      # kubewright-disable-next-line no-host-port -- moved to a Service since',
        '      ports: [{containerPort: 8080}]',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    # kubewright-disable-next-line run-as-non-root -- the image runs as user 101',
        '    - name: web',
        '      image: nginx:1.27',
        '      ports: [{containerPort: 8080}]',
        '',
      ].join('\n'),
    },
  },
  // The suppression step reports this rule's findings, after the other rules ran.
  checkDocument() {},
};
