// no-host-path: each hostPath volume, reported on its hostPath key.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-host-path';

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
        volumes:
          - name: cfg
            configMap: {name: cfg}
          - name: tmp
            emptyDir: {}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: logs}
      spec:
        template:
          spec:
            containers:
              - name: a
                image: x:1
            volumes:
              - name: varlog
                hostPath:
      #         ^^^^^^^^ Volume "varlog" mounts a path from the node (/var/log)
                  path: /var/log
              - name: cfg
                configMap: {name: cfg}
              - name: root
                hostPath: {path: /}
      #         ^^^^^^^^ Volume "root" mounts a path from the node (/)`,
  ],
});
