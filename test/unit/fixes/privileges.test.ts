// Quick fixes of the container privilege rules, exact output: no-privileged, no-privilege-escalation and
// read-only-root-fs.
import { yaml } from '../../support/rule-tester';
import { assertFix } from '../../support/fix-tester';
import { rule as noPrivileged } from '../../../server/src/engine/rules/no-privileged';
import { rule as noEscalation } from '../../../server/src/engine/rules/no-privilege-escalation';
import { rule as readOnlyRootFs } from '../../../server/src/engine/rules/read-only-root-fs';

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
