// The workspace index: which files contribute objects, which namespace each object lands in, and when an edit is a
// change other files' findings depend on (the language server re-checks other open files only then).
import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/engine';
import { yaml } from '../../support/rule-tester';

const deployment = (labels: string, extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web${extra}}
  spec:
    selector: {matchLabels: {${labels}}}
    template:
      metadata: {labels: {${labels}}}
      spec: {containers: [{name: web, image: "x:1", ports: [{name: http, containerPort: 80}]}]}`;

describe('workspace index', () => {
  it('takes nothing from Helm templates, YAML that is not Kubernetes, or a document that does not parse', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/chart/templates/d.yaml', deployment('app: web').replace('name: web', 'name: {{ .Release.Name }}'));
    index.setFile('/w/.github/workflows/ci.yaml', 'on: push\njobs: {build: {runs-on: ubuntu-latest}}\n');
    index.setFile('/w/broken.yaml', deployment('app: web') + '  bad: [\n');
    assert.deepEqual(index.all(), []);
    index.setFile('/w/ok.yaml', deployment('app: web'));
    assert.deepEqual(index.all().map((o) => `${o.kind}/${o.name}`), ['Deployment/web']);
  });

  it('puts an object in its own namespace, else the nearest kustomization namespace above it, else default', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/k/kustomization.yaml', 'namespace: outer\nresources: [a]\n');
    index.setFile('/w/k/inner/kustomization.yml', 'namespace: inner\n');
    index.setFile('/w/k/inner/deep/d.yaml', deployment('app: a'));
    index.setFile('/w/k/d.yaml', deployment('app: b'));
    index.setFile('/w/k/own.yaml', deployment('app: c').replace('metadata: {name: web}', 'metadata: {name: web, namespace: mine}'));
    index.setFile('/w/plain.yaml', deployment('app: d'));
    const where = (file: string) => index.inFile(file).map((o) => o.effectiveNamespace);
    assert.deepEqual([where('/w/k/inner/deep/d.yaml'), where('/w/k/d.yaml'), where('/w/k/own.yaml'), where('/w/plain.yaml')], [['inner'], ['outer'], ['mine'], ['default']]);
    index.deleteFile('/w/k/inner/kustomization.yml');
    assert.deepEqual(where('/w/k/inner/deep/d.yaml'), ['outer']);
  });

  it('reports a change only when what other files depend on changed', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.setFile('/w/d.yaml', deployment('app: web')), true, 'a new object');
    assert.equal(index.setFile('/w/d.yaml', '# moved down\n' + deployment('app: web')), false, 'only offsets moved');
    assert.equal(index.setFile('/w/d.yaml', deployment('app: web').replace('"x:1"', '"x:2"')), false, 'a field no rule reads');
    const labelled = deployment('app: web').replace('metadata: {name: web}', 'metadata: {name: web, labels: {tier: front}}');
    assert.equal(index.setFile('/w/d.yaml', labelled), false, 'the object\u2019s own labels: selectors match pod labels, not these');
    assert.equal(index.setFile('/w/d.yaml', deployment('app: api')), true, 'the pod labels');
    assert.equal(index.setFile('/w/notes.yaml', 'a: 1\n'), false, 'a new file without objects');
    assert.equal(index.deleteFile('/w/notes.yaml'), false);
    assert.equal(index.deleteFile('/w/d.yaml'), true);
  });

  it('gives each object the offset of its chunk, so spans land in the file', () => {
    const index = new WorkspaceIndex();
    const text = deployment('app: a') + '\n---\n' + deployment('app: b', '-2');
    index.setFile('/w/d.yaml', text);
    const second = index.inFile('/w/d.yaml')[1];
    assert.equal(text.slice(second.offset + second.nameSpan[0], second.offset + second.nameSpan[1]), 'web-2');
  });
});
