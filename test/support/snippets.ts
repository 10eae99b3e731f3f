// The snippets the extension contributes, and what VS Code does with one: expand its tab stops (with their defaults
// or with what the user typed) and insert it at the cursor, re-indenting the lines after the first.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

export interface SnippetEntry extends Snippet {
  /** The snippet's name: its key in the file. */
  name: string;
  /** The file it comes from, relative to the repository root. */
  file: string;
}

/** The snippet files package.json contributes, as `{ language, path }` with normalized relative paths. */
export function contributedSnippetFiles(): Array<{ language: string; path: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return (manifest.contributes.snippets as Array<{ language: string; path: string }>).map((s) => ({ language: s.language, path: path.normalize(s.path) }));
}

/** Every snippet of every contributed file. */
export function loadSnippets(): SnippetEntry[] {
  return contributedSnippetFiles().flatMap(({ path: file }) => {
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, Snippet>;
    return Object.entries(snippets).map(([name, snippet]) => ({ ...snippet, name, file }));
  });
}

/** A whole Kubernetes object, as opposed to a fragment typed inside one (a probe, an Ingress rule). */
export function isWholeObject(snippet: Snippet): boolean {
  return snippet.body[0].startsWith('apiVersion:');
}

// One token of snippet syntax: an escape (`\$`, `\}`, `\\`), a choice `${1|a,b|}`, a placeholder `${1:default}`,
// or a bare tab stop `${1}` / `$1` (which mirrors the placeholder of the same number).
const TOKEN = /\\([$}\\])|\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+):([^}]*)\}|\$\{(\d+)\}|\$(\d+)/g;

/** Each tab stop's default, by number: a placeholder's text or a choice's first option; bare ones have none. */
export function tabStopDefaults(text: string): Map<string, string[]> {
  const defaults = new Map<string, string[]>();
  for (const [, , choiceN, options, placeholderN, value] of text.matchAll(TOKEN)) {
    const n = choiceN ?? placeholderN;
    const v = choiceN ? options.split(',')[0] : value;
    if (n !== undefined) defaults.set(n, [...(defaults.get(n) ?? []), v]);
  }
  return defaults;
}

/**
 * The text VS Code inserts when the user accepts every default, or types `typed[n]` at tab stop n: every tab stop
 * of that number (they mirror each other) then shows what was typed. A choice gives its first option.
 */
export function expandSnippet(body: readonly string[], typed: Record<string, string> = {}): string {
  const text = body.join('\n');
  const defaults = tabStopDefaults(text);
  const valueOf = (n: string) => typed[n] ?? defaults.get(n)?.[0] ?? '';
  return text.replace(TOKEN, (_m, escaped?: string, choiceN?: string, _o?: string, placeholderN?: string, _v?: string, bareA?: string, bareB?: string) =>
    escaped ?? valueOf((choiceN ?? placeholderN ?? bareA ?? bareB) as string),
  );
}

/** The cursor in a host text given to `insertAt`. */
export const CURSOR = '¦';

/**
 * `host` with `inserted` (already expanded) typed at CURSOR the way VS Code inserts a snippet: the first line at the
 * cursor, every later line prefixed with the whitespace that starts the cursor's line up to the cursor.
 */
export function insertAt(host: string, inserted: string): string {
  const at = host.indexOf(CURSOR);
  if (at < 0 || host.indexOf(CURSOR, at + 1) >= 0) throw new Error(`the host needs exactly one ${CURSOR}`);
  const lineStart = host.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(host.slice(lineStart, at))?.[0] ?? '';
  const [first, ...rest] = inserted.split('\n');
  return host.slice(0, at) + [first, ...rest.map((line) => indent + line)].join('\n') + host.slice(at + CURSOR.length);
}
