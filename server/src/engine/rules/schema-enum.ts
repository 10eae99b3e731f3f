// schema-enum: a value outside the fixed set its field accepts (imagePullPolicy, restartPolicy, protocol, Service type…).
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-enum',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A value is not one of those its field accepts (`imagePullPolicy: always`, Service `type: Nodeport`).',
      rationale:
        'Fields such as `imagePullPolicy`, `restartPolicy`, a port\'s `protocol` or a Service\'s `type` accept a fixed ' +
        'set of values, spelt exactly: the API server rejects anything else, including a different case.',
      remediation: 'Use one of the values the message lists (it suggests the closest one).',
      bad: [
        'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: Nodeport', '  selector:', '    app: web',
        '  ports:', '    - port: 80', '      protocol: tcp', '',
      ].join('\n'),
      good: [
        'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: NodePort', '  selector:', '    app: web',
        '  ports:', '    - port: 80', '      protocol: TCP', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('enum', document, ctx);
  },
};
