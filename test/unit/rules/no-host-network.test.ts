// no-host-network: hostNetwork: true on the pod spec, on the field.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-host-network';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        hostNetwork: false
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
            hostNetwork: true
      #     ^^^^^^^^^^^^^^^^^ DaemonSet "agent" uses the node's network
            containers:
              - name: a
                image: x:1`,
  ],
});
