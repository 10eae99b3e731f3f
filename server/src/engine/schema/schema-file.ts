// The schema as the bundles carry it: a file beside them (SCHEMA_FILE_NAME), its first line the kinds and each further
// line one type, `<id>\t<json>` (scripts/build.mjs writes it). A type is parsed the first time a document needs it: a
// small manifest needs a few dozen of the 917, and the whole schema as one object literal cost the server's start 15 ms.
import { readFileSync } from 'node:fs';
import type { ObjectType, SchemaData } from './types';

export const SCHEMA_FILE_NAME = 'k8s-schema.jsonl';

/**
 * Reads the kinds now and finds where each type's line is; `types` parses a type's line when it is first read, then
 * keeps it. (917 lazy properties defined one by one cost 6 ms, each a new hidden class; a proxy over a map costs none.)
 */
export function schemaFromText(text: string): SchemaData {
  const firstEnd = text.indexOf('\n');
  const { source, kinds } = JSON.parse(text.slice(0, firstEnd)) as Pick<SchemaData, 'source' | 'kinds'>;
  const lines = new Map<string, { start: number; end: number }>();
  for (let start = firstEnd + 1; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const tab = text.indexOf('\t', start);
    lines.set(text.slice(start, tab), { start: tab + 1, end });
    start = end + 1;
  }
  const parsed = new Map<string, ObjectType>();
  const typeOf = (id: string): ObjectType | undefined => {
    let type = parsed.get(id);
    const line = type === undefined ? lines.get(id) : undefined;
    if (line) parsed.set(id, (type = JSON.parse(text.slice(line.start, line.end)) as ObjectType));
    return type;
  };
  const types = new Proxy({} as Record<string, ObjectType>, {
    get: (_, id) => (typeof id === 'string' ? typeOf(id) : undefined),
    has: (_, id) => typeof id === 'string' && lines.has(id),
    ownKeys: () => [...lines.keys()],
    getOwnPropertyDescriptor: (_, id) =>
      typeof id === 'string' && lines.has(id) ? { value: typeOf(id), enumerable: true, configurable: true, writable: false } : undefined,
  });
  return { source, kinds, types };
}

export function readSchemaFile(file: string): SchemaData {
  return schemaFromText(readFileSync(file, 'utf8'));
}
