// no-host-namespaces: hostPID and hostIPC true on the pod spec, each on its field; false and absent are fine.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-host-namespaces';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        hostPID: false
        hostIPC: false
        containers:
          - name: a
            image: x:1`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        template:
          spec:
            hostPID: true
      #     ^^^^^^^^^^^^^ Pod of DaemonSet "agent" sees and can signal every process on the node (hostPID: true): remove hostPID
            hostIPC: true
      #     ^^^^^^^^^^^^^ shares the node's shared memory
            containers:
              - name: a
                image: x:1`,
  ],
});
