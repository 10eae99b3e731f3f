// Quick fix of no-added-capabilities, exact output: the add list goes and drop holds ALL, in place of add or
// appended to the drop list there is, block or flow.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, fixTitles } from '../../support/fix-tester';
import { rule as noCapabilities } from '../../../server/src/engine/rules/no-added-capabilities';

describe('fix: no-added-capabilities', () => {
  it('offers one fix, for every added capability of the container', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: net
            image: x:1
            securityContext:
              capabilities:
                add: [NET_ADMIN, SYS_TIME]
    `;
    assert.deepEqual(fixTitles(noCapabilities, input, { finding: 'SYS_TIME' }), [
      '* Remove the added capabilities of container "net" and drop ALL',
    ]);
  });

  it('replaces the add list with drop: [ALL] where there is no drop list, in the same flow style', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  add: ["NET_ADMIN", SYS_TIME]
                runAsNonRoot: true
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  drop: [ALL]
                runAsNonRoot: true
      `,
      { finding: 'NET_ADMIN' },
    );
  });

  it('replaces a block add list with a block drop list', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  add:
                    - NET_ADMIN
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  drop:
                    - ALL
      `,
    );
  });

  it('removes the add list and appends ALL to an existing drop list', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  add:
                    - NET_ADMIN   # for iptables
                  drop:
                    - NET_RAW
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW
                    - ALL
      `,
    );
  });

  it('removes the add list and leaves a drop list that already holds ALL as it is', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  drop: [ALL]
                  add: [NET_ADMIN]
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities:
                  drop: [ALL]
      `,
    );
  });

  it('edits inside the braces of a flow map: {add: [X]} becomes {drop: [ALL]}', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities: {add: [NET_ADMIN]}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext:
                capabilities: {drop: [ALL]}
      `,
    );
  });

  it('takes add out of a flow map that has a drop list, and adds ALL to it', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext: {capabilities: {add: [NET_ADMIN], drop: [NET_RAW]}}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: net
              image: x:1
              securityContext: {capabilities: {drop: [NET_RAW, ALL]}}
      `,
    );
  });
});
