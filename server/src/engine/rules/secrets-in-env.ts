// secrets-in-env: an env entry whose name says it holds a secret (DB_PASSWORD, API_TOKEN) with the secret written in
// the manifest as a literal `value`, where everyone who can read the manifest or the pod spec sees it.
import { isMap, isScalar } from 'yaml';
import type { WorkloadRule } from '../types';
import { pairOf, seqItems, stringValue } from '../k8s/nodes';

/** Words (or runs of words) that name a secret, matched against the upper-cased name split on `_`, `-` and `.`. */
const SECRET_WORDS: ReadonlyArray<readonly string[]> = [
  ['PASSWORD'], ['PASSWD'], ['TOKEN'], ['SECRET'], ['API', 'KEY'], ['APIKEY'], ['PRIVATE', 'KEY'], ['CREDENTIALS'],
];
/** A last word that makes the variable about a secret rather than the secret: its file, path, name, user or id. */
const NOT_THE_SECRET = new Set(['FILE', 'PATH', 'NAME', 'URL', 'ENDPOINT', 'USER', 'USERNAME', 'ID']);

/** Whether an env var of this name holds a secret itself. */
export function namesSecret(name: string): boolean {
  const words = name.toUpperCase().split(/[_.-]+/).filter(Boolean);
  if (words.length === 0 || NOT_THE_SECRET.has(words[words.length - 1])) return false;
  return SECRET_WORDS.some((run) => words.some((_, i) => run.every((w, j) => words[i + j] === w)));
}

const pod = (env: string[]) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: api', 'spec:', '  containers:', '    - name: api', '      image: api:2.4', '      env:', ...env, ''].join('\n');

export const rule: WorkloadRule = {
  meta: {
    id: 'secrets-in-env',
    severity: 'warning',
    // Not in seed: it reports manifests that run today, and seed's users should see no new findings.
    profiles: [],
    docs: {
      summary: 'An env variable named like a secret (`*_PASSWORD`, `*_TOKEN`, `*_API_KEY`, …) has a literal `value`.',
      rationale:
        'A value written in the manifest is in version control, in every copy of the manifest, and in the pod spec, ' +
        'which anyone allowed to read pods (or Deployments) can see; a Secret can be kept out of the repository, ' +
        'restricted by RBAC and encrypted at rest. Names that point at a secret rather than hold it (`*_FILE`, ' +
        '`*_PATH`, `*_USER`, `*_URL`, …) and empty values are not reported.',
      remediation:
        'Create a Secret holding the value (`kubectl create secret generic db --from-literal=password=…`, or from your ' +
        'secret manager), and read it with `valueFrom.secretKeyRef`; then rotate the value, since it has been exposed. ' +
        'There is no quick fix: the Secret has to exist first.',
      bad: pod(['        - name: DB_PASSWORD', '          value: hunter2']),
      good: pod(['        - name: DB_PASSWORD', '          valueFrom:', '            secretKeyRef:', '              name: db', '              key: password']),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      for (const entry of seqItems(pairOf(container.map, 'env')?.value)) {
        if (!isMap(entry)) continue;
        const name = stringValue(pairOf(entry, 'name')?.value);
        const value = pairOf(entry, 'value')?.value;
        if (!name || !isScalar(value) || value.value === null || String(value.value) === '' || !namesSecret(name)) continue;
        ctx.report({
          at: value,
          message: `Container "${container.name}" sets ${name} to a literal value: read it from a Secret (valueFrom.secretKeyRef)`,
        });
      }
    }
  },
};
