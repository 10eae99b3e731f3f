// Checks parse.ts runs on eemeli/yaml's result: duplicate keys found in linear time (the library compares each key
// with every earlier one, so a 25,000-key ConfigMap took 11 s), and the parser's resource errors in plain words.
import { isMap, isPair, isScalar, isSeq, YAMLParseError } from 'yaml';
import type { Document, Node } from 'yaml';

/** What eemeli/yaml says when its recursion runs out of stack; it reports it as RESOURCE_EXHAUSTION. */
const TOO_DEEP =
  'Nested too deeply to read: the YAML parser gives up after several hundred levels of maps and lists (real manifests nest a few dozen)';

/**
 * Adds a DUPLICATE_KEY error, as the library would with uniqueKeys on, for every key that equals an earlier one in the
 * same map: scalars by value (1 and "1" differ), anything else never. Walks with its own stack, not recursion, so a
 * deeply nested document cannot overflow it.
 */
export function addDuplicateKeyErrors(document: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value) && key.range) found.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  if (found.length === 0) return;
  document.errors.push(...found);
  document.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * Replaces the parser's stack-overflow message ("Maximum call stack size exceeded") with one a person can act on, and
 * keeps one such error per document: where the stack runs out depends on how much of it the caller had used (and on
 * what V8 had compiled by then), so the parser may hit it once or twice on the same text, and the count must not vary.
 */
export function explainResourceErrors(document: Document.Parsed): void {
  let seen = false;
  document.errors = document.errors.filter((error) => {
    if (error.code !== 'RESOURCE_EXHAUSTION') return true;
    error.message = TOO_DEEP;
    const first = !seen;
    seen = true;
    return first;
  });
}
