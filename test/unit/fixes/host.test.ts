// Quick fixes of the rules about the node's own resources, exact output: no-host-network, no-host-port and
// no-sysctls remove the field (and a map it leaves empty); the hostPath rules offer no fix.
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix } from '../../support/fix-tester';
import { rule as noHostNetwork } from '../../../server/src/engine/rules/no-host-network';
import { rule as noHostPort } from '../../../server/src/engine/rules/no-host-port';
import { rule as noSysctls } from '../../../server/src/engine/rules/no-sysctls';
import { rule as noHostPath } from '../../../server/src/engine/rules/no-host-path';

describe('fix: no-host-network', () => {
  it('removes the hostNetwork line with its comment', () => {
    assertFix(
      noHostNetwork,
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostNetwork: true   # for the node exporter
              dnsPolicy: ClusterFirstWithHostNet
              containers:
                - name: agent
                  image: agent:1
      `,
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              dnsPolicy: ClusterFirstWithHostNet
              containers:
                - name: agent
                  image: agent:1
      `,
      { title: 'Remove hostNetwork: true' },
    );
  });
});

describe('fix: no-host-port', () => {
  it('removes a hostPort line inside a port item', () => {
    assertFix(
      noHostPort,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 443
                  hostPort: 443  # tls
                  protocol: TCP
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 443
                  protocol: TCP
      `,
      { title: 'Remove hostPort: 443' },
    );
  });

  it('moves the next key up after the dash when hostPort is the first key of the item', () => {
    assertFix(
      noHostPort,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - hostPort: 80
                  containerPort: 80
                  name: http
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 80
                  name: http
      `,
      { title: 'Remove hostPort: 80' },
    );
  });

  it('removes hostPort from a flow map item', () => {
    assertFix(
      noHostPort,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports: [{containerPort: 80, hostPort: 8080, name: http}]
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports: [{containerPort: 80, name: http}]
      `,
    );
  });

  it('offers no fix for a port item that holds nothing but hostPort', () => {
    assertNoFix(
      noHostPort,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - hostPort: 80
      `,
    );
  });
});

describe('fix: no-sysctls', () => {
  it('removes sysctls and keeps the rest of the pod securityContext', () => {
    assertFix(
      noSysctls,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
            sysctls:
              - name: net.core.somaxconn
                value: "1024"
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
            runAsNonRoot: true
            fsGroup: 2000
          containers:
            - name: web
              image: nginx:1.27
      `,
      { title: 'Remove the sysctls' },
    );
  });

  it('removes the securityContext too when sysctls is its only key', () => {
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
          containers:
            - name: web
              image: nginx:1.27
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
      `,
    );
  });

  it('removes a flow securityContext holding only sysctls', () => {
    assertFix(
      noSysctls,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: "1"}]}
          containers:
            - name: web
              image: nginx:1.27
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
      `,
    );
  });
});

describe('fix: no-host-path', () => {
  it('offers no fix: a hostPath volume is what the pod is for, and only a person can replace it', () => {
    assertNoFix(
      noHostPath,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: nginx:1.27
          volumes:
            - name: logs
              hostPath: {path: /var/log}
      `,
    );
  });
});
