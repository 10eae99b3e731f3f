// Quick fix of require-requests-limits, exact output: only the missing settings are inserted, under the resources
// the container already has; the memory limit follows the memory request; the cpuLimit option adds a cpu limit.
import { yaml } from '../../support/rule-tester';
import { assertFix } from '../../support/fix-tester';
import { rule } from '../../../server/src/engine/rules/require-requests-limits';

describe('fix: require-requests-limits', () => {
  it('adds requests and a memory limit to a container without resources', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 100m
                  memory: 128Mi
                limits:
                  memory: 128Mi
      `,
      { title: 'Add the missing resource settings to container "api"' },
    );
  });

  it('inserts only the missing keys and leaves the values that are there untouched', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 250m   # measured
                limits:
                  cpu: "1"
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 250m   # measured
                  memory: 128Mi
                limits:
                  cpu: "1"
                  memory: 128Mi
      `,
    );
  });

  it('gives the memory limit the value of the memory request', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests: {cpu: 250m, memory: 512Mi}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests: {cpu: 250m, memory: 512Mi}
                limits:
                  memory: 512Mi
      `,
      { title: 'Add the missing resource setting to container "api"' },
    );
  });

  it('counts a memory limit as the request too, and adds only the cpu request', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                limits: {memory: 1Gi}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                limits: {memory: 1Gi}
                requests:
                  cpu: 100m
      `,
    );
  });

  it('adds a cpu limit where the cpuLimit option asks for one', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 250m
                  memory: 64Mi
                limits:
                  memory: 64Mi
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 250m
                  memory: 64Mi
                limits:
                  memory: 64Mi
                  cpu: 500m
      `,
      { options: { cpuLimit: true } },
    );
  });

  it('adds all four with the cpuLimit option on a container without resources', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources:
                requests:
                  cpu: 100m
                  memory: 128Mi
                limits:
                  memory: 128Mi
                  cpu: 500m
      `,
      { options: { cpuLimit: true } },
    );
  });

  it('fills an empty flow map, resources: {}, inside its braces', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources: {}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: api
              image: api:2
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
      `,
    );
  });
});
