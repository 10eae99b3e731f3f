// The schema file the bundles read (dist/k8s-schema.jsonl): one line with the source and the kinds, then one line per
// type, `<id>\t<json>`, so that the server parses only the types a document needs (server/src/engine/schema/schema-file.ts).
export function schemaLinesText(schema) {
  const lines = [JSON.stringify({ source: schema.source, kinds: schema.kinds })];
  for (const [id, type] of Object.entries(schema.types)) lines.push(`${id}\t${JSON.stringify(type)}`);
  return `${lines.join('\n')}\n`;
}
