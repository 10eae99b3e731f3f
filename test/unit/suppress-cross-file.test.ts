// Suppressions of the cross-file rules: they run in the workspace pass, not per document, and a comment or an
// annotation in the object's own document silences them too; unused-suppression leaves their ids alone.
import * as assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace-tester';
import { lintText } from '../../server/src/engine';

const SERVICE = (before: string, annotations = '{}') =>
  [
    'apiVersion: v1',
    'kind: Service',
    `metadata: {name: web, annotations: ${annotations}}`,
    'spec:',
    before,
    '  selector: {app: wbe}',
    '  ports: [{port: 80}]',
    '',
  ].join('\n');

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec: {containers: [{name: web, image: web:1}]}',
  '',
].join('\n');

/** The rule ids of the Service file's cross-file findings, with the Deployment beside it. */
function crossFile(service: string): string[] {
  const found = lintFiles(new Map([['k8s/service.yaml', service], ['k8s/deployment.yaml', DEPLOYMENT]]));
  return (found.get('k8s/service.yaml') ?? []).map((line) => line.split(' ')[1].replace(/:$/, ''));
}

describe('suppress: cross-file rules', () => {
  it('reports the typo in the selector without a suppression', () => {
    assert.deepEqual(crossFile(SERVICE('  # just a comment')), ['service-no-matching-pods']);
  });

  it('is silenced by a disable-next-line comment on its line, or a disable above it', () => {
    assert.deepEqual(crossFile(SERVICE('  # kubewright-disable-next-line service-no-matching-pods -- pods come from another repo')), []);
    assert.deepEqual(crossFile(SERVICE('  # kubewright-disable service-no-matching-pods')), []);
    assert.deepEqual(crossFile(SERVICE('  # kubewright-disable-next-line no-host-network')), ['service-no-matching-pods']);
  });

  it('is silenced by kubewright.io/ignore on the object', () => {
    assert.deepEqual(crossFile(SERVICE('  # nothing', '{kubewright.io/ignore: service-no-matching-pods}')), []);
  });

  it('does not make unused-suppression report the id (the per-document pass cannot tell)', () => {
    const service = SERVICE('  # kubewright-disable-next-line service-no-matching-pods');
    assert.deepEqual(lintText(service).filter((f) => f.ruleId === 'unused-suppression'), []);
  });
});
