// The snippet catalogue: every file in snippets/ is contributed for YAML, every snippet is findable by a unique
// `k8s-` prefix, says what it is, has tab stops, and the README lists it; and the expander the other snippet tests
// rely on does what VS Code does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contributedSnippetFiles, CURSOR, expandSnippet, insertAt, loadSnippets, ROOT, tabStopDefaults } from '../support/snippets';

const snippets = loadSnippets();

/** What issue 6 asks for, by prefix; the first three were there before and must keep working. */
const EXPECTED_PREFIXES = [
  'k8s-deployment', 'k8s-service', 'k8s-cronjob',
  'k8s-statefulset', 'k8s-daemonset', 'k8s-job', 'k8s-pod',
  'k8s-service-nodeport', 'k8s-service-loadbalancer', 'k8s-service-headless',
  'k8s-configmap', 'k8s-secret', 'k8s-hpa', 'k8s-pdb', 'k8s-networkpolicy', 'k8s-serviceaccount', 'k8s-pvc',
  'k8s-ingress', 'k8s-ingress-rule', 'k8s-ingress-path', 'k8s-probe-trio',
  ...['liveness', 'readiness', 'startup'].flatMap((kind) => ['http', 'tcp', 'exec', 'grpc'].map((h) => `k8s-probe-${kind}-${h}`)),
];

describe('snippet expander', () => {
  it('expands placeholders, choices and mirrors the way VS Code does', () => {
    assert.equal(expandSnippet(['name: ${1:web}', 'app: $1', 'policy: ${2|Forbid,Allow|}', 'x: ${3}$0']), 'name: web\napp: web\npolicy: Forbid\nx: ');
  });

  it('puts what the user typed in every mirror of that tab stop, and keeps escaped characters', () => {
    assert.equal(expandSnippet(['name: ${1:web}', 'tls: ${1:web}-tls', 'app: $1', 'cost: \\$5 \\}'], { 1: 'shop' }), 'name: shop\ntls: shop-tls\napp: shop\ncost: $5 }');
  });

  it('collects each tab stop\'s defaults', () => {
    assert.deepEqual([...tabStopDefaults('${1:a} ${2|x,y|} $1 ${1:b}')], [['1', ['a', 'b']], ['2', ['x']]]);
  });

  it('inserts like VS Code: first line at the cursor, the others re-indented to the cursor line', () => {
    const host = 'spec:\n  containers:\n    - name: a\n      ¦\n      image: x\n';
    assert.equal(insertAt(host, 'livenessProbe:\n  tcpSocket:\n    port: 80'), 'spec:\n  containers:\n    - name: a\n      livenessProbe:\n        tcpSocket:\n          port: 80\n      image: x\n');
    assert.throws(() => insertAt('no cursor', 'x'), new RegExp(CURSOR));
  });
});

describe('snippet catalogue', () => {
  it('contributes every file in snippets/ for YAML, and nothing else', () => {
    const onDisk = fs.readdirSync(path.join(ROOT, 'snippets')).filter((f) => f.endsWith('.json')).map((f) => path.join('snippets', f)).sort();
    const contributed = contributedSnippetFiles();
    assert.deepEqual(contributed.map((c) => c.path).sort(), onDisk);
    for (const c of contributed) assert.equal(c.language, 'yaml', c.path);
  });

  it('has every snippet the issue asks for, under its prefix', () => {
    const prefixes = new Set(snippets.map((s) => s.prefix));
    assert.deepEqual(EXPECTED_PREFIXES.filter((p) => !prefixes.has(p)), []);
  });

  it('gives no two snippets the same prefix', () => {
    const seen = new Map<string, string>();
    for (const s of snippets) {
      assert.ok(!seen.has(s.prefix), `${s.prefix}: ${seen.get(s.prefix)} and ${s.file} ${s.name}`);
      seen.set(s.prefix, `${s.file} ${s.name}`);
    }
  });

  it('lists every snippet in the README, by prefix', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = new Set([...readme.matchAll(/^\| `(k8s-[a-z0-9-]+)` \|/gm)].map((m) => m[1]));
    assert.deepEqual(snippets.map((s) => s.prefix).filter((p) => !listed.has(p)), []);
    assert.deepEqual([...listed].filter((p) => !snippets.some((s) => s.prefix === p)), []);
  });

  for (const snippet of snippets) {
    describe(`${snippet.prefix} (${snippet.file}: ${snippet.name})`, () => {
      const source = snippet.body.join('\n');

      it('has a k8s- prefix, a description and tab stops', () => {
        assert.match(snippet.prefix, /^k8s-[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(snippet.description.length >= 30, 'the description says what the snippet is for');
        assert.match(source, /\$\{1[:|]/, 'the first tab stop has a default');
      });

      it('leaves no snippet syntax behind, and no tab or trailing space', () => {
        const text = expandSnippet(snippet.body);
        assert.ok(!/\$/.test(text), `nothing of the snippet syntax is left:\n${text}`);
        assert.ok(!/\t/.test(source), 'YAML indents with spaces');
        assert.deepEqual(snippet.body.filter((line) => /\s$/.test(line)), []);
      });

      it('gives each tab stop one default, so that its mirrors agree', () => {
        for (const [n, values] of tabStopDefaults(source)) assert.equal(new Set(values).size, 1, `tab stop ${n}: ${values.join(' / ')}`);
      });
    });
  }
});
