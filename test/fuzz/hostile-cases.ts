// The hostile inputs, by class: each builds its text in memory (the 50 MB ones too) and says what the engine must
// report. Shared by the worker that lints them and the LSP test that opens the worst of them.

/** What a case's findings must include: a syntax error, the too-large info, or no syntax error at all. */
export type Expect = 'syntax-error' | 'too-large' | 'parses';

export interface HostileCase {
  kind: string;
  name: string;
  expect: Expect;
  /** Also run fix-all (skipped for the multi-megabyte cases, whose lint alone is the point). */
  fixAll: boolean;
  /** Lint with this time budget, as the language server does; unset: no budget, as the CLI does. */
  budgetMs?: number;
  build(): string;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n';

function repeatJoin(count: number, make: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(make(i));
  return parts.join('');
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if anything expanded them. */
export function aliasBomb(): string {
  const letters = 'abcdefghi';
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < letters.length; i++) text += `  ${letters[i]}: &${letters[i]} [${Array(9).fill(`*${letters[i - 1]}`).join(',')}]\n`;
  return text;
}

/** The same bomb inside a Pod, where probe fixes copy handlers: the alias is the liveness probe's handler. */
function aliasBombInProbe(): string {
  return aliasBomb().replace('kind: ConfigMap', 'kind: Pod').replace('data:\n', 'x:\n') +
    'spec:\n  containers:\n    - name: web\n      image: nginx:1.25\n      livenessProbe:\n        exec: {command: *i}\n';
}

export function deepFlow(depth: number): string {
  return `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

function deepBlockMap(depth: number): string {
  return 'apiVersion: v1\nkind: Pod\nspec:\n' + repeatJoin(depth, (i) => `${' '.repeat(i + 1)}k:\n`);
}

function deepBlockSeq(depth: number): string {
  return `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  ${'- '.repeat(depth)}x\n`;
}

export function withNul(): string {
  return POD.replace('name: web\n', 'name: w\u0000eb\n') + '\u0000\u0000';
}

/** A ConfigMap with `keys` entries: the library's own duplicate-key check was quadratic in this. */
function manyKeys(keys: number, duplicate: boolean): string {
  return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' +
    repeatJoin(keys, (i) => `  key${duplicate && i === keys - 1 ? 0 : i}: "value ${i}"\n`);
}

/** Many distinct documents (each Pod named apart, so no cache hit), up to `chars` long. */
export function manyDocuments(chars: number): string {
  const count = Math.ceil(chars / POD.length);
  return repeatJoin(count, (i) => `---\n${POD.replace('name: web\n', `name: web-${i}\n`)}`);
}

/** One document of `chars`: a ConfigMap whose data is one huge block scalar. */
export function oneDocument(chars: number): string {
  const line = '    ' + 'x'.repeat(95) + '\n';
  return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob\ndata:\n  blob: |\n' + line.repeat(Math.ceil(chars / line.length));
}

const MB = 1024 * 1024;

export const HOSTILE_CASES: readonly HostileCase[] = [
  { kind: 'empty and trivial', name: 'an empty file', expect: 'parses', fixAll: true, build: () => '' },
  { kind: 'empty and trivial', name: 'only comments', expect: 'parses', fixAll: true, build: () => '# a comment\n  # another\n#\n' },
  { kind: 'empty and trivial', name: 'only ---', expect: 'parses', fixAll: true, build: () => '---\n---\n--- \n---' },
  { kind: 'encoding', name: 'a byte order mark', expect: 'parses', fixAll: true, build: () => `\uFEFF${POD}` },
  { kind: 'encoding', name: 'NUL bytes', expect: 'syntax-error', fixAll: true, build: withNul },
  {
    kind: 'encoding', name: 'invalid UTF-8 decoded (U+FFFD)', expect: 'parses', fixAll: true,
    build: () => POD.replace('nginx:1.25', Buffer.from([0x6e, 0xff, 0xfe, 0xc3]).toString('utf8')),
  },
  { kind: 'encoding', name: 'lone surrogates', expect: 'parses', fixAll: true, build: () => POD.replace('nginx:1.25', 'a\uD800b\uDFFF') },
  { kind: 'layout', name: 'tabs for indentation', expect: 'syntax-error', fixAll: true, build: () => POD.replace(/\n {2}/g, '\n\t') },
  { kind: 'layout', name: 'mixed CRLF and LF', expect: 'parses', fixAll: true, build: () => POD.replace(/\n(?=  [a-z])/g, '\r\n') },
  { kind: 'long lines', name: 'a 1 MB value', expect: 'parses', fixAll: true, build: () => POD.replace('nginx:1.25', 'x'.repeat(MB)) },
  { kind: 'long lines', name: 'a 1 MB comment', expect: 'parses', fixAll: true, build: () => `# ${'#'.repeat(MB)}\n${POD}` },
  // YAML allows an implicit key 1024 characters: a longer one is a syntax error, said in the parser's words.
  { kind: 'long lines', name: 'a 1 MB key', expect: 'syntax-error', fixAll: true, build: () => POD.replace('metadata:', `${'k'.repeat(MB)}: 1\nmetadata:`) },
  { kind: 'deep nesting', name: '10,000-deep flow sequences', expect: 'syntax-error', fixAll: true, build: () => deepFlow(10_000) },
  { kind: 'deep nesting', name: '10,000-deep flow maps', expect: 'syntax-error', fixAll: true, build: () => `apiVersion: v1\nkind: Pod\nspec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
  { kind: 'deep nesting', name: '10,000-deep block sequences', expect: 'syntax-error', fixAll: true, build: () => deepBlockSeq(10_000) },
  // 10,000 levels of block indentation is 50 MB of spaces: over the size limit before the parser sees it.
  { kind: 'deep nesting', name: '10,000-deep block maps', expect: 'too-large', fixAll: false, build: () => deepBlockMap(10_000) },
  { kind: 'deep nesting', name: '1,500-deep block maps', expect: 'parses', fixAll: true, build: () => deepBlockMap(1_500) },
  { kind: 'keys', name: 'duplicate keys', expect: 'syntax-error', fixAll: true, build: () => POD.replace('  name: web\n', '  name: web\n  name: api\n') },
  { kind: 'keys', name: '25,000 keys with a duplicate', expect: 'syntax-error', fixAll: true, build: () => manyKeys(25_000, true) },
  {
    kind: 'anchors', name: 'anchors and merge keys', expect: 'parses', fixAll: true,
    build: () => POD.replace('      securityContext:\n', '      resources: &r {requests: {cpu: 1m}}\n      securityContext: &s\n') +
      '    - name: sidecar\n      image: busybox:1\n      resources: *r\n      securityContext:\n        <<: *s\n        runAsUser: 1000\n',
  },
  { kind: 'anchors', name: 'alias bomb', expect: 'parses', fixAll: true, build: aliasBomb },
  { kind: 'anchors', name: 'alias bomb in a probe handler', expect: 'parses', fixAll: true, build: aliasBombInProbe },
  { kind: 'size', name: 'a 2 MB document (syntax only)', expect: 'too-large', fixAll: true, build: () => oneDocument(2 * MB) },
  { kind: 'size', name: 'a 50 MB document', expect: 'too-large', fixAll: true, build: () => oneDocument(50 * MB) },
  { kind: 'size', name: '50 MB of documents, 2 s budget', expect: 'too-large', fixAll: false, budgetMs: 2000, build: () => manyDocuments(50 * MB) },
];
