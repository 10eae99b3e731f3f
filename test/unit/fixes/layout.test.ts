// What a fix keeps of the file's layout, exact output: the indent unit, flush or indented sequences, flow maps
// edited inside their braces, and an empty `securityContext:` filled under its key.
import { yaml } from '../../support/rule-tester';
import { assertFix } from '../../support/fix-tester';
import { rule as readOnlyRootFs } from '../../../server/src/engine/rules/read-only-root-fs';
import { rule as noEscalation } from '../../../server/src/engine/rules/no-privilege-escalation';
import { rule as noCapabilities } from '../../../server/src/engine/rules/no-added-capabilities';
import { rule as readiness } from '../../../server/src/engine/rules/require-readiness-probe';

describe('fix layout: indentation and sequences', () => {
  it('follows a 4-space indent with flush sequences (`- name:` at the key\'s column)', () => {
    assertFix(
      readiness,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
            template:
                spec:
                    containers:
                    - name: web
                      image: nginx:1.27
                      ports:
                      - name: http
                        containerPort: 80
      `,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
            template:
                spec:
                    containers:
                    - name: web
                      image: nginx:1.27
                      ports:
                      - name: http
                        containerPort: 80
                      readinessProbe:
                          httpGet:
                              path: /ready
                              port: http
                          periodSeconds: 5
                          failureThreshold: 3
      `,
    );
  });

  it('writes a new block sequence flush when the file\'s sequences are flush', () => {
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

  it('follows a 4-space indent with indented sequences (`-   name:`)', () => {
    assertFix(
      noCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
            containers:
                -   name: net
                    image: x:1
                    securityContext:
                        capabilities:
                            add:
                                - NET_ADMIN
                            drop:
                                - NET_RAW
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
            containers:
                -   name: net
                    image: x:1
                    securityContext:
                        capabilities:
                            drop:
                                - NET_RAW
                                - ALL
      `,
    );
  });
});

describe('fix layout: flow maps and empty values', () => {
  it('puts the new key inside the braces of `securityContext: {runAsUser: 1000}`', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - {name: web, image: nginx:1.27, securityContext: {runAsUser: 1000}}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - {name: web, image: nginx:1.27, securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}}
      `,
    );
  });

  it('adds after the last entry of a flow map written over several lines, or with a trailing comma', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {
                runAsUser: 1000
              }
            - name: log
              image: fluent-bit:3
              securityContext: {runAsUser: 1000,}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {
                runAsUser: 1000, readOnlyRootFilesystem: true
              }
            - name: log
              image: fluent-bit:3
              securityContext: {runAsUser: 1000,}
      `,
      { finding: '"web"' },
    );
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: log
              image: fluent-bit:3
              securityContext: {runAsUser: 1000,}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: log
              image: fluent-bit:3
              securityContext: {runAsUser: 1000, readOnlyRootFilesystem: true,}
      `,
    );
  });

  it('fills `securityContext:` with nothing after it, in the middle of a container', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
              image: nginx:1.27
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
                allowPrivilegeEscalation: false
              image: nginx:1.27
      `,
    );
  });

  it('fills `securityContext:   # to do` on the container\'s last line, under its comment', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:   # to do
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:   # to do
                allowPrivilegeEscalation: false
      `,
    );
  });
});
