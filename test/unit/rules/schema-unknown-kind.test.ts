// schema-unknown-kind: apiVersion/kind pairs no built-in API serves, on the kind (or on an unknown GA apiVersion).
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-unknown-kind';

runRuleTests(rule, {
  valid: [
    // Built-in kinds, removed versions (deprecated-api's business), alphas and betas the schema does not carry,
    // custom resources and kubectl's List.
    yaml`
      {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: a}}
      ---
      {apiVersion: extensions/v1beta1, kind: Ingress, metadata: {name: a}}
      ---
      {apiVersion: apps/v1beta3, kind: Deployment, metadata: {name: a}}
      ---
      {apiVersion: monitoring.coreos.com/v1, kind: ServiceMonitor, metadata: {name: a}}
      ---
      {apiVersion: v1, kind: List, items: []}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Ingress
      #     ^^^^^^^ \`apps/v1\` has no kind \`Ingress\`: Ingress is served by \`networking.k8s.io/v1\`
      ---
      apiVersion: apps/v1
      kind: Deploymnet
      #     ^^^^^^^^^^ \`apps/v1\` has no kind \`Deploymnet\`: did you mean \`Deployment\`?
      ---
      apiVersion: policy/v1
      kind: PodSecurityPolicy
      #     ^^^^^^^^^^^^^^^^^ PodSecurityPolicy is served by \`extensions/v1beta1\`, \`policy/v1beta1\`
      ---
      apiVersion: apps/v2
      #           ^^^^^^^ Unknown apiVersion \`apps/v2\`: the group serves \`apps/v1\`, \`apps/v1beta1\`, \`apps/v1beta2\`
      kind: Deployment`,
  ],
});
