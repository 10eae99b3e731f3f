// Migration quick fixes, exact output: admission webhook configurations to admissionregistration.k8s.io/v1, with
// v1beta1's defaults written out where v1's differ, and no migration where only the author knows the side effects.
import { yaml } from '../../support/rule-tester';
import { assertNoFix } from '../../support/fix-tester';
import { assertMigration } from '../../support/migration-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: admission webhooks to admissionregistration.k8s.io/v1', () => {
  it('writes out the four v1beta1 defaults a webhook relied on, comments kept', () => {
    assertMigration(
      yaml`
        apiVersion: admissionregistration.k8s.io/v1beta1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: policy
        webhooks:
          - name: validate.policy.example.com   # the only one
            sideEffects: None
            rules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [pods]
            clientConfig:
              service: {namespace: policy, name: policy-webhook}
      `,
      yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: policy
        webhooks:
          - name: validate.policy.example.com   # the only one
            sideEffects: None
            rules:
              - apiGroups: [""]
                apiVersions: [v1]
                operations: [CREATE]
                resources: [pods]
            clientConfig:
              service: {namespace: policy, name: policy-webhook}
            failurePolicy: Ignore
            matchPolicy: Exact
            timeoutSeconds: 30
            admissionReviewVersions:
              - v1beta1
      `,
    );
  });

  it('keeps what each webhook sets, in block and flow style', () => {
    assertMigration(
      yaml`
        apiVersion: admissionregistration.k8s.io/v1beta1
        kind: MutatingWebhookConfiguration
        metadata: {name: inject}
        webhooks:
        - name: a.inject.example.com
          sideEffects: NoneOnDryRun
          failurePolicy: Fail
          timeoutSeconds: 5
          admissionReviewVersions: [v1, v1beta1]
          clientConfig: {url: "https://inject.example.com/a"}
        - {name: b.inject.example.com, sideEffects: None, matchPolicy: Equivalent, clientConfig: {url: "https://inject.example.com/b"}}
      `,
      yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: inject}
        webhooks:
        - name: a.inject.example.com
          sideEffects: NoneOnDryRun
          failurePolicy: Fail
          timeoutSeconds: 5
          admissionReviewVersions: [v1, v1beta1]
          clientConfig: {url: "https://inject.example.com/a"}
          matchPolicy: Exact
        - {name: b.inject.example.com, sideEffects: None, matchPolicy: Equivalent, clientConfig: {url: "https://inject.example.com/b"}, failurePolicy: Ignore, timeoutSeconds: 30, admissionReviewVersions: [v1beta1]}
      `,
    );
  });

  it('offers none when a webhook has, or defaults to, side effects v1 does not take, or repeats a name', () => {
    const configuration = (webhooks: string) =>
      `apiVersion: admissionregistration.k8s.io/v1beta1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: w}\nwebhooks:\n${webhooks}`;
    assertNoFix(rule, configuration('- {name: a.example.com, clientConfig: {url: "https://a.example.com"}}\n'));
    assertNoFix(rule, configuration('- {name: a.example.com, sideEffects: Some, clientConfig: {url: "https://a.example.com"}}\n'));
    assertNoFix(rule, configuration('- {name: a.example.com, sideEffects: Unknown, clientConfig: {url: "https://a.example.com"}}\n'));
    assertNoFix(
      rule,
      configuration(
        '- {name: a.example.com, sideEffects: None, clientConfig: {url: "https://a.example.com"}}\n' +
          '- {name: a.example.com, sideEffects: None, clientConfig: {url: "https://b.example.com"}}\n',
      ),
    );
  });
});
