// Every snippet, expanded as VS Code would with its defaults, is a valid Kubernetes object that Kubewright finds
// nothing wrong with: a snippet that draws squiggles the moment it is inserted teaches the wrong thing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPETS_PATH = 'snippets/kubernetes.json';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, SNIPPETS_PATH), 'utf8')) as Record<string, Snippet>;

// Tab stops: `${1:default}`, `${1|first,second|}` (a choice), `$1` and `${1}` (bare, mirroring the same number).
const PLACEHOLDER = /\$\{(\d+):([^}]*)\}/g;
const CHOICE = /\$\{(\d+)\|([^|]*)\|\}/g;
const BARE = /\$(\d+)|\$\{(\d+)\}/g;

/**
 * The text VS Code inserts when the user accepts every default: a placeholder becomes its default, a choice its
 * first option, and a bare tab stop the default given for its number elsewhere (VS Code mirrors them), else nothing.
 */
function expandSnippet(body: readonly string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const [, n, value] of text.matchAll(PLACEHOLDER)) if (!defaults.has(n)) defaults.set(n, value);
  for (const [, n, options] of text.matchAll(CHOICE)) if (!defaults.has(n)) defaults.set(n, options.split(',')[0]);
  return text
    .replace(PLACEHOLDER, (_m, _n, value: string) => value)
    .replace(CHOICE, (_m, _n, options: string) => options.split(',')[0])
    .replace(BARE, (_m, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

describe('snippets', () => {
  it('expands placeholders, choices and mirrors the way VS Code does', () => {
    assert.equal(expandSnippet(['name: ${1:web}', 'app: $1', 'policy: ${2|Forbid,Allow|}', 'x: ${3}$0']), 'name: web\napp: web\npolicy: Forbid\nx: ');
  });

  it('are contributed for YAML', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = manifest.contributes.snippets.find((s: { path: string }) => path.normalize(s.path) === SNIPPETS_PATH);
    assert.ok(entry, `package.json contributes.snippets has no entry for ${SNIPPETS_PATH}`);
    assert.equal(entry.language, 'yaml');
    assert.ok(Object.values(snippets).some((s) => s.prefix === 'k8s-deployment'));
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    describe(`${snippet.prefix} (${name})`, () => {
      const text = expandSnippet(snippet.body);

      it('has a prefix, a description and tab stops', () => {
        assert.match(snippet.prefix, /^k8s-[a-z]+$/);
        assert.ok(snippet.description.length > 10);
        assert.match(snippet.body.join('\n'), /\$\{1[:|]/, 'the first tab stop has a default');
        assert.ok(!/\$/.test(text), `nothing of the snippet syntax is left:\n${text}`);
      });

      it('is one Kubernetes object that parses cleanly', () => {
        const documents = parseAllDocuments(text);
        assert.equal(documents.length, 1);
        assert.deepEqual(documents[0].errors, []);
        const object = documents[0].toJS() as Record<string, unknown>;
        assert.equal(typeof object.apiVersion, 'string');
        assert.equal(typeof object.kind, 'string');
      });

      it('gets no findings', () => {
        assert.deepEqual(lintText(text), []);
      });

      // Guards the test above against passing because nothing was checked at all.
      if (/runAsNonRoot: true/.test(text)) {
        it('is checked: running it as root would be reported', () => {
          const asRoot = text.replace('runAsNonRoot: true', 'runAsNonRoot: false').replace(/runAsUser: \d+/, 'runAsUser: 0');
          assert.ok(lintText(asRoot).some((f) => f.ruleId === 'run-as-non-root'));
        });
      }
    });
  }
});
