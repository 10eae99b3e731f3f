// schema-unknown-field: fields a built-in kind does not have, on the key, with the closest real field suggested.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-unknown-field';

runRuleTests(rule, {
  valid: [
    // Every field known, in a pod template and a CronJob's job template.
    yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly, labels: {app: x}, annotations: {note: y}}
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: a, image: x:1, imagePullPolicy: Always, resources: {limits: {cpu: 1}}}]`,
    // Custom resources have no built-in schema: anything goes.
    yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}
      spec: {anything: [1, 2], nested: {deep: true}}`,
    // An alpha or beta of a built-in group the schema does not carry, and kubectl's List wrapper.
    yaml`
      apiVersion: resource.k8s.io/v1beta2
      kind: DeviceClass
      metadata: {name: gpu}
      spec: {whatever: 1}
      ---
      apiVersion: v1
      kind: List
      items: []`,
    // A document that does not parse is yaml-syntax's: no schema findings on a structure the parser guessed.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: []
        containers: []
        bogus: 1`,
    // Free-form values (a CRD's default and example) take any field.
    yaml`
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                default: {anyKey: 1}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        lables: {app: web}
      # ^^^^^^ Unknown field \`lables\` in ObjectMeta: did you mean \`labels\`?
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            contaners: []
      #     ^^^^^^^^^ Unknown field \`contaners\` in PodSpec: did you mean \`containers\`?
            containers:
              - name: web
                image: nginx:1.27
                ImagePullPolicy: Always
      #         ^^^^^^^^^^^^^^^ did you mean \`imagePullPolicy\`?
                frobnicate: true
      #         ^^^^^^^^^^ Unknown field \`frobnicate\` in Container`,
    // A block indented one level too far lands in the wrong map.
    yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        spec:
      # ^^^^ Unknown field \`spec\` in ObjectMeta
          ports: [{port: 80}]`,
  ],
});
