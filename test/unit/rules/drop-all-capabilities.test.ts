// drop-all-capabilities: every container must drop ALL; the finding sits on drop, capabilities, securityContext or
// the container's name, whichever is the nearest that exists. Targets before 1.22 are not held to it.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { lintText } from '../../../server/src/engine';
import { rule } from '../../../server/src/engine/rules/drop-all-capabilities';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
      #     ^^^^^^^ Container "a" keeps the default capabilities: add ALL to securityContext.capabilities.drop
            image: x:1
          - name: b
            image: x:1
            securityContext:
              capabilities:
                drop: [NET_RAW]
      #         ^^^^^^^^^^^^^^^ Container "b" keeps the default capabilities
          - name: c
            image: x:1
            securityContext:
      #     ^^^^^^^^^^^^^^^ Container "c" keeps
              runAsNonRoot: true`,
  ],
});

describe('rule drop-all-capabilities by Kubernetes version', () => {
  it('holds only targets from 1.22 on to it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n';
    const run = (kubernetesVersion: string) => lintText(text, { kubernetesVersion, rules: { 'drop-all-capabilities': 'warning' } }, { rules: [rule] }).length;
    assert.equal(run('1.21'), 0);
    assert.equal(run('1.22'), 1);
  });
});
