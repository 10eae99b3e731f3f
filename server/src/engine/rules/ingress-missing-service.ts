// ingress-missing-service: an Ingress backend names a Service that no file defines in its namespace, or a port that
// Service does not have, so the controller answers 503 on that path.
import type { WorkspaceRule } from '../types';
import { manifests, service } from '../workspace/examples';

const ingress = (serviceName: string, port: string) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    'spec:',
    '  rules:',
    '    - host: www.example.com',
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    `            backend: {service: {name: ${serviceName}, port: {${port}}}}`,
  ].join('\n');

export const rule: WorkspaceRule = {
  meta: {
    id: 'ingress-missing-service',
    severity: 'warning',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'An Ingress backend names a Service, or a port of it, that no file in the workspace defines in its namespace.',
      rationale:
        'An Ingress routes to a Service of its own namespace by name, and to one of that Service\'s ports by number or ' +
        'name. A misspelt Service or a port the Service does not expose is accepted by the cluster; the controller ' +
        'then answers 503 on that path. Judged only when Services of its namespace sit in the Ingress\'s folder or one ' +
        'above or below it, so an Ingress for Services deployed from elsewhere is left alone.',
      remediation: 'Name a Service of the same namespace, and one of its `ports` by its `port` number or its `name`.',
      bad: manifests(ingress('web', 'number: 8080'), service('web', 'app: web')),
      good: manifests(ingress('web', 'number: 80'), service('web', 'app: web')),
    },
  },
  checkObject(object, index, ctx) {
    if (!object.ingressBackends?.length) return;
    const services = index.find(object.effectiveNamespace, 'Service');
    if (!index.nearby(object, services)) return;
    for (const backend of object.ingressBackends) {
      const target = services.find((s) => s.name === backend.service);
      if (!target) {
        ctx.report({ at: backend.serviceSpan, message: `No file defines a Service "${backend.service}" in namespace "${object.effectiveNamespace}": requests on this path get 503` });
        continue;
      }
      const ports = target.servicePorts ?? [];
      if (backend.port === undefined || !backend.portSpan || ports.length === 0) continue;
      const found = typeof backend.port === 'number' ? ports.some((p) => p.port === backend.port) : ports.some((p) => p.name === backend.port);
      if (found) continue;
      const has = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
      ctx.report({
        at: backend.portSpan,
        message: `Service "${backend.service}" has no port ${typeof backend.port === 'number' ? backend.port : `named "${backend.port}"`}: its ports are ${has}`,
      });
    }
  },
};
