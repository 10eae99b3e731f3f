// schema-name: names and labels the API server would refuse: metadata.name and namespace that are not DNS names,
// container names that are not DNS labels, label keys and values (and annotation keys) with characters not allowed.
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-name',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A name, namespace, container name, label key or label value breaks Kubernetes\' syntax (`My_App`, a label value with spaces).',
      rationale:
        'Most objects\' names become DNS names: Pods, Deployments, ConfigMaps and the like must be DNS-1123 subdomains ' +
        '(lowercase letters, digits, "-" and "."), Namespaces and container names DNS-1123 labels (no "."), Services ' +
        'DNS-1035 labels (starting with a letter). Label keys and values allow letters, digits, "-", "_" and "." and at ' +
        'most 63 characters. The API server rejects anything else. Kinds whose names follow other rules (RBAC roles ' +
        'allow `system:…`) are not checked.',
      remediation: 'Rename: lowercase, replace "_" and spaces with "-", and keep labels to at most 63 allowed characters.',
      bad: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: My_App', 'spec:', '  selector:', '    matchLabels:',
        '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: front end', '    spec:',
        '      containers:', '        - name: web', '          image: nginx:1.27', '',
      ].join('\n'),
      good: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: my-app', 'spec:', '  selector:', '    matchLabels:',
        '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '        tier: front-end', '    spec:',
        '      containers:', '        - name: web', '          image: nginx:1.27', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('name', document, ctx);
  },
};
