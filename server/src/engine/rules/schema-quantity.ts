// schema-quantity: a resource quantity Kubernetes cannot parse (`1GB`, `500 m`), with the right spelling suggested.
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-quantity',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A resource quantity is not in Kubernetes\' syntax: `1GB` or `512MB` instead of `1Gi` or `512Mi`.',
      rationale:
        'cpu, memory, storage and every other quantity are a number with an optional suffix: binary `Ki Mi Gi Ti Pi Ei`, ' +
        'decimal `n u m k M G T P E`, or an exponent such as `1e3`. The API server rejects anything else, and `GB` or ' +
        '`MB` are the usual slip.',
      remediation: 'Write the quantity with a Kubernetes suffix: `1Gi` (2^30 bytes) or `1G` (10^9), `500m` cpu.',
      bad: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      resources:', '        limits:', '          memory: 1GB', '',
      ].join('\n'),
      good: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      resources:', '        limits:', '          memory: 1Gi', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('quantity', document, ctx);
  },
};
