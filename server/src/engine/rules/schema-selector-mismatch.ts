// schema-selector-mismatch: a Deployment, ReplicaSet, StatefulSet or DaemonSet whose selector does not select the
// pods its own template makes.
import { isAlias, isMap, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { DocumentRule } from '../types';
import { pairOf, scalarValue, seqItems, stringValue } from '../k8s/nodes';
import type { Located } from '../k8s/nodes';
import { kubernetesIdentity } from '../k8s/object';
import { CORE } from '../profiles';

const KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'];
const GROUP = /^(apps|extensions)\//;

/** A map's string entries, through an alias; undefined when it is not a plain map of scalars (a merge key, say). */
function labelsOf(node: unknown, document: Document.Parsed): Map<string, string> | undefined {
  const map = isAlias(node) ? node.resolve(document) : node;
  if (!isMap(map)) return undefined;
  const labels = new Map<string, string>();
  for (const pair of map.items) {
    const key = stringValue(pair.key);
    if (key === undefined || key === '<<' || !isScalar(pair.value)) return undefined;
    labels.set(key, String(pair.value.value ?? ''));
  }
  return labels;
}

export const rule: DocumentRule = {
  meta: {
    id: 'schema-selector-mismatch',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A Deployment, ReplicaSet, StatefulSet or DaemonSet selector does not match its pod template\'s labels.',
      rationale:
        'A workload finds its pods by its selector. The API server rejects one whose selector does not match the labels ' +
        'of the pods its template creates ("selector does not match template labels"): usually a label renamed in one ' +
        'place and not the other.',
      remediation: 'Make `spec.selector` and `spec.template.metadata.labels` agree: the template needs every label the selector asks for.',
      bad: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels:', '      app: web',
        '  template:', '    metadata:', '      labels:', '        app: website', '    spec:', '      containers:', '        - name: web',
        '          image: nginx:1.27', '',
      ].join('\n'),
      good: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels:', '      app: web',
        '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers:', '        - name: web',
        '          image: nginx:1.27', '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    const identity = kubernetesIdentity(document);
    if (document.errors.length || !identity || !GROUP.test(identity.apiVersion) || !KINDS.includes(identity.kind)) return;
    const root = document.contents;
    const spec = isMap(root) ? root.get('spec', true) : undefined;
    const selector = isMap(spec) ? spec.get('selector', true) : undefined;
    const template = isMap(spec) ? spec.get('template', true) : undefined;
    if (!isMap(selector) || !isMap(template)) return;
    const metadata = template.get('metadata', true);
    const labelsNode = isMap(metadata) ? metadata.get('labels', true) : undefined;
    // No labels at all matches no selector; labels written some other way (a merge key) are not judged.
    const labels = labelsNode === undefined || scalarValue(labelsNode) === null ? new Map<string, string>() : labelsOf(labelsNode, document);
    if (!labels) return;
    const has = (key: string) => (labels.has(key) ? `the template has ${key}: ${labels.get(key)}` : `the template has no label ${key}`);
    const report = (at: Located, message: string) => ctx.report({ at, message: `Selector does not match the pod template: ${message}` });

    const matchLabels = selector.get('matchLabels', true);
    const wanted = labelsOf(matchLabels, document);
    if (isMap(matchLabels) && wanted) {
      for (const [key, value] of wanted) if (labels.get(key) !== value) report(pairOf(matchLabels, key)!, `it wants ${key}: ${value}, ${has(key)}`);
    }
    for (const expression of seqItems(selector.get('matchExpressions', true))) {
      if (!isMap(expression)) continue;
      const key = stringValue(expression.get('key', true));
      const operator = stringValue(expression.get('operator', true));
      const values = seqItems(expression.get('values', true)).map((v) => (isScalar(v) ? String(v.value) : undefined));
      if (key === undefined || values.includes(undefined)) continue;
      const value = labels.get(key);
      const ok =
        operator === 'In' ? value !== undefined && values.includes(value) :
        operator === 'NotIn' ? value === undefined || !values.includes(value) :
        operator === 'Exists' ? value !== undefined :
        operator === 'DoesNotExist' ? value === undefined : true;
      if (!ok) report(expression.items[0], `it wants ${key} ${operator}${values.length ? ` (${values.join(', ')})` : ''}, ${has(key)}`);
    }
  },
};
