// schema-unknown-kind: an apiVersion/kind pair that no built-in API serves (`apps/v1` has no `Ingress`).
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-unknown-kind',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A built-in API group does not serve this `apiVersion`/`kind` pair (`apps/v1` has no `Ingress`).',
      rationale:
        'The API server rejects an object whose kind its apiVersion does not serve ("no matches for kind"), so the ' +
        'manifest never applies. Kubewright knows the kinds of every built-in group (Kubernetes 1.36, and the removed ' +
        'versions older manifests use). Custom kinds, from groups that are not built in, are never reported here (their ' +
        'CRD may live in the cluster only), and neither are alpha and beta versions it does not carry.',
      remediation: 'Use the apiVersion that serves the kind (the message names it), or correct the kind\'s spelling.',
      bad: 'apiVersion: apps/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n',
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('unknown-kind', document, ctx);
  },
};
