// What a fix keeps of the comments around it, exact output: on the lines it touches, after the container, inside a
// securityContext it merges into (never adding a second one); comment lines indented under a removed value go with it.
import { yaml } from '../../support/rule-tester';
import { assertFix } from '../../support/fix-tester';
import { rule as readOnlyRootFs } from '../../../server/src/engine/rules/read-only-root-fs';
import { rule as noEscalation } from '../../../server/src/engine/rules/no-privilege-escalation';
import { rule as noSysctls } from '../../../server/src/engine/rules/no-sysctls';

describe('fix layout: comments', () => {
  it('keeps the trailing comment on `- name: web   # frontend` and adds below the container', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web   # frontend
            - name: side
              image: envoy:1   # pinned
              securityContext: {readOnlyRootFilesystem: true}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web   # frontend
              securityContext:
                readOnlyRootFilesystem: true
            - name: side
              image: envoy:1   # pinned
              securityContext: {readOnlyRootFilesystem: true}
      `,
    );
  });

  it('keeps a comment line at the end of the container after the new lines', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27   # pinned
              # TODO: resources
          # the pod's own settings
          restartPolicy: Always
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27   # pinned
              securityContext:
                readOnlyRootFilesystem: true
              # TODO: resources
          # the pod's own settings
          restartPolicy: Always
      `,
    );
  });

  it('merges into a securityContext with comments inside, keeping every one', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                # the image's own user
                runAsNonRoot: true  # checked by the platform team

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
                # the image's own user
                runAsNonRoot: true  # checked by the platform team

                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
      `,
    );
  });

  it('merges a second setting into a partial securityContext instead of adding another one', () => {
    assertFix(
      noEscalation,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
                privileged: true
                runAsUser: 1000
              image: nginx:1.27
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
                privileged: false
                runAsUser: 1000
                allowPrivilegeEscalation: false
              image: nginx:1.27
      `,
    );
  });

  it('adds after a comment line that closes a nested list, at the container\'s own indentation', () => {
    assertFix(
      readOnlyRootFs,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              env:
                - name: MODE
                  value: fast
                  # slow is for debugging
            - name: log
              image: fluent-bit:3
              securityContext: {readOnlyRootFilesystem: true}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              env:
                - name: MODE
                  value: fast
                  # slow is for debugging
              securityContext:
                readOnlyRootFilesystem: true
            - name: log
              image: fluent-bit:3
              securityContext: {readOnlyRootFilesystem: true}
      `,
    );
  });

  it('removes a list with the comment lines indented under it, and keeps the next key\'s indentation', () => {
    assertFix(
      noSysctls,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - name: net.core.somaxconn
                value: "1024"
                # for the load test
            # the volume group
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
            # the volume group
            fsGroup: 2000
          containers:
            - name: web
              image: nginx:1.27
      `,
    );
  });
});
