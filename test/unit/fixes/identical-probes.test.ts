// Quick fixes of identical-probes, exact output: a more patient liveness (preferred), a cheaper liveness endpoint,
// or a startupProbe with the same check.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, fixTitles } from '../../support/fix-tester';
import { rule as identical } from '../../../server/src/engine/rules/identical-probes';

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
