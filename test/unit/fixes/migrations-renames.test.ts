// Migration quick fixes, exact output: kinds whose fields did not change get only a new apiVersion (CronJob,
// PodDisruptionBudget, RBAC, storage, …), and a PodDisruptionBudget whose meaning would change gets none.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix, fixTitles } from '../../support/fix-tester';
import { assertMigration } from '../../support/migration-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: apiVersion renames', () => {
  it('moves a batch/v1beta1 CronJob to batch/v1, nothing else changed', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: batch/v1beta1 # was beta until 1.21
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: job, image: "job:1"}]
      `,
      yaml`
        apiVersion: batch/v1 # was beta until 1.21
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: job, image: "job:1"}]
      `,
    );
  });

  it('moves a policy/v1beta1 PodDisruptionBudget to policy/v1', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata: {name: db}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: db}}
      `,
      yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: db}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: db}}
      `,
    );
  });

  it('offers none for a PodDisruptionBudget with an empty selector, which selects every pod in policy/v1', () => {
    assertNoFix(rule, 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: all}\nspec: {minAvailable: 1, selector: {}}\n');
  });

  it('moves an audit policy file to audit.k8s.io/v1', () => {
    assertMigration(
      'apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata\n',
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata\n',
    );
  });

  it('moves an EndpointSlice to discovery.k8s.io/v1, unless an endpoint has the topology map v1 split up', () => {
    const slice = (apiVersion: string, endpoint: string) =>
      `apiVersion: ${apiVersion}\nkind: EndpointSlice\nmetadata: {name: db-1, labels: {kubernetes.io/service-name: db}}\n` +
      `addressType: IPv4\nports: [{name: pg, port: 5432, protocol: TCP}]\nendpoints:\n  - ${endpoint}\n`;
    const endpoint = '{addresses: [10.1.2.3], conditions: {ready: true}}';
    assertMigration(slice('discovery.k8s.io/v1beta1', endpoint), slice('discovery.k8s.io/v1', endpoint));
    assertNoFix(rule, slice('discovery.k8s.io/v1beta1', '{addresses: [10.1.2.3], topology: {kubernetes.io/hostname: node-1}}'));
  });

  it('renames RBAC, storage and network policy kinds to their v1', () => {
    const renamed: Array<[string, string, string]> = [
      ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', 'rbac.authorization.k8s.io/v1'],
      ['storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1'],
      ['extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1'],
      ['scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1'],
    ];
    for (const [from, kind, to] of renamed) {
      assert.deepEqual(fixTitles(rule, `apiVersion: ${from}\nkind: ${kind}\nmetadata: {name: x}\n`), [`* Migrate this ${kind} to ${to}`]);
      assertFix(rule, `apiVersion: ${from}\nkind: ${kind}\nmetadata: {name: x}\n`, `apiVersion: ${to}\nkind: ${kind}\nmetadata: {name: x}\n`);
    }
  });
});
