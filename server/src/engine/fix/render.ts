// Renders the plain values a fix inserts as YAML text in the file's style, twice over: as plain text, and as an
// LSP snippet whose placeholders (ports, paths, cpu and memory) become tab stops the user can step through.
import type { YamlStyle } from './style';

/** A value the user is expected to choose: inserted as its default, and as a tab stop where snippets work. */
export class Placeholder {
  constructor(readonly value: string | number) {}
}

export type YamlValue =
  | string
  | number
  | boolean
  | null
  | Placeholder
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue };

export type YamlMapValue = { readonly [key: string]: YamlValue };

/** Text in both forms: `text` is what a plain edit inserts, `snippet` the same with tab stops. */
export interface Rendered {
  text: string;
  snippet: string;
}

export function isMapValue(value: YamlValue): value is YamlMapValue {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Placeholder);
}

function isScalarValue(value: YamlValue): boolean {
  return value === null || typeof value !== 'object' || value instanceof Placeholder;
}

/** Words a YAML 1.1 or 1.2 reader would take for something other than a string. */
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.?\d[\d_.]*(?:e[-+]?\d+)?|\.inf|\.nan|0x[\da-f]+|0o[0-7]+))$/i;
const PLAIN_SAFE = /^[A-Za-z0-9/_.-](?:[A-Za-z0-9 /_.-]*[A-Za-z0-9/_.-])?$/;

/** A scalar as YAML: plain where that reads back as the same string, double-quoted otherwise. */
export function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  return PLAIN_SAFE.test(value) && !NOT_A_STRING.test(value) ? value : JSON.stringify(value);
}

/** Escapes literal text for an LSP snippet, where `$`, `}` and `\` are syntax. */
export function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Builds both forms of one fix's text; tab stops are numbered across everything one fix inserts. */
export class Renderer {
  private tabStop = 0;

  constructor(private readonly style: YamlStyle) {}

  private literal(text: string): Rendered {
    return { text, snippet: snippetEscape(text) };
  }

  /** A scalar; a string in `quote` style when given (to keep the quotes of the value it replaces), tab stop inside. */
  scalar(value: YamlValue, quote?: 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'): Rendered {
    const plain = value instanceof Placeholder ? value.value : (value as string | number | boolean | null);
    const [open, inner, close] =
      typeof plain === 'string' && quote === 'QUOTE_SINGLE'
        ? ["'", plain.replace(/'/g, "''"), "'"]
        : typeof plain === 'string' && quote === 'QUOTE_DOUBLE'
          ? ['"', JSON.stringify(plain).slice(1, -1), '"']
          : ['', scalarText(plain), ''];
    if (!(value instanceof Placeholder)) return this.literal(open + inner + close);
    return { text: open + inner + close, snippet: `${open}\${${++this.tabStop}:${snippetEscape(inner)}}${close}` };
  }

  /** A value in flow style: `{a: 1, b: [x, y]}`. */
  flow(value: YamlValue): Rendered {
    if (Array.isArray(value)) return join([this.literal('['), ...interleave(value.map((v) => this.flow(v)), ', '), this.literal(']')]);
    if (isMapValue(value)) return join([this.literal('{'), this.flowEntries(value), this.literal('}')]);
    return this.scalar(value);
  }

  /** Map entries in flow style without the braces, to go inside an existing flow map: `a: 1, b: [x, y]`. */
  flowEntries(value: YamlMapValue): Rendered {
    const entries = Object.entries(value).map(([k, v]) => join([this.literal(`${scalarText(k)}: `), this.flow(v)]));
    return join(interleave(entries, ', '));
  }

  /** Map entries as block lines at `column`, each line ending with the file's line break. */
  blockMap(value: YamlMapValue, column: number): Rendered {
    const parts: Rendered[] = [];
    for (const [key, v] of Object.entries(value)) parts.push(this.literal(' '.repeat(column)), this.entry(key, v, column));
    return join(parts);
  }

  /** `key: value` from the key on, its line break and any nested lines included. */
  entry(key: string, value: YamlValue, column: number): Rendered {
    if (isScalarValue(value) || isEmpty(value)) return this.flowEntry(key, value);
    const head = this.literal(`${scalarText(key)}:`);
    if (Array.isArray(value)) return join([head, this.eol(), this.blockSequence(value, column + this.style.sequenceIndent)]);
    return join([head, this.eol(), this.blockMap(value as YamlMapValue, column + this.style.indent)]);
  }

  /** `key: value` on one line with the value in flow style, and its line break. */
  flowEntry(key: string, value: YamlValue): Rendered {
    return join([this.literal(`${scalarText(key)}: `), this.flow(value), this.eol()]);
  }

  /** Sequence items as block lines with their dash at `column`. */
  blockSequence(items: readonly YamlValue[], column: number): Rendered {
    const parts: Rendered[] = [];
    for (const item of items) {
      parts.push(this.literal(`${' '.repeat(column)}- `));
      if (isMapValue(item) && !isEmpty(item)) {
        // The first entry shares the dash's line; the rest line up under it.
        const [first, ...rest] = Object.entries(item);
        parts.push(this.entry(first[0], first[1], column + 2));
        if (rest.length) parts.push(this.blockMap(Object.fromEntries(rest), column + 2));
      } else {
        parts.push(this.flow(item), this.eol());
      }
    }
    return join(parts);
  }

  eol(): Rendered {
    return this.literal(this.style.eol);
  }
}

function isEmpty(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : isMapValue(value) && Object.keys(value).length === 0;
}

export function join(parts: readonly Rendered[]): Rendered {
  return { text: parts.map((p) => p.text).join(''), snippet: parts.map((p) => p.snippet).join('') };
}

function interleave(parts: Rendered[], separator: string): Rendered[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [{ text: separator, snippet: separator }, p]));
}
