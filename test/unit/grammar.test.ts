// The TextMate injection grammar: it is wired into YAML by package.json, every regex compiles in JavaScript, and
// the patterns give the expected scopes on sample lines. VS Code runs the regexes with Oniguruma; the grammar sticks
// to syntax both engines read the same way, so matching them here in JS is a fair stand-in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR_PATH = 'syntaxes/kubewright.injection.json';

interface Capture {
  name?: string;
  patterns?: Pattern[];
}
interface Pattern {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  captures?: Record<string, Capture>;
  patterns?: Pattern[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Pattern[];
  repository: Record<string, Pattern>;
}

const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, GRAMMAR_PATH), 'utf8')) as Grammar;

/** Every regex source in the grammar, with where it sits, for the compile check. */
function regexSources(node: unknown, where = '$'): Array<[string, string]> {
  if (!node || typeof node !== 'object') return [];
  const found: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') found.push([`${where}.${key}`, value]);
    else found.push(...regexSources(value, `${where}.${key}`));
  }
  return found;
}

/** The top-level patterns, with `include: "#x"` replaced by the repository entry. */
function topPatterns(): Pattern[] {
  return grammar.patterns.map((p) => (p.include ? grammar.repository[p.include.slice(1)] : p));
}

/** Scoped pieces of one line, as `text → scopes`: what the grammar adds on top of YAML's own tokens. */
function scopesOf(line: string): Map<string, string[]> {
  const pieces = new Map<string, string[]>();
  const add = (text: string | undefined, scope: string | undefined) => {
    if (!text || !scope) return;
    pieces.set(text, [...(pieces.get(text) ?? []), ...scope.split(' ')]);
  };
  for (const pattern of topPatterns()) {
    const match = new RegExp(pattern.match ?? '').exec(line);
    if (!match) continue;
    for (const [group, capture] of Object.entries(pattern.captures ?? {})) {
      const text = match[Number(group)];
      add(text, capture.name);
      for (const inner of capture.patterns ?? []) {
        for (const m of (text ?? '').matchAll(new RegExp(inner.match ?? '', 'g'))) add(m[0], inner.name);
      }
    }
  }
  return pieces;
}

const TYPE = 'entity.name.type.kubernetes.kubewright';
const DIRECTIVE = 'keyword.other.directive.kubewright';
const RULE_ID = 'constant.other.rule-id.kubewright';

describe('injection grammar', () => {
  it('is contributed to YAML under its scope name', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = manifest.contributes.grammars.find((g: { path: string }) => path.normalize(g.path) === GRAMMAR_PATH);
    assert.ok(entry, `package.json contributes.grammars has no entry for ${GRAMMAR_PATH}`);
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.equal(grammar.scopeName, 'kubewright.injection');
    assert.deepEqual(entry.injectTo, ['source.yaml']);
    assert.match(grammar.injectionSelector, /\bsource\.yaml\b/);
  });

  it('has regexes that compile in JavaScript', () => {
    const sources = regexSources(grammar);
    assert.ok(sources.length >= 3);
    for (const [where, source] of sources) assert.doesNotThrow(() => new RegExp(source), `${where}: ${source}`);
  });

  it('marks the value of top-level kind and apiVersion', () => {
    assert.ok(scopesOf('kind: Deployment').get('Deployment')?.includes(TYPE));
    assert.ok(scopesOf('kind: Deployment').get('kind')?.includes('entity.name.tag.yaml'));
    assert.ok(scopesOf('apiVersion: apps/v1').get('apps/v1')?.includes(TYPE));
    assert.ok(scopesOf('apiVersion: v1').get('v1')?.includes(TYPE));
    assert.ok(scopesOf('apiVersion: networking.k8s.io/v1').get('networking.k8s.io/v1')?.includes(TYPE));
    assert.ok(scopesOf('kind: "Service"').get('Service')?.includes(TYPE));
    assert.ok(scopesOf("kind: 'ConfigMap'").get('ConfigMap')?.includes(TYPE));
    assert.ok(scopesOf('kind: CronJob   # nightly report').get('CronJob')?.includes(TYPE));
    assert.ok(scopesOf('kind : Pod').get('Pod')?.includes(TYPE));
  });

  it('leaves other keys, nested keys and odd values alone', () => {
    for (const line of ['  kind: Deployment', 'kinds: Deployment', 'kind: Deployment extra', 'kind:', 'kind: {{ .Values.kind }}', 'name: kind: x']) {
      assert.ok(![...scopesOf(line).values()].flat().includes(TYPE), line);
    }
  });

  it('marks kubewright-disable comments: the directive, the rule ids, and the reason as prose', () => {
    const scopes = scopesOf('# kubewright-disable-next-line run-as-non-root, no-privileged -- legacy image');
    assert.ok(scopes.get('kubewright-disable-next-line')?.includes(DIRECTIVE));
    assert.ok(scopes.get('run-as-non-root')?.includes(RULE_ID));
    assert.ok(scopes.get('no-privileged')?.includes(RULE_ID));
    assert.ok(!scopes.get('legacy image')?.includes(RULE_ID));
    assert.ok(scopes.get('legacy image')?.includes('markup.italic.reason.kubewright'));
    assert.ok(scopes.get('--')?.includes('punctuation.separator.reason.kubewright'));
    assert.ok(scopes.get('#')?.includes('punctuation.definition.comment.yaml'));

    assert.ok(scopesOf('      image: nginx:1.27  # kubewright-disable-line read-only-root-fs').get('read-only-root-fs')?.includes(RULE_ID));
    assert.ok(scopesOf('# kubewright-disable').get('kubewright-disable')?.includes(DIRECTIVE));
    assert.ok(scopesOf('  #kubewright-enable').get('kubewright-enable')?.includes(DIRECTIVE));
  });

  it('does not mark ordinary comments or a # inside a value', () => {
    for (const line of ['# just a comment', 'url: http://example.com/#kubewright-disable', '# kubewright-disabled is not a directive word: kubewright-disabledx']) {
      assert.ok(![...scopesOf(line).values()].flat().includes(DIRECTIVE), line);
    }
  });
});
