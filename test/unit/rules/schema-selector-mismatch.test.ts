// schema-selector-mismatch: an apps workload whose selector does not select its own template's pods, on the term.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-selector-mismatch';

runRuleTests(rule, {
  valid: [
    // Extra template labels are fine; expressions that hold; labels shared through an anchor.
    yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        serviceName: db
        selector:
          matchLabels: &labels {app: db, replicas: 3}
          matchExpressions:
            - {key: tier, operator: In, values: [data, cache]}
            - {key: canary, operator: DoesNotExist}
            - {key: app, operator: Exists}
            - {key: tier, operator: NotIn, values: [web]}
        template:
          metadata:
            labels: {app: db, tier: data, version: v2, replicas: 3}
          spec: {containers: [{name: db, image: x}]}
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: &l {app: agent}}
        template:
          metadata: {labels: *l}
          spec: {containers: [{name: a, image: x}]}`,
    // Services and custom resources are not checked here.
    yaml`
      apiVersion: example.com/v1
      kind: Deployment
      metadata: {name: x}
      spec: {selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: b}}}}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector:
          matchLabels:
            app: web
      #     ^^^^^^^^ Selector does not match the pod template: it wants app: web, the template has app: website
            tier: front
      #     ^^^^^^^^^^^ it wants tier: front, the template has no label tier
          matchExpressions:
            - key: track
      #       ^^^^^^^^^^ it wants track In (stable, beta), the template has track: canary
              operator: In
              values: [stable, beta]
            - {key: app, operator: DoesNotExist}
      #        ^^^^^^^^ it wants app DoesNotExist, the template has app: website
        template:
          metadata:
            labels: {app: website, track: canary}
          spec: {containers: [{name: web, image: x}]}
      ---
      apiVersion: extensions/v1beta1
      kind: ReplicaSet
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
      #                          ^^^^^^^^ the template has no label app
        template:
          spec: {containers: [{name: web, image: x}]}`,
  ],
});
