// sysctls-allowed: each sysctl outside the safe set of the targeted version, on its name; the safe ones pass.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { lintText } from '../../../server/src/engine';
import { rule } from '../../../server/src/engine/rules/sysctls-allowed';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          sysctls:
            - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}
            - {name: net.ipv4.tcp_keepalive_time, value: "600"}
        containers:
          - name: a
            image: x:1`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db}
      spec:
        template:
          spec:
            securityContext:
              sysctls:
                - name: kernel.shm_rmid_forced
                  value: "1"
                - name: net.core.somaxconn
      #           ^^^^^^^^^^^^^^^^^^^^^^^^ Pod of Deployment "db" sets the sysctl net.core.somaxconn, which is not safe in Kubernetes 1.36: remove it or tune the node
                  value: "1024"
            containers:
              - name: a
                image: x:1`,
  ],
});

describe('rule sysctls-allowed by Kubernetes version', () => {
  it('allows the tcp keepalive sysctls from 1.29 on, and ip_unprivileged_port_start from 1.22 on', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    sysctls:\n      - {name: net.ipv4.tcp_keepalive_time, value: "600"}\n      - {name: net.ipv4.ip_unprivileged_port_start, value: "0"}\n  containers:\n    - name: a\n      image: x:1\n';
    const names = (kubernetesVersion: string) =>
      lintText(text, { kubernetesVersion, rules: { 'sysctls-allowed': 'error' } }, { rules: [rule] }).map((f) => /the sysctl (\S+),/.exec(f.message)?.[1]);
    assert.deepEqual(names('1.29'), []);
    assert.deepEqual(names('1.28'), ['net.ipv4.tcp_keepalive_time']);
    assert.deepEqual(names('1.21'), ['net.ipv4.tcp_keepalive_time', 'net.ipv4.ip_unprivileged_port_start']);
  });
});
