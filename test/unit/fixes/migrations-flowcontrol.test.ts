// Migration quick fixes, exact output: API Priority and Fairness objects from the flowcontrol betas to v1. FlowSchema
// only changes its apiVersion; a priority level's assuredConcurrencyShares becomes nominalConcurrencyShares, and a 0
// (which the betas read as the default, 30) is written as 30, since v1 takes 0 at its word.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { fixTitles } from '../../support/fix-tester';
import { assertMigration } from '../../support/migration-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: flowcontrol.apiserver.k8s.io betas to v1', () => {
  it('renames a v1beta1 priority level\'s assuredConcurrencyShares, comment kept', () => {
    assertMigration(
      yaml`
        apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
        kind: PriorityLevelConfiguration
        metadata: {name: batch}
        spec:
          type: Limited
          limited:
            assuredConcurrencyShares: 10   # a third of the default
            limitResponse:
              type: Queue
              queuing: {queues: 16, handSize: 4, queueLengthLimit: 50}
      `,
      yaml`
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: PriorityLevelConfiguration
        metadata: {name: batch}
        spec:
          type: Limited
          limited:
            nominalConcurrencyShares: 10   # a third of the default
            limitResponse:
              type: Queue
              queuing: {queues: 16, handSize: 4, queueLengthLimit: 50}
      `,
    );
  });

  it('writes a zero share as the 30 the betas made of it, for v1beta2 and v1beta3 alike', () => {
    assertMigration(
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: PriorityLevelConfiguration\nmetadata: {name: a}\nspec: {type: Limited, limited: {assuredConcurrencyShares: 0, limitResponse: {type: Reject}}}\n',
      'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata: {name: a}\nspec: {type: Limited, limited: {nominalConcurrencyShares: 30, limitResponse: {type: Reject}}}\n',
    );
    assertMigration(
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\nmetadata: {name: a}\nspec: {type: Limited, limited: {nominalConcurrencyShares: 0, limitResponse: {type: Reject}}}\n',
      'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata: {name: a}\nspec: {type: Limited, limited: {nominalConcurrencyShares: 30, limitResponse: {type: Reject}}}\n',
    );
  });

  it('only renames a FlowSchema, from any beta straight to v1', () => {
    const flowSchema = (apiVersion: string) =>
      `apiVersion: ${apiVersion}\nkind: FlowSchema\nmetadata: {name: health}\nspec:\n  priorityLevelConfiguration: {name: exempt}\n  matchingPrecedence: 1\n`;
    for (const beta of ['v1beta1', 'v1beta2', 'v1beta3']) {
      assert.deepEqual(fixTitles(rule, flowSchema(`flowcontrol.apiserver.k8s.io/${beta}`)), ['* Migrate this FlowSchema to flowcontrol.apiserver.k8s.io/v1']);
      assertMigration(flowSchema(`flowcontrol.apiserver.k8s.io/${beta}`), flowSchema('flowcontrol.apiserver.k8s.io/v1'));
    }
  });
});
