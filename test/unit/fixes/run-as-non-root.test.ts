// Quick fixes of run-as-non-root, exact output: runAsNonRoot on the container (preferred) or on the pod, a root
// runAsUser replaced by a non-root UID at either level, and runAsNonRoot: false turned true.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, fixTitles } from '../../support/fix-tester';
import { rule } from '../../../server/src/engine/rules/run-as-non-root';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

describe('fix: run-as-non-root', () => {
  it('offers the container first (preferred) and the pod second', () => {
    assert.deepEqual(fixTitles(rule, deployment), [
      '* Add runAsNonRoot: true to container "web"',
      'Add runAsNonRoot: true to the pod\'s securityContext, for every container',
    ]);
  });

  it('adds runAsNonRoot: true to the container by default', () => {
    assertFix(
      rule,
      deployment,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext:
                    runAsNonRoot: true
      `,
    );
  });

  it('adds runAsNonRoot: true to the pod securityContext as the second action', () => {
    assertFix(
      rule,
      deployment,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
              securityContext:
                runAsNonRoot: true
      `,
      { title: 'to the pod\'s securityContext' },
    );
  });

  it('merges into a pod securityContext that is already there', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            fsGroup: 2000
          containers:
            - name: web
              image: nginx:1.27
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            fsGroup: 2000
            runAsNonRoot: true
          containers:
            - name: web
              image: nginx:1.27
      `,
      { title: 'to the pod\'s securityContext' },
    );
  });

  it('replaces a container\'s runAsUser: 0 with 10001', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                runAsUser: 0   # from the image docs
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                runAsUser: 10001   # from the image docs
      `,
      { title: 'Replace runAsUser: 0 with a non-root user ID (10001)' },
    );
  });

  it('replaces the pod\'s runAsUser: 0 with 10001, once for every container that inherits it', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsUser: 0, fsGroup: 0}
          containers:
            - name: web
              image: nginx:1.27
            - name: log
              image: fluent-bit:3
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsUser: 10001, fsGroup: 0}
          containers:
            - name: web
              image: nginx:1.27
            - name: log
              image: fluent-bit:3
      `,
      { finding: 'Containers "web" and "log" run as root', title: '(10001)' },
    );
  });

  it('turns runAsNonRoot: false into true', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                runAsNonRoot: false
                readOnlyRootFilesystem: true
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                runAsNonRoot: true
                readOnlyRootFilesystem: true
      `,
      { title: 'Set runAsNonRoot: true' },
    );
  });
});
