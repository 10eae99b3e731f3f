// schema-name: names, namespaces, container names, label keys and values the API server would refuse, on the value.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-name';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web.frontend-1
        namespace: shop
        labels: {app.kubernetes.io/name: web, empty: "", version: v1.2_3}
        annotations: {kubernetes.io/change-cause: "anything at all, even spaces"}
      spec:
        selector: {matchLabels: {app.kubernetes.io/name: web}}
        template:
          metadata: {labels: {app.kubernetes.io/name: web}}
          spec: {containers: [{name: web-1, image: x}]}`,
    // RBAC names allow colons; a custom resource's names are its own business.
    yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: "system:controller:web"}
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: Not_A_DNS_Name, labels: {"bad key": "bad value"}}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: My_App
      #       ^^^^^^ Invalid Deployment name \`My_App\`: must be a DNS-1123 subdomain
        namespace: shop.eu
      #            ^^^^^^^ Invalid namespace \`shop.eu\`: must be a DNS-1123 label
        labels:
          tier: front end
      #         ^^^^^^^^^ Invalid value \`front end\` for label \`tier\`
          Example.com/app: web
      #   ^^^^^^^^^^^^^^^ Invalid label key \`Example.com/app\`: its prefix \`Example.com\` must be a DNS-1123 subdomain
          -app: web
      #   ^^^^ Invalid label key \`-app\`: its name must be
          version: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      #            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ at most 63
        annotations:
          "my annotation": x
      #   ^^^^^^^^^^^^^^^ Invalid annotation key
      spec:
        selector:
          matchLabels: {app: "web app"}
      #                      ^^^^^^^^^ Invalid value \`web app\` for label \`app\`
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: Web
      #               ^^^ Invalid container name \`Web\`: must be a DNS-1123 label
                image: x
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: 1web}
      #                ^^^^ Invalid Service name \`1web\`: must be a DNS-1035 label`,
  ],
});
