// What a hover says, as Markdown: a key's field from the schema (its type, whether it is required, its description),
// and a rule's summary and remediation for a finding under the mouse.
import type { RuleMeta } from '../types';
import { locate, pathTo, shapeOf } from './context';
import { objectOf, rootTypeOf, typeAt, typeWords } from './schema-path';
import { typeName } from '../schema/lookup';

export interface FieldInfo {
  key: string;
  /** File offsets of the key. */
  start: number;
  end: number;
  /** The type holding the field, e.g. `SecurityContext`. */
  parent: string;
  type: string;
  required: boolean;
  description: string;
}

/** The schema's field for the key under `offset`, when the document's kind is known and the key is one of its fields. */
export function fieldAt(text: string, offset: number, chunks?: ReadonlyArray<{ offset: number; text: string }>): FieldInfo | undefined {
  const { chunkOffset, chunkText, lines, starts, lineNo, column } = locate(text, offset, chunks);
  const lineStart = chunkOffset + starts[lineNo];
  const key = shapeOf(lines[lineNo]).key;
  if (!key || column < key.col || column > key.end) return undefined;
  const dashes = shapeOf(lines[lineNo]).dashes;
  if (dashes.length > 1) return undefined;
  const path = pathTo(lines, lineNo, key.col, dashes[0]);
  const root = rootTypeOf(chunkText);
  const parent = path && root ? objectOf(typeAt(root, path)) : undefined;
  const field = parent?.type.p[key.name];
  if (!parent || !field) return undefined;
  return {
    key: key.name,
    start: lineStart + key.col,
    end: lineStart + key.end,
    parent: typeName(parent.id),
    type: typeWords(field[0]),
    required: parent.type.r?.includes(key.name) ?? false,
    description: field[1],
  };
}

export function explainField(field: FieldInfo): string {
  const required = field.required ? ', required' : '';
  const description = field.description ? `\n\n${field.description}` : '';
  return `**${field.key}** \`${field.type}\` (${field.parent}${required})${description}`;
}

/** A finding's rule in a few lines: what it finds, how to fix it, and a link to its page. */
export function explainRule(meta: RuleMeta, docsHref: string): string {
  return `**${meta.id}**: ${meta.docs.summary}\n\n**How to fix:** ${meta.docs.remediation}\n\n[Read more about ${meta.id}](${docsHref})`;
}
