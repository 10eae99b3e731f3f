// The workspace index and the engine's size limits: a document past them gets at most its syntax checked on its own,
// so the index takes no object from it either (it would otherwise parse megabytes for rules that never run there).
import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/engine';
import { SYNTAX_ONLY_CHARS } from '../../../server/src/engine/limits';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: example/web:1.0}]}
`;

describe('workspace index: size limits', () => {
  it('indexes a document under the limit and skips one past it, keeping the other documents of the file', () => {
    const index = new WorkspaceIndex();
    const padding = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil(SYNTAX_ONLY_CHARS / 80));
    const large = DEPLOYMENT.replace('name: web\n', 'name: large\n') + padding;
    index.setFile('k8s/app.yaml', `${DEPLOYMENT}---\n${large}`);
    assert.deepEqual(index.all().map((o) => o.name), ['web']);
  });
});
