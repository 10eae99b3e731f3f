// restricted-volume-types: a volume type outside the restricted list, on its key; hostPath is no-host-path's.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/restricted-volume-types';

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
          - {name: cache, emptyDir: {}}
          - {name: config, configMap: {name: c}}
          - {name: token, projected: {sources: []}}
          - {name: data, persistentVolumeClaim: {claimName: d}}
          - {name: node, hostPath: {path: /var/log}}`,
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
        volumes:
          - name: shared
            nfs: {server: nfs.example.com, path: /exports}
      #     ^^^ Volume "shared" is of type nfs, which the restricted standard refuses: use a PersistentVolumeClaim or CSI volume
          - gitRepo: {repository: "https://example.com/r.git"}
      #     ^^^^^^^ Volume "#2" is of type gitRepo`,
  ],
});
