// schema-unknown-field: a field the object's built-in schema does not have, with the closest real one suggested.
import type { DocumentRule } from '../types';
import { reportSchemaIssues } from '../schema/validate';
import { CORE } from '../profiles';

export const rule: DocumentRule = {
  meta: {
    id: 'schema-unknown-field',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A field that does not exist where it is written, often a typo or a wrong indentation (`contianers`).',
      rationale:
        'kubectl and the API server reject unknown fields (strict field validation), or, with validation off, drop them ' +
        'silently: a misspelt `readinessProbe` or a `resources` block indented one level too far then simply does ' +
        'nothing. Kubewright checks every field of a built-in kind against its schema, and of a custom resource against ' +
        'its CustomResourceDefinition when one is in the workspace, and suggests the closest name.',
      remediation: 'Correct the spelling (the message suggests the closest field) or the indentation, or remove the field.',
      bad: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  contianers:', '    - name: web', '      image: nginx:1.27', '',
      ].join('\n'),
      good: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    reportSchemaIssues('unknown-field', document, ctx);
  },
};
