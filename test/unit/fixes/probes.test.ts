// Quick fixes of require-liveness-probe and require-readiness-probe, exact output: which check a new probe gets
// from the container's ports, or from its other probe.
import { yaml } from '../../support/rule-tester';
import { assertFix } from '../../support/fix-tester';
import { rule as liveness } from '../../../server/src/engine/rules/require-liveness-probe';
import { rule as readiness } from '../../../server/src/engine/rules/require-readiness-probe';

describe('fix: require-liveness-probe and require-readiness-probe', () => {
  it('checks a named HTTP port with httpGet on the name', () => {
    assertFix(
      liveness,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              ports:
                - name: grpc
                  containerPort: 9000
                - name: http
                  containerPort: 8000
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              ports:
                - name: grpc
                  containerPort: 9000
                - name: http
                  containerPort: 8000
              livenessProbe:
                httpGet:
                  path: /healthz
                  port: http
                periodSeconds: 10
                failureThreshold: 6
      `,
      { title: 'Add a livenessProbe to container "web"' },
    );
  });

  it('checks an unnamed 8080 with httpGet on the number', () => {
    assertFix(
      readiness,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              ports:
                - containerPort: 8080
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              ports:
                - containerPort: 8080
              readinessProbe:
                httpGet:
                  path: /ready
                  port: 8080
                periodSeconds: 5
                failureThreshold: 3
      `,
      { title: 'Add a readinessProbe to container "web"' },
    );
  });

  it('checks a port that does not look like HTTP with tcpSocket', () => {
    assertFix(
      liveness,
      yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: postgres:16
                  ports:
                    - containerPort: 5432
                      name: postgres
      `,
      yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: postgres:16
                  ports:
                    - containerPort: 5432
                      name: postgres
                  livenessProbe:
                    tcpSocket:
                      port: postgres
                    periodSeconds: 10
                    failureThreshold: 6
      `,
    );
  });

  it('checks TCP 8080 on a container without ports', () => {
    assertFix(
      readiness,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: worker
              image: worker:3
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: worker
              image: worker:3
              readinessProbe:
                tcpSocket:
                  port: 8080
                periodSeconds: 5
                failureThreshold: 3
      `,
    );
  });

  it('copies the check of the other probe, with its own timings', () => {
    assertFix(
      liveness,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              readinessProbe:
                httpGet: {path: /ready, port: 8080}
                periodSeconds: 5
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              readinessProbe:
                httpGet: {path: /ready, port: 8080}
                periodSeconds: 5
              livenessProbe:
                httpGet:
                  path: /ready
                  port: 8080
                periodSeconds: 10
                failureThreshold: 6
      `,
    );
  });
});
