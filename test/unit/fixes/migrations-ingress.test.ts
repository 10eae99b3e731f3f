// Migration quick fixes, exact output: Ingress from extensions/v1beta1 and networking.k8s.io/v1beta1 to
// networking.k8s.io/v1, comments kept, in one click from the seed's Ingress.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix } from '../../support/fix-tester';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/migrations/liveness-ingress.yaml'), 'utf8');

describe('migration: Ingress to networking.k8s.io/v1', () => {
  it("migrates the seed's extensions/v1beta1 Ingress in one fix to a valid v1 Ingress, comments kept", () => {
    assertFix(
      rule,
      SEED,
      yaml`
        # The Ingress in front of liveness-http.yaml, as written for Kubernetes 1.8: extensions/v1beta1 is gone since 1.22.
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: liveness
          annotations:
            kubernetes.io/ingress.class: nginx   # the cluster's ingress controller
        spec:
          rules:
            - host: liveness.example.com
              http:
                paths:
                  - path: /
                    pathType: ImplementationSpecific
                    backend:
                      service:
                        name: liveness   # the app's Service
                        port:
                          number: 80
      `,
    );
  });

  it('names a string port, renames spec.backend to defaultBackend, and adds pathType to a path without `path`', () => {
    assertFix(
      rule,
      yaml`
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata:
          name: grpc
        spec:
          backend:   # everything else
            servicePort: http
            serviceName: fallback
          tls:
          - hosts: [grpc.example.com]
            secretName: grpc-tls
          rules:
          - host: grpc.example.com
            http:
              paths:
              - backend:
                  serviceName: fortune   # the gRPC server
                  servicePort: grpc
              - path: /admin
                pathType: Prefix
                backend:
                  serviceName: admin
                  servicePort: 8080
      `,
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: grpc
        spec:
          defaultBackend:   # everything else
            service:
              port:
                name: http
              name: fallback
          tls:
          - hosts: [grpc.example.com]
            secretName: grpc-tls
          rules:
          - host: grpc.example.com
            http:
              paths:
              - backend:
                  service:
                    name: fortune   # the gRPC server
                    port:
                      name: grpc
                pathType: ImplementationSpecific
              - path: /admin
                pathType: Prefix
                backend:
                  service:
                    name: admin
                    port:
                      number: 8080
      `,
    );
  });

  it('keeps a resource backend as it is, and migrates a file without a final line break', () => {
    assertFix(
      rule,
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: files}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /static\n        backend:\n          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}\n      - path: /\n        backend: {serviceName: web, servicePort: 80}',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: files}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /static\n        pathType: ImplementationSpecific\n        backend:\n          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}\n      - path: /\n        pathType: ImplementationSpecific\n        backend: {service: {name: web, port: {number: 80}}}',
    );
  });

  it('offers no migration for a backend it cannot read (a servicePort without a serviceName)', () => {
    assertNoFix(
      rule,
      yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: broken}
        spec:
          backend:
            servicePort: 80
      `,
    );
  });
});
