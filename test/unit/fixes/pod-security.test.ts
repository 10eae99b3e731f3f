// Quick fixes of the Pod Security Standards rules, exact output: no-host-namespaces and no-proc-mount remove the
// field, seccomp-profile and apparmor-profile ask for the runtime's default, drop-all-capabilities drops ALL;
// selinux-options, sysctls-allowed and restricted-volume-types offer none (the choice is a person's).
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix } from '../../support/fix-tester';
import { rule as noHostNamespaces } from '../../../server/src/engine/rules/no-host-namespaces';
import { rule as noProcMount } from '../../../server/src/engine/rules/no-proc-mount';
import { rule as seccompProfile } from '../../../server/src/engine/rules/seccomp-profile';
import { rule as appArmorProfile } from '../../../server/src/engine/rules/apparmor-profile';
import { rule as dropAllCapabilities } from '../../../server/src/engine/rules/drop-all-capabilities';
import { rule as noAddedCapabilities } from '../../../server/src/engine/rules/no-added-capabilities';
import { rule as selinuxOptions } from '../../../server/src/engine/rules/selinux-options';

describe('fix: no-host-namespaces', () => {
  it('removes hostPID with its comment', () => {
    assertFix(
      noHostNamespaces,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          hostPID: true   # to see the node's processes
          containers:
            - name: debug
              image: busybox:1.36
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          containers:
            - name: debug
              image: busybox:1.36
      `,
    );
  });
});

describe('fix: no-proc-mount', () => {
  it('removes procMount, and the securityContext it leaves empty', () => {
    assertFix(
      noProcMount,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext:
                procMount: Unmasked
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
      `,
    );
  });
});

describe('fix: seccomp-profile', () => {
  it('adds seccompProfile: {type: RuntimeDefault} to the pod securityContext it merges into', () => {
    assertFix(
      seccompProfile,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true   # every container
              containers:
                - name: web
                  image: nginx:1.27
      `,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true   # every container
                seccompProfile:
                  type: RuntimeDefault
              containers:
                - name: web
                  image: nginx:1.27
      `,
    );
  });

  it('sets an Unconfined container profile to RuntimeDefault', () => {
    assertFix(
      seccompProfile,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              image: x:1
              securityContext: {seccompProfile: {type: Unconfined}}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              image: x:1
              securityContext: {seccompProfile: {type: RuntimeDefault}}
      `,
    );
  });
});

describe('fix: apparmor-profile', () => {
  it('sets the annotation to runtime/default, keeping its quotes', () => {
    assertFix(
      appArmorProfile,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            container.apparmor.security.beta.kubernetes.io/a: "unconfined"
        spec:
          containers:
            - name: a
              image: x:1
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            container.apparmor.security.beta.kubernetes.io/a: "runtime/default"
        spec:
          containers:
            - name: a
              image: x:1
      `,
    );
  });
});

describe('fix: drop-all-capabilities', () => {
  it('adds ALL to a drop list that exists', () => {
    assertFix(
      dropAllCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW
                    - ALL
      `,
    );
  });

  it('creates the securityContext with drop: [ALL]', () => {
    assertFix(
      dropAllCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext:
                capabilities:
                  drop:
                    - ALL
      `,
    );
  });
});

describe('fix: no-added-capabilities with allowed capabilities (the PSS profiles)', () => {
  it('offers no fix where taking out the add list would take an allowed capability with it', () => {
    assertNoFix(
      noAddedCapabilities,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext:
                capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, NET_ADMIN]}
      `,
      { options: { allowed: ['NET_BIND_SERVICE'] } },
    );
  });
});

describe('fix: selinux-options', () => {
  it('offers none', () => {
    assertNoFix(selinuxOptions, yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext: {seLinuxOptions: {type: spc_t}}
        containers:
          - name: a
            image: x:1
    `);
  });
});
