// yaml-syntax: the parser's errors (bad indentation, unclosed quotes, duplicate keys…) in words a person reads.
import type { DocumentRule } from '../types';
import { CORE } from '../profiles';

/** Plainer words for the parser's most common complaints; anything else keeps the parser's own message. */
const MESSAGES: Record<string, (source: string, pos: [number, number]) => string> = {
  DUPLICATE_KEY: (source, [start]) => `Duplicate key "${keyAt(source, start)}": a key may appear only once in a map`,
  TAB_AS_INDENT: () => 'Tab used for indentation: YAML indents with spaces only',
  MULTILINE_IMPLICIT_KEY: () => 'A key must fit on one line: check the indentation here, or a missing ":"',
  BLOCK_AS_IMPLICIT_KEY: () => 'A nested map cannot start on the same line as its key, or is indented too far: check the indentation',
};

/** The key written at `start` (the parser points at its first character), quotes and all. */
function keyAt(source: string, start: number): string {
  const newline = source.indexOf('\n', start);
  const line = source.slice(start, newline < 0 ? undefined : newline).replace(/\r$/, '');
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(line);
  if (quoted) return quoted[1];
  return /^(.*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? line.trim();
}

export const rule: DocumentRule = {
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'The file is not valid YAML: bad indentation, unclosed quotes or brackets, tabs, duplicate keys.',
      rationale:
        'kubectl and the API server reject a manifest that does not parse, and a duplicate key silently keeps only one ' +
        'of two values in many tools. Kubewright reports these at the position the YAML parser gives.',
      remediation: 'Fix the YAML at the reported position: indent with spaces, close quotes and brackets, remove the duplicate key.',
      bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: other\n',
      good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
    },
  },
  checkDocument(document, ctx) {
    const seen = new Set<string>();
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message = MESSAGES[error.code]?.(ctx.source, error.pos) ?? error.message;
      // The parser points at a duplicate key's first character; the whole key reads better.
      const until = error.code === 'DUPLICATE_KEY' ? start + keyAt(ctx.source, start).length : end;
      ctx.report({ at: [start, Math.max(until, start)], message });
    }
  },
};
