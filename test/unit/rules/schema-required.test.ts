// schema-required: a missing required field, on the key of the map that lacks it (a list item: its first key).
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-required';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: x, ports: [{containerPort: 80}]}]}`,
    // Being typed: an empty value is there, not missing.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:`,
    // Before apps/v1 the selector was optional (defaulted from the template's labels).
    yaml`
      apiVersion: extensions/v1beta1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: x}]}`,
  ],
  invalid: [
    yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: web}
      spec:
        maxReplicas: 3
        scaleTargetRef:
      # ^^^^^^^^^^^^^^ Missing required field \`name\` in CrossVersionObjectReference
          kind: Deployment
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - image: nginx:1.27
      #     ^^^^^ Missing required field \`name\` in Container
            ports:
              - {name: http}
      #          ^^^^ Missing required field \`containerPort\` in ContainerPort
            env:
              - {}
      #         ^^ Missing required field \`name\` in EnvVar`,
    // At the top level the finding sits on \`kind\`; in a flow map on the key of the map that lacks the field.
    yaml`
      {apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding, metadata: {name: read}, subjects: []}
      #                                          ^^^^ Missing required field \`roleRef\` in RoleBinding
      ---
      {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {template: {spec: {containers: []}}}}
      #                                                              ^^^^ Missing required field \`selector\` in DeploymentSpec`,
  ],
});
