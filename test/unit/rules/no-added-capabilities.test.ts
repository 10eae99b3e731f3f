// no-added-capabilities: one finding per added capability, on the item; drop lists and empty adds are fine.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-added-capabilities';

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
              capabilities:
                add: []
                drop: [ALL]`,
  ],
  invalid: [
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
                add:
                  - NET_ADMIN
      #             ^^^^^^^^^ adds the NET_ADMIN capability
                  - SYS_TIME
      #             ^^^^^^^^ adds the SYS_TIME capability`,
    yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: d}
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: x:1
                securityContext: {capabilities: {add: ["SYS_ADMIN"]}}
      #                                                ^^^^^^^^^^^ Container "agent" adds the SYS_ADMIN capability`,
    {
      // pss-restricted's allowance: NET_BIND_SERVICE passes, anything else is still a finding.
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: x:1
              securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}
        #                                                                           ^^^^^ adds the CHOWN capability`,
      options: { allowed: ['NET_BIND_SERVICE'] },
    },
  ],
  validWithOptions: [
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {capabilities: {add: [CHOWN, KILL]}}\n',
      options: { allowed: ['CHOWN', 'KILL'] },
    },
  ],
});
