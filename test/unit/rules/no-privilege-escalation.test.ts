// no-privilege-escalation: must be false on the container itself; the pod level does not count; privileged wins.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-privilege-escalation';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext:
              allowPrivilegeEscalation: false`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
      #     ^^^^^^^ Container "a" allows privilege escalation
            image: x:1`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext:
              allowPrivilegeEscalation: true
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ set allowPrivilegeEscalation: false`,
    // Not inherited: a pod-level value (which the API does not define) does not protect the container.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        securityContext:
          allowPrivilegeEscalation: false
        containers:
          - name: a
      #     ^^^^^^^ allows privilege escalation
            image: x:1`,
    // Privileged always escalates, whatever allowPrivilegeEscalation says.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
            securityContext:
              privileged: true
      #       ^^^^^^^^^^^^^^^^ is privileged, which always allows privilege escalation
              allowPrivilegeEscalation: false`,
  ],
});
