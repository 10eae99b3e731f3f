// Migration quick fixes, exact output: CustomResourceDefinition to apiextensions.k8s.io/v1. What v1beta1 shared
// across versions moves into each, JSONPath becomes jsonPath, and the defaults v1 dropped are written out (scope,
// unknown fields kept unless preserveUnknownFields was false); a schema v1 would not take gets no migration.
import { yaml } from '../../support/rule-tester';
import { assertNoFix } from '../../support/fix-tester';
import { assertMigration } from '../../support/migration-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: CustomResourceDefinition to apiextensions.k8s.io/v1', () => {
  it('turns a single version into versions, with the schema, subresources and columns in it, comments kept', () => {
    assertMigration(
      yaml`
        # From an old chart
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata:
          name: crontabs.stable.example.com
        spec:
          group: stable.example.com
          version: v1   # the only one
          names:
            kind: CronTab
            plural: crontabs
          validation:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    cronSpec:
                      type: string
                      description: |
                        When to run.
                    replicas: {type: integer, minimum: 1}
                    labels:
                      type: object
                      additionalProperties: {type: string}
          subresources:
            status: {}
          additionalPrinterColumns:
          - name: Spec
            type: string
            JSONPath: .spec.cronSpec
      `,
      yaml`
        # From an old chart
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: crontabs.stable.example.com
        spec:
          group: stable.example.com
          scope: Namespaced
          versions:   # the only one
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  spec:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
                    properties:
                      cronSpec:
                        type: string
                        description: |
                          When to run.
                      replicas: {type: integer, minimum: 1}
                      labels:
                        type: object
                        additionalProperties: {type: string}
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Spec
              type: string
              jsonPath: .spec.cronSpec
          names:
            kind: CronTab
            plural: crontabs
      `,
    );
  });

  it('copies the shared schema into each version and drops preserveUnknownFields: false, v1\'s default', () => {
    assertMigration(
      yaml`
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata:
          name: things.example.com
        spec:
          group: example.com
          scope: Cluster
          names: {kind: Thing, plural: things}
          versions:
            - name: v1beta1
              served: true
              storage: false
            - name: v1
              served: true
              storage: true
          preserveUnknownFields: false
          validation:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, properties: {size: {type: integer}}}
      `,
      yaml`
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.example.com
        spec:
          group: example.com
          scope: Cluster
          names: {kind: Thing, plural: things}
          versions:
            - name: v1beta1
              served: true
              storage: false
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {size: {type: integer}}}
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {size: {type: integer}}}
      `,
    );
  });

  it('gives a CRD without validation a schema that takes anything, as v1beta1 did', () => {
    assertMigration(
      yaml`
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata: {name: bags.example.com}
        spec:
          group: example.com
          version: "v1alpha1"
          names: {kind: Bag, plural: bags}
      `,
      yaml`
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: bags.example.com}
        spec:
          group: example.com
          scope: Namespaced
          versions:
            - name: "v1alpha1"
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
          names: {kind: Bag, plural: bags}
      `,
    );
  });

  it('migrates per-version schemas and columns in place, in a 4-space file, and writes out a missing served', () => {
    assertMigration(
      yaml`
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata:
            name: jobs.example.com
        spec:
            group: example.com
            scope: Namespaced
            names:
                kind: Job
                plural: jobs
            versions:
                -   name: v2
                    served: true
                    storage: true
                    schema:
                        openAPIV3Schema:
                            type: object
                            properties:
                                spec: {type: object}
                    additionalPrinterColumns:
                        -   {name: Age, type: date, JSONPath: .metadata.creationTimestamp}
                -   name: v1
                    storage: false
                    schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      `,
      yaml`
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
            name: jobs.example.com
        spec:
            group: example.com
            scope: Namespaced
            names:
                kind: Job
                plural: jobs
            versions:
                -   name: v2
                    served: true
                    storage: true
                    schema:
                        openAPIV3Schema:
                            type: object
                            x-kubernetes-preserve-unknown-fields: true
                            properties:
                                spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    additionalPrinterColumns:
                        -   {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
                -   name: v1
                    storage: false
                    schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    served: false
      `,
    );
  });

  it('moves webhook conversion settings under webhook', () => {
    assertMigration(
      yaml`
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
          - name: v1
            served: true
            storage: true
          preserveUnknownFields: false
          validation:
            openAPIV3Schema: {type: object}
          conversion:
            strategy: Webhook
            webhookClientConfig:
              service: {namespace: widgets, name: converter}
            conversionReviewVersions: [v1beta1]
      `,
      yaml`
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object}
          conversion:
            strategy: Webhook
            webhook:
              clientConfig:
                service: {namespace: widgets, name: converter}
              conversionReviewVersions: [v1beta1]
      `,
    );
  });

  it('marks a schema whose type comes last once, not again at the top of the subresources that follow', () => {
    assertMigration(
      yaml`
        apiVersion: apiextensions.k8s.io/v1beta1
        kind: CustomResourceDefinition
        metadata: {name: gens.example.com}
        spec:
          group: example.com
          names: {kind: Gen, plural: gens}
          scope: Namespaced
          version: v1
          validation:
            openAPIV3Schema:
              properties:
                spec:
                  type: object
              type: object
          subresources:
            status: {}
      `,
      yaml`
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gens.example.com}
        spec:
          group: example.com
          names: {kind: Gen, plural: gens}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  properties:
                    spec:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
              subresources:
                status: {}
      `,
    );
  });

  it('offers none for a schema v1 would reject, or a choice only the author can make', () => {
    const crd = (spec: string) =>
      `apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata: {name: xs.example.com}\n` +
      `spec:\n  group: example.com\n  names: {kind: X, plural: xs}\n  version: v1\n${spec}`;
    // Not structural: a property without a type, a type inside anyOf.
    assertNoFix(rule, crd('  validation:\n    openAPIV3Schema:\n      type: object\n      properties:\n        spec: {properties: {a: {type: string}}}\n'));
    assertNoFix(rule, crd('  validation:\n    openAPIV3Schema:\n      type: object\n      anyOf: [{type: object}]\n'));
    // Pruning asked for, with no schema to prune by.
    assertNoFix(rule, crd('  preserveUnknownFields: false\n'));
    // A shared schema to copy into a version written as a flow map.
    assertNoFix(rule, crd('  versions: [{name: v1, served: true, storage: true}]\n  validation:\n    openAPIV3Schema: {type: object}\n'));
    // Webhook conversion whose review versions v1beta1 defaulted and v1 requires.
    assertNoFix(rule, crd('  conversion:\n    strategy: Webhook\n    webhookClientConfig: {url: "https://x.example.com"}\n'));
  });
});
