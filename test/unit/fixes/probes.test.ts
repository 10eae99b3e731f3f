// Quick fixes of require-liveness-probe, require-readiness-probe and identical-probes, exact output: which check
// a new probe gets from the container's ports or its other probe, and the three ways apart for identical probes.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, fixTitles } from '../../support/fix-tester';
import { rule as liveness } from '../../../server/src/engine/rules/require-liveness-probe';
import { rule as readiness } from '../../../server/src/engine/rules/require-readiness-probe';
import { rule as identical } from '../../../server/src/engine/rules/identical-probes';

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

describe('fix: identical-probes', () => {
  const twins = yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
        - name: web
          image: web:1
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
  `;

  it('offers three ways apart, a more patient liveness preferred', () => {
    assert.deepEqual(fixTitles(identical, twins), [
      '* Let liveness tolerate more failures than readiness (failureThreshold: 6)',
      'Point liveness at its own, cheaper endpoint (/livez)',
      'Add a startupProbe for slow starts, and let liveness tolerate more failures than readiness',
    ]);
  });

  it('gives liveness twice the failureThreshold of readiness (Kubernetes\' default 3 when unset)', () => {
    assertFix(
      identical,
      twins,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              livenessProbe:
                httpGet: {path: /healthz, port: 8080}
                failureThreshold: 6
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
      `,
    );
  });

  it('sets a failureThreshold that is already there to twice readiness\'s', () => {
    assertFix(
      identical,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: db
              image: postgres:16
              readinessProbe:
                tcpSocket: {port: 5432}
                failureThreshold: 5
              livenessProbe:
                tcpSocket: {port: 5432}
                failureThreshold: 5
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: db
              image: postgres:16
              readinessProbe:
                tcpSocket: {port: 5432}
                failureThreshold: 5
              livenessProbe:
                tcpSocket: {port: 5432}
                failureThreshold: 10
      `,
      { title: '(failureThreshold: 10)' },
    );
  });

  it('points liveness at /livez inside its flow map', () => {
    assertFix(
      identical,
      twins,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              livenessProbe:
                httpGet: {path: /livez, port: 8080}
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
      `,
      { title: 'cheaper endpoint (/livez)' },
    );
  });

  it('adds a startupProbe with the same check after the container\'s last entry, and a patient liveness', () => {
    assertFix(
      identical,
      twins,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              livenessProbe:
                httpGet: {path: /healthz, port: 8080}
                failureThreshold: 6
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
              startupProbe:
                httpGet:
                  path: /healthz
                  port: 8080
                periodSeconds: 10
                failureThreshold: 30
      `,
      { title: 'Add a startupProbe' },
    );
  });

  it('keeps both probes\' additions in order when liveness is the container\'s last entry', () => {
    assertFix(
      identical,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              readinessProbe:
                exec: {command: [cat, /tmp/ready]}
              livenessProbe:
                exec: {command: [cat, /tmp/ready]}
      `,
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:1
              readinessProbe:
                exec: {command: [cat, /tmp/ready]}
              livenessProbe:
                exec: {command: [cat, /tmp/ready]}
                failureThreshold: 6
              startupProbe:
                exec:
                  command:
                    - cat
                    - /tmp/ready
                periodSeconds: 10
                failureThreshold: 30
      `,
      { title: 'Add a startupProbe' },
    );
  });
});
