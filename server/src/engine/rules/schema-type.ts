// schema-type: a value of the wrong type for its field: a string where an integer belongs, a map for a list…
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-type',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A value has the wrong type for its field: a quoted `"80"` for an integer, a number or boolean for a string, a map for a list.',
      rationale:
        'The API server decodes each field into a fixed type and rejects the whole object when a value does not fit ' +
        '("cannot unmarshal string into Go struct field"). YAML decides the type from how a value is written ' +
        '(YAML 1.2 core schema): `80` is an integer, `"80"` a string, `true` a boolean, `1.10` a number.',
      remediation:
        'Write the value as its field expects: remove the quotes from numbers, quote strings that look like numbers or ' +
        'booleans (`value: "true"`, `version: "1.10"`), and use a list (`- item`) or a map where the field needs one.',
      bad: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      ports:', '        - containerPort: "8080"', '      env:', '        - name: DEBUG', '          value: true', '',
      ].join('\n'),
      good: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
        '      ports:', '        - containerPort: 8080', '      env:', '        - name: DEBUG', '          value: "true"', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('type', document, ctx);
  },
};
