// Fix-all on the liveness-http example, exact output: every preferred fix in one text that passes every rule, the
// leading comment and the Service untouched, and a second run that changes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { yaml } from '../../support/rule-tester';
import { fixAll, lintText } from '../../../server/src/engine';

const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'liveness-http.yaml');

const FIXED = yaml`
  # The liveness-http example Pod from the Kubernetes documentation, with a Service in front of it.
  apiVersion: v1
  kind: Pod
  metadata:
    labels:
      test: liveness
    name: liveness-http
  spec:
    containers:
    - name: liveness
      image: registry.k8s.io/e2e-test-images/agnhost:2.40
      args:
      - liveness
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
          httpHeaders:
          - name: Custom-Header
            value: Awesome
        initialDelaySeconds: 3
        periodSeconds: 3
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          memory: 128Mi
      readinessProbe:
        httpGet:
          path: /healthz
          port: 8080
          httpHeaders:
          - name: Custom-Header
            value: Awesome
        periodSeconds: 3
        failureThreshold: 2
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: liveness-http
  spec:
    selector:
      test: liveness
    ports:
    - port: 80
      targetPort: 8080
`;

describe('fix-all', () => {
  const original = fs.readFileSync(FIXTURE, 'utf8');

  it('fixes liveness-http.yaml to an exact text: one securityContext, resources, a readinessProbe like its liveness that leaves traffic first', () => {
    const result = fixAll(original);
    assert.equal(result.text, FIXED);
    assert.equal(result.applied, 5);
  });

  it('leaves a text that passes every rule, with the leading comment and the Service as they were', () => {
    const { text } = fixAll(original);
    assert.deepEqual(lintText(text), []);
    assert.equal(text.split('\n')[0], original.split('\n')[0]);
    const service = (t: string) => t.slice(t.indexOf('---\n'));
    assert.equal(service(text), service(original));
  });

  it('changes nothing on a second run', () => {
    const again = fixAll(FIXED);
    assert.equal(again.text, FIXED);
    assert.equal(again.applied, 0);
  });
});
