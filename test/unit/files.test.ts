// Whole files: which documents get checked, multi-document files, line endings, BOM, UTF-16 columns, YAML
// syntax errors, Helm templates, and the per-chunk cache.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, LineIndex, ManifestLinter } from '../../server/src/engine';
import type { Finding } from '../../server/src/engine';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** `line:column ruleId` (1-based, as people read them) for each finding. */
function summarize(text: string, findings: Finding[]): string[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const p = index.positionAt(f.start);
    return `${p.line + 1}:${p.character + 1} ${f.ruleId}`;
  });
}

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {privileged: true}\n';
const privilegedOnly = { rules: Object.fromEntries(['run-as-non-root', 'no-privilege-escalation', 'read-only-root-fs', 'require-requests-limits', 'require-liveness-probe', 'require-readiness-probe'].map((id) => [id, 'off' as const])) };

describe('files', () => {
  it('reports the liveness-http Pod: root user, privilege escalation, writable root fs, resources, on its container name', () => {
    const text = read('liveness-http.yaml');
    const ids = summarize(text, lintText(text));
    for (const expected of ['10:5 run-as-non-root', '10:5 no-privilege-escalation', '10:5 read-only-root-fs', '10:5 require-requests-limits']) {
      assert.ok(ids.includes(expected), `missing ${expected} in ${ids.join(', ')}`);
    }
    // It has a liveness probe but no readiness probe, and nothing on the Service.
    assert.deepEqual(ids.filter((i) => i.includes('probe')), ['10:5 require-readiness-probe']);
    assert.ok(ids.every((i) => Number(i.split(':')[0]) < 23), 'the Service gets nothing');
  });

  it('finds nothing in a Deployment that follows all the practices', () => {
    assert.deepEqual(lintText(read('following-all-practices.yaml')), []);
  });

  for (const name of fs.readdirSync(path.join(FIXTURES, 'not-kubernetes'))) {
    it(`stays silent on ${name}`, () => {
      assert.deepEqual(lintText(read(`not-kubernetes/${name}`)), []);
    });
  }

  it('stays silent on broken YAML that is not a Kubernetes object', () => {
    assert.deepEqual(lintText('name: ci\non:\n  push: [main\njobs:\n\tbuild: x\n'), []);
  });

  it('skips a Helm template instead of painting it red', () => {
    assert.deepEqual(lintText(read('helm/deployment.yaml')), []);
  });

  it('still lints plain YAML whose strings hold template text (a ConfigMap of alert templates)', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  summary: "{{ $labels.instance }} is down"\n---\n${PRIVILEGED_POD}`;
    assert.deepEqual(summarize(text, lintText(text, privilegedOnly)), ['14:25 no-privileged']);
  });

  it('checks every document of a multi-document file at its own lines', () => {
    const text = `# leading comment\n---\n${PRIVILEGED_POD}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n${PRIVILEGED_POD}...\n`;
    assert.deepEqual(summarize(text, lintText(text, privilegedOnly)), ['10:25 no-privileged', '23:25 no-privileged']);
  });

  it('gives the same lines and columns with CRLF line endings', () => {
    const lf = `${PRIVILEGED_POD}---\n${PRIVILEGED_POD}`;
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(summarize(crlf, lintText(crlf, privilegedOnly)), summarize(lf, lintText(lf, privilegedOnly)));
    const [first] = lintText(crlf, privilegedOnly);
    assert.equal(crlf.slice(first.start, first.end), 'privileged: true');
  });

  it('accepts a byte order mark', () => {
    const text = `\uFEFF${PRIVILEGED_POD}`;
    const findings = lintText(text, privilegedOnly);
    assert.deepEqual(summarize(text, findings), ['8:25 no-privileged']);
    assert.equal(text.slice(findings[0].start, findings[0].end), 'privileged: true');
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    // "🚀" is two UTF-16 code units, "é" one: LSP columns count code units.
    const text = PRIVILEGED_POD.replace('securityContext: {privileged: true}', 'securityContext: {seLinuxOptions: {type: "é🚀"}, privileged: true}');
    const [finding] = lintText(text, privilegedOnly);
    assert.deepEqual(summarize(text, [finding]), ['8:56 no-privileged']);
    assert.equal(text.slice(finding.start, finding.end), 'privileged: true');
  });

  it('reports YAML syntax errors and duplicate keys in Kubernetes documents, in plain words', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: x\n\timage: y\n';
    const findings = lintText(text).filter((f) => f.ruleId === 'yaml-syntax');
    assert.deepEqual(
      findings.map((f) => `${summarize(text, [f])[0]} ${f.severity}: ${f.message}`),
      [
        '5:3 yaml-syntax error: Duplicate key "name": a key may appear only once in a map',
        '9:1 yaml-syntax error: Tab used for indentation: YAML indents with spaces only',
      ],
    );
  });

  it('reports a syntax error in a half-typed manifest that no longer parses as a map', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: "web\n';
    const findings = lintText(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'yaml-syntax');
    assert.match(findings[0].message, /quote/);
  });

  it('keeps a rule\'s crash to itself', () => {
    const errors: string[] = [];
    const linter = new ManifestLinter({}, {
      onRuleError: (id) => errors.push(id),
      rules: [
        { meta: { id: 'explodes', severity: 'error', docs: {} as never }, checkWorkload() { throw new Error('boom'); } },
        { meta: { id: 'reports', severity: 'error', docs: {} as never }, checkWorkload(w, ctx) { ctx.report({ at: w.podSpecPair, message: 'here' }); } },
      ],
    });
    assert.deepEqual(linter.lint(PRIVILEGED_POD).map((f) => f.ruleId), ['reports']);
    assert.deepEqual(errors, ['explodes']);
  });
});

describe('per-chunk cache', () => {
  const documents = Array.from({ length: 60 }, (_, i) => PRIVILEGED_POD.replace('name: p', `name: p${i}`));
  const file = documents.join('---\n');

  it('re-checks only the document an edit touched', () => {
    const linter = new ManifestLinter();
    const before = linter.lint(file);
    assert.deepEqual(linter.lastStats, { chunks: 60, checkedChunks: 60 });
    const edited = file.replace('name: p30}', 'name: p30x}');
    const after = linter.lint(edited);
    assert.deepEqual(linter.lastStats, { chunks: 60, checkedChunks: 1 });
    // Findings after the edit point moved by the inserted character; the rest are unchanged.
    const editAt = edited.indexOf('p30x');
    assert.equal(after.length, before.length);
    after.forEach((f, i) => assert.equal(f.start, before[i].start + (before[i].start > editAt ? 1 : 0)));
  });

  it('gives the same findings cached and uncached', () => {
    const linter = new ManifestLinter();
    linter.lint(file);
    const edited = file.replace('image: x:1', 'image: x:2');
    // Findings as data: their lazily built fixes are functions, equal in what they build, not as objects.
    const data = (findings: Finding[]) => findings.map(({ fixes: _fixes, suppressions: _suppressions, ...rest }) => rest);
    assert.deepEqual(data(linter.lint(edited)), data(lintText(edited)));
  });
});
