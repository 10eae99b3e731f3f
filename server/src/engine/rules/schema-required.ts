// schema-required: a field the API requires is missing; the finding sits on the key of the map that lacks it.
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-required',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A required field is missing: a container without `name`, a Deployment without `spec.selector`, a port without `containerPort`.',
      rationale:
        'The API server rejects an object that lacks a required field ("Required value"). Kubewright reports it on the ' +
        'key of the map that should hold it, or on the first line of a list item, naming the missing field.',
      remediation: 'Add the missing field the message names.',
      bad: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    metadata:',
        '      labels:', '        app: web', '    spec:', '      containers:', '        - image: nginx:1.27', '',
      ].join('\n'),
      good: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels:',
        '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers:',
        '        - name: web', '          image: nginx:1.27', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('required', document, ctx);
  },
};
