// schema-type: values whose YAML type does not fit their field, on the value (or the key of a block value).
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-type';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, annotations: {note: "true"}, creationTimestamp: null}
      spec:
        replicas: 3
        revisionHistoryLimit: ~
        selector: {matchLabels: {app: web}}
        strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: nginx:1.27
                args: ["--port", "80"]
                env: [{name: A, value: "1.10"}, {name: B, value: "true"}, {name: C}]
                ports: [{containerPort: 80}]
                readinessProbe: {httpGet: {port: http, path: /}}
                livenessProbe: {tcpSocket: {port: 8080}}
                resources: {limits: {cpu: 0.5, memory: 128Mi}, requests: {cpu: 1}}
                securityContext: {runAsNonRoot: true, runAsUser: 0x3e8}`,
    // Anchors are checked where they are defined; the alias is not judged again.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, labels: &l {app: x}, annotations: *l}
      spec: {containers: [{name: a, image: x}]}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: "3"
      #           ^^^ \`replicas\` must be an integer, not the string \`"3"\`
        minReadySeconds: 1.5
      #                  ^^^ \`minReadySeconds\` must be an integer, not the number \`1.5\`
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: nginx:1.27
                args: --verbose
      #               ^^^^^^^^^ \`args\` must be a list, not the string \`--verbose\`
                command: [sh, 1]
      #                       ^ \`command[1]\` must be a string, not the number \`1\`
                ports:
                  - containerPort: "80"
      #                            ^^^^ \`containerPort\` must be an integer, not the string \`"80"\`
                env:
                  - name: DEBUG
                    value: true
      #                    ^^^^ \`value\` must be a string, not the boolean \`true\`
                  - name: VERSION
                    value: 1.10
      #                    ^^^^ not the number \`1.10\`
                readinessProbe: {httpGet: {port: 80.5}}
      #                                          ^^^^ \`port\` must be an integer or a string
                securityContext:
                  runAsNonRoot: "true"
      #                         ^^^^^^ \`runAsNonRoot\` must be \`true\` or \`false\`
                resources:
                  limits: [cpu]
      #                   ^^^^^ \`limits\` must be a map, not a list`,
    // A block map where a list belongs: the finding sits on the key, on one line.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
      # ^^^^^^^^^^ \`containers\` must be a list, not a map
          name: a
          image: x
        securityContext: yes-please
      #                  ^^^^^^^^^^ \`securityContext\` must be a map of PodSecurityContext fields, not the string \`yes-please\``,
  ],
});
