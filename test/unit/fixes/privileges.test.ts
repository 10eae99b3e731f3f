// Quick fixes of the container privilege rules, exact output: no-privileged, no-privilege-escalation,
// read-only-root-fs and no-added-capabilities.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, fixTitles } from '../../support/fix-tester';
import { rule as noPrivileged } from '../../../server/src/engine/rules/no-privileged';
import { rule as noEscalation } from '../../../server/src/engine/rules/no-privilege-escalation';
import { rule as readOnlyRootFs } from '../../../server/src/engine/rules/read-only-root-fs';
import { rule as noCapabilities } from '../../../server/src/engine/rules/no-added-capabilities';

describe('fix: no-privileged', () => {
  it('sets privileged: true to false, the comments on the container stay', () => {
    assertFix(
      noPrivileged,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web   # frontend
              image: nginx:1.27
              securityContext:
                privileged: true  # needed?
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web   # frontend
              image: nginx:1.27
              securityContext:
                privileged: false  # needed?
      `,
      { title: 'Set privileged: false' },
    );
  });
});

describe('fix: no-privilege-escalation', () => {
  it('sets allowPrivilegeEscalation: true to false', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: true
                runAsNonRoot: true
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: false
                runAsNonRoot: true
      `,
      { title: 'Set allowPrivilegeEscalation: false in container "web"' },
    );
  });

  it('adds a securityContext with allowPrivilegeEscalation: false to a container without one', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
            - name: log
              image: fluent-bit:3
              securityContext:
                allowPrivilegeEscalation: false
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: false
            - name: log
              image: fluent-bit:3
              securityContext:
                allowPrivilegeEscalation: false
      `,
    );
  });

  it('sets privileged: false as well for a privileged container, which could always escalate', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext:
                privileged: true
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext:
                privileged: false
                allowPrivilegeEscalation: false
      `,
      { title: 'Set privileged: false and allowPrivilegeEscalation: false in container "tools"' },
    );
  });

  it('sets only privileged: false where allowPrivilegeEscalation: false is already there', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext: {privileged: true, allowPrivilegeEscalation: false}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext: {privileged: false, allowPrivilegeEscalation: false}
      `,
      { title: 'Set privileged: false' },
    );
  });
});

describe('fix: read-only-root-fs', () => {
  it('adds readOnlyRootFilesystem: true to a container', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api:2
      `,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api:2
                  securityContext:
                    readOnlyRootFilesystem: true
      `,
      { title: 'Add readOnlyRootFilesystem: true to container "api"' },
    );
  });

  it('sets readOnlyRootFilesystem: false to true', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              securityContext:
                readOnlyRootFilesystem: false   # writes to /tmp
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              securityContext:
                readOnlyRootFilesystem: true   # writes to /tmp
      `,
      { title: 'Set readOnlyRootFilesystem: true' },
    );
  });
});

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
