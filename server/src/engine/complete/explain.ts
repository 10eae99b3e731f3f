// What a hover says, as Markdown: a key's field from the schema, built in or a CRD's (its type, whether it is required,
// its description), and a rule's summary and remediation for a finding under the mouse.
import type { RuleMeta } from '../types';
import { locate, pathTo, shapeOf } from './context';
import { objectName, objectOf, schemaOf, typeAt, typeWords } from './schema-path';
import { customResourcesIn } from './custom-kinds';
import type { CustomKindsSource } from './custom-kinds';
import { splitChunks } from '../parse';

export interface FieldInfo {
  key: string;
  /** File offsets of the key. */
  start: number;
  end: number;
  /** The type holding the field, e.g. `SecurityContext`, or a custom kind's path to it, `Widget.spec`. */
  parent: string;
  type: string;
  required: boolean;
  description: string;
}

/**
 * The schema's field for the key under `offset`, when the document's kind is built in or has a CRD in the file or
 * `custom`, and the key is one of its fields.
 */
export function fieldAt(text: string, offset: number, chunks?: ReadonlyArray<{ offset: number; text: string }>, custom: CustomKindsSource = {}): FieldInfo | undefined {
  const { chunkOffset, chunkText, lines, starts, lineNo, column } = locate(text, offset, chunks);
  const lineStart = chunkOffset + starts[lineNo];
  const key = shapeOf(lines[lineNo]).key;
  if (!key || column < key.col || column > key.end) return undefined;
  const dashes = shapeOf(lines[lineNo]).dashes;
  if (dashes.length > 1) return undefined;
  const path = pathTo(lines, lineNo, key.col, dashes[0]);
  if (!path) return undefined;
  const schema = schemaOf(chunkText, () => customResourcesIn(chunks ?? splitChunks(text), custom));
  const parent = schema && objectOf(schema, typeAt(schema, path));
  // Listed fields only: one a CRD lets in unlisted has no description to show.
  const field = parent && Object.hasOwn(parent.type.p, key.name) ? parent.type.p[key.name] : undefined;
  if (!parent || !field) return undefined;
  return {
    key: key.name,
    start: lineStart + key.col,
    end: lineStart + key.end,
    parent: objectName(parent),
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
