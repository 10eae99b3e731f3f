// Reads the `# kubewright-disable…` comment directives of one `---` chunk and the text each one covers. Comments are
// taken from the YAML parser's tokens, so a `#` inside a block scalar or a quoted string is never a directive.
import { Parser } from 'yaml';
import { lineStart, nextLineStart } from '../fix/style';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One rule id as written in a directive, with its place in the chunk (for findings and fixes on it). */
export interface NamedId {
  id: string;
  start: number;
  end: number;
  /** The chunk range whose findings of this rule it silences: [from, to). Empty for `enable`. */
  scope: [number, number];
}

export interface Directive {
  kind: DirectiveKind;
  /** The comment, from its `#` to its end (without the line break). */
  start: number;
  end: number;
  /** True when nothing but indentation comes before the comment on its line. */
  ownLine: boolean;
  ids: NamedId[];
  /** The text after ` -- `, if any. */
  reason?: string;
}

const DIRECTIVE = /^#\s*kubewright-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
/** The reason starts at the first ` -- ` (or a `--` right after the keyword). */
const REASON = /(?:^|\s)--(?:\s|$)/;

/** Every comment token of a parsed chunk, in source order. */
function comments(text: string): Array<{ offset: number; source: string }> {
  const found: Array<{ offset: number; source: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, source: token.source });
      return;
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}

/** The ids of `list` (the text between the keyword and the reason), split at commas, with their offsets. */
function readIds(list: string, offset: number, scope: [number, number]): NamedId[] {
  const ids: NamedId[] = [];
  const word = /[^,\s]+/g;
  for (let m = word.exec(list); m; m = word.exec(list)) {
    ids.push({ id: m[0], start: offset + m.index, end: offset + m.index + m[0].length, scope: [scope[0], scope[1]] });
  }
  return ids;
}

/** The start of the first line after the one holding `offset` that is not a comment-only line (or the text's end). */
function nextNonCommentLine(text: string, offset: number): number {
  let at = nextLineStart(text, offset);
  while (at < text.length) {
    const end = nextLineStart(text, at);
    if (!text.slice(at, end).trimStart().startsWith('#')) return at;
    at = end;
  }
  return at;
}

/** The directives of a chunk; `disable` ranges end at a later `enable` naming the same rule (or none). */
export function readDirectives(text: string): Directive[] {
  // Most chunks have none: skip the extra parse.
  if (!text.includes('kubewright-')) return [];
  const directives: Directive[] = [];
  for (const comment of comments(text)) {
    const m = DIRECTIVE.exec(comment.source);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    const rest = comment.source.slice(m[0].length);
    const reasonAt = REASON.exec(rest);
    const list = reasonAt ? rest.slice(0, reasonAt.index) : rest;
    const reason = reasonAt ? rest.slice(reasonAt.index + reasonAt[0].length).trim() : undefined;
    const start = comment.offset;
    const end = start + comment.source.length;
    const ownLine = text.slice(lineStart(text, start), start).trim() === '';
    let scope: [number, number];
    if (kind === 'disable-next-line') {
      const target = nextNonCommentLine(text, start);
      scope = [target, nextLineStart(text, target)];
    } else if (kind === 'disable-line') scope = [lineStart(text, start), nextLineStart(text, start)];
    else if (kind === 'disable') scope = [start, text.length];
    else scope = [start, start];
    directives.push({ kind, start, end, ownLine, ids: readIds(list, start + m[0].length, scope), ...(reason ? { reason } : {}) });
  }
  // `enable` ends the ranges of the `disable` directives before it, for the ids it names, or all of them.
  for (const enable of directives.filter((d) => d.kind === 'enable')) {
    const names = new Set(enable.ids.map((n) => n.id));
    for (const d of directives) {
      if (d.kind !== 'disable' || d.start > enable.start) continue;
      for (const named of d.ids) {
        if ((names.size === 0 || names.has(named.id)) && named.scope[1] > enable.start) named.scope = [named.scope[0], enable.start];
      }
    }
  }
  return directives;
}
