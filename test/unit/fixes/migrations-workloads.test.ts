// Migration quick fixes, exact output: Deployment, DaemonSet, ReplicaSet and StatefulSet to apps/v1, with the
// selector written out from the template's labels where the old version defaulted it, and the OnDelete update
// strategy where the old version defaulted to that; comments kept.
import { yaml } from '../../support/rule-tester';
import { assertNoFix } from '../../support/fix-tester';
import { assertMigration } from '../../support/migration-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: workloads to apps/v1', () => {
  it('adds spec.selector.matchLabels from the template labels, above the template, to an extensions/v1beta1 Deployment', () => {
    assertMigration(
      yaml`
        apiVersion: extensions/v1beta1   # Kubernetes 1.8
        kind: Deployment
        metadata:
          name: details
        spec:
          replicas: 1
          # the pods
          template:
            metadata:
              labels:
                app: details
                version: "1"
            spec:
              containers:
              - name: details
                image: istio/details:1.0
      `,
      yaml`
        apiVersion: apps/v1   # Kubernetes 1.8
        kind: Deployment
        metadata:
          name: details
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: details
              version: "1"
          # the pods
          template:
            metadata:
              labels:
                app: details
                version: "1"
            spec:
              containers:
              - name: details
                image: istio/details:1.0
      `,
    );
  });

  it('only renames an apps/v1beta2 Deployment that has a selector, keeping quotes', () => {
    assertMigration(
      yaml`
        apiVersion: "apps/v1beta2"
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata: {labels: {app: web, tier: frontend}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
      `,
      yaml`
        apiVersion: "apps/v1"
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata: {labels: {app: web, tier: frontend}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
      `,
    );
  });

  it('drops the controller-kept templateGeneration of an extensions/v1beta1 DaemonSet and keeps its OnDelete default, in a 4-space file', () => {
    assertMigration(
      yaml`
        apiVersion: extensions/v1beta1
        kind: DaemonSet
        metadata:
            name: agent
        spec:
            templateGeneration: 3
            template:
                metadata:
                    labels: {name: agent}
                spec:
                    containers: [{name: agent, image: "agent:2"}]
      `,
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
            name: agent
        spec:
            selector:
                matchLabels:
                    name: agent
            updateStrategy:
                type: OnDelete
            template:
                metadata:
                    labels: {name: agent}
                spec:
                    containers: [{name: agent, image: "agent:2"}]
      `,
    );
  });

  it('migrates an apps/v1beta1 StatefulSet, writing out the OnDelete update strategy it defaulted to', () => {
    assertMigration(
      yaml`
        apiVersion: apps/v1beta1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          template:
            metadata:
              labels: {app: db}
            spec: {containers: [{name: db, image: "cockroach:v1"}]}
      `,
      yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector:
            matchLabels:
              app: db
          updateStrategy:
            type: OnDelete
          template:
            metadata:
              labels: {app: db}
            spec: {containers: [{name: db, image: "cockroach:v1"}]}
      `,
    );
  });

  it('keeps an update strategy that is written, and fills in the type of one that is not', () => {
    assertMigration(
      yaml`
        apiVersion: apps/v1beta1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          updateStrategy: {type: RollingUpdate}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "db:1"}]}
      `,
      yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          updateStrategy: {type: RollingUpdate}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "db:1"}]}
      `,
    );
    assertMigration(
      yaml`
        apiVersion: extensions/v1beta1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          updateStrategy:   # set by hand
          templateGeneration: 2
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1"}]}
      `,
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          updateStrategy:   # set by hand
            type: OnDelete
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1"}]}
      `,
    );
  });

  it('writes no update strategy for apps/v1beta2, which already rolled out with RollingUpdate', () => {
    assertMigration(
      yaml`
        apiVersion: apps/v1beta2
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1"}]}
      `,
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1"}]}
      `,
    );
  });

  it('offers no migration without template labels to select by, or with a rollbackTo request', () => {
    assertNoFix(
      rule,
      yaml`
        apiVersion: extensions/v1beta1
        kind: ReplicaSet
        metadata: {name: bare}
        spec:
          template:
            spec: {containers: [{name: a, image: "x:1"}]}
      `,
    );
    assertNoFix(
      rule,
      yaml`
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: undo}
        spec:
          rollbackTo: {revision: 2}
          selector: {matchLabels: {app: undo}}
          template:
            metadata: {labels: {app: undo}}
            spec: {containers: [{name: a, image: "x:1"}]}
      `,
    );
  });
});
