// Migration quick fixes, exact output: HorizontalPodAutoscaler to autoscaling/v2. v2beta2 only changes its
// apiVersion; v2beta1's metric targets become `target: {type, …}` and metricName/selector move under `metric`.
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix } from '../../support/fix-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

describe('migration: HorizontalPodAutoscaler to autoscaling/v2', () => {
  it('rewrites each kind of v2beta1 metric, comments kept', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: autoscaling/v2beta1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource:
              name: cpu
              targetAverageUtilization: 60   # of the request
          - type: Resource
            resource: {name: memory, targetAverageValue: 500Mi}
          - type: Pods
            pods:
              metricName: requests_per_second
              selector:
                matchLabels: {verb: GET}
              targetAverageValue: "100"
          - type: Object
            object:
              target: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}
              metricName: hits
              targetValue: 2k
          - type: External
            external:
              metricName: queue_depth
              metricSelector: {matchLabels: {queue: jobs}}
              targetAverageValue: 30
      `,
      yaml`
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 60   # of the request
          - type: Resource
            resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}
          - type: Pods
            pods:
              metric:
                name: requests_per_second
                selector:
                  matchLabels: {verb: GET}
              target:
                type: AverageValue
                averageValue: "100"
          - type: Object
            object:
              describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}
              metric:
                name: hits
              target:
                type: Value
                value: 2k
          - type: External
            external:
              metric:
                name: queue_depth
                selector: {matchLabels: {queue: jobs}}
              target:
                type: AverageValue
                averageValue: 30
      `,
    );
  });

  it('only renames autoscaling/v2beta2, which has v2\'s shape already', () => {
    assertFix(
      rule,
      'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}\n',
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}\n',
    );
  });

  it('offers none for a metric it cannot place in v2 (an Object metric with averageValue)', () => {
    assertNoFix(
      rule,
      yaml`
        apiVersion: autoscaling/v2beta1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          metrics:
          - type: Object
            object: {target: {kind: Service, name: web}, metricName: hits, targetValue: 2k, averageValue: 1k}
      `,
    );
  });
});
