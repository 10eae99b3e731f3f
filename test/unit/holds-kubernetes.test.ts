// Which files Kubewright checks, as the editor's status item asks it (holdsKubernetes): manifests yes; workflows,
// compose files, Helm values and templates no; and never "no" for a file in which the linter finds something.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { holdsKubernetes, lintText } from '../../server/src/engine';
import { parseChunkText } from '../../server/src/engine/parse';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: x:1}]}\n';

describe('holdsKubernetes', () => {
  for (const name of fs.readdirSync(path.join(FIXTURES, 'not-kubernetes'))) {
    it(`is false for ${name}`, () => assert.equal(holdsKubernetes(read(`not-kubernetes/${name}`)), false));
  }

  it('is false for a Helm template, which the linter skips', () => {
    assert.equal(holdsKubernetes(read('helm/deployment.yaml')), false);
  });

  it('is true for manifests, with or without findings', () => {
    assert.equal(holdsKubernetes(read('liveness-http.yaml')), true);
    assert.equal(holdsKubernetes(read('following-all-practices.yaml')), true);
  });

  const KUBERNETES: Record<string, string> = {
    'a Pod after a document that is not Kubernetes': `name: ci\non: push\n---\n${POD}`,
    'a Pod as a flow map': '{apiVersion: v1, kind: Pod, metadata: {name: p}}\n',
    'a Pod whose root map is indented': '  apiVersion: v1\n  kind: Pod\n',
    'a half-typed object that does not parse': 'apiVersion: v1\nkind: Pod\nspec: [\n',
    'a ConfigMap whose strings hold template text': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  summary: "{{ $labels.instance }} is down"\n',
  };
  for (const [name, text] of Object.entries(KUBERNETES)) {
    it(`is true for ${name}`, () => assert.equal(holdsKubernetes(text), true));
  }

  const OTHER: Record<string, string> = {
    'values naming apiVersion and kind below the root': 'ingress:\n  apiVersion: networking.k8s.io/v1\n  kind: Ingress\n',
    'a map with only a kind': 'kind: Pod\nname: p\n',
    'a templated object': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n',
    'an empty file': '',
  };
  for (const [name, text] of Object.entries(OTHER)) {
    it(`is false for ${name}`, () => assert.equal(holdsKubernetes(text), false));
  }

  it("reuses the linter's parse of a chunk instead of parsing it again", () => {
    const text = '{apiVersion: v1, kind: Pod}\n';
    const asked: string[] = [];
    const parsed = (chunkText: string) => {
      asked.push(chunkText);
      return parseChunkText(chunkText);
    };
    assert.equal(holdsKubernetes(text, parsed), true);
    assert.deepEqual(asked, [text]);
  });

  it('is true for every fixture in which the linter finds something, under every rule', () => {
    const withFindings = fixtureFiles(FIXTURES).filter((file) => lintText(fs.readFileSync(file, 'utf8'), { profile: 'all' }).length > 0);
    assert.ok(withFindings.length >= 10, `only ${withFindings.length} fixtures have findings: the check would prove little`);
    const missed = withFindings.filter((file) => !holdsKubernetes(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(missed.map((file) => path.relative(FIXTURES, file)), []);
  });
});

function fixtureFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return fixtureFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}
