// schema-quantity: resource quantities Kubernetes cannot parse, on the value, with the right suffix suggested.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-quantity';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        overhead: {cpu: .5}
        containers:
          - name: a
            image: x
            resources:
              requests: {cpu: 500m, memory: 128Mi, ephemeral-storage: 1e3, nvidia.com/gpu: 1}
              limits: {cpu: "2", memory: 1.5Gi, hugepages-2Mi: "1E3", example.com/widget: +4k}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x
            resources:
              limits:
                memory: 1GB
      #                 ^^^ \`memory\`: \`1GB\` is not a Kubernetes quantity: write \`1Gi\` (powers of 1024) or \`1G\` (powers of 1000)
                cpu: 500 m
      #              ^^^^^ \`cpu\`: \`500 m\` is not a Kubernetes quantity: a number with an optional suffix
              requests: {memory: 512mb, cpu: 1K}
      #                          ^^^^^ write \`512Mi\` (powers of 1024) or \`512M\`
      #                                      ^^ \`1K\` is not a Kubernetes quantity
      ---
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: q}
      spec:
        hard:
          requests.storage: 100 GiB
      #                     ^^^^^^^ \`100 GiB\` is not a Kubernetes quantity: write \`100Gi\``,
  ],
});
