// What a fix keeps of the file as a whole, exact output: CRLF line breaks, a missing final line break, the other
// documents of a multi-document file, and the quotes of a value it sets.
import { yaml } from '../../support/rule-tester';
import { assertFix, crlf } from '../../support/fix-tester';
import { rule as runAsNonRoot } from '../../../server/src/engine/rules/run-as-non-root';
import { rule as noPrivileged } from '../../../server/src/engine/rules/no-privileged';
import { rule as noEscalation } from '../../../server/src/engine/rules/no-privilege-escalation';
import { rule as noHostNetwork } from '../../../server/src/engine/rules/no-host-network';
import { rule as noSysctls } from '../../../server/src/engine/rules/no-sysctls';
import { rule as resources } from '../../../server/src/engine/rules/require-requests-limits';
import { rule as identical } from '../../../server/src/engine/rules/identical-probes';

describe('fix file shape: CRLF', () => {
  it('writes new lines with CRLF in a CRLF file', () => {
    assertFix(
      resources,
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27\r\n',
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27\r\n' +
        '      resources:\r\n        requests:\r\n          cpu: 100m\r\n          memory: 128Mi\r\n        limits:\r\n          memory: 128Mi\r\n',
    );
  });

  it('merges into a CRLF block map after a trailing comment', () => {
    assertFix(
      resources,
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  cpu: 100m   # measured
      `),
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  cpu: 100m   # measured
                  memory: 128Mi
                limits:
                  memory: 128Mi
      `),
    );
  });

  it('fills an empty `securityContext:` and removes whole CRLF lines', () => {
    assertFix(
      runAsNonRoot,
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
              image: nginx:1.27
      `),
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
                runAsNonRoot: true
              image: nginx:1.27
      `),
    );
    assertFix(
      noSysctls,
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - {name: net.core.somaxconn, value: "1024"}
            fsGroup: 2000
          containers:
            - name: web
              image: nginx:1.27
      `),
      crlf(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            fsGroup: 2000
          containers:
            - name: web
              image: nginx:1.27
      `),
    );
  });
});

describe('fix file shape: no final line break', () => {
  it('adds at the end of the file and still ends without a line break', () => {
    assertFix(
      runAsNonRoot,
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27  # pinned',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27  # pinned\n' +
        '      securityContext:\n        runAsNonRoot: true',
    );
  });

  it('adds to the pod at the end of a CRLF file and still ends without a line break', () => {
    assertFix(
      runAsNonRoot,
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27',
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27\r\n' +
        '  securityContext:\r\n    runAsNonRoot: true',
      { title: 'to the pod\'s securityContext' },
    );
  });

  it('removes the last line and still ends without a line break', () => {
    assertFix(
      noHostNetwork,
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n  hostNetwork: true',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27',
    );
  });

  it('fills an empty `securityContext:` on the last line', () => {
    assertFix(
      noEscalation,
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n' +
        '        allowPrivilegeEscalation: false',
    );
  });
});

describe('fix file shape: documents and quotes', () => {
  it('changes only the document of the finding in a multi-document file', () => {
    assertFix(
      noPrivileged,
      yaml`
        # two pods
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext: {privileged: true}
      `,
      yaml`
        # two pods
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers:
            - name: tools
              image: busybox:1.36
              securityContext: {privileged: false}
      `,
      { finding: '"tools"' },
    );
  });

  it('keeps the double or single quotes of a string it sets', () => {
    assertFix(
      identical,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe:
                httpGet: {path: "/healthz", port: 'http'}
              readinessProbe:
                httpGet: {path: "/healthz", port: 'http'}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe:
                httpGet: {path: "/livez", port: 'http'}
              readinessProbe:
                httpGet: {path: "/healthz", port: 'http'}
      `,
      { title: '(/livez)' },
    );
    assertFix(
      identical,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe:
                httpGet:
                  path: '/healthz'
                  port: 8080
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe:
                httpGet:
                  path: '/livez'
                  port: 8080
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
      `,
      { title: '(/livez)' },
    );
  });

  it('writes a boolean without quotes where the file had a quoted "true", which is a string', () => {
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
                allowPrivilegeEscalation: "true"
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
      `,
    );
  });
});
