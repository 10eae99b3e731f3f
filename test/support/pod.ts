// A one-container Pod around the lines a test is about, for fixtures where only the container's own keys matter.

/** `apiVersion: v1` Pod `p` whose container (`name`, image `<name>:1`) has `lines` as its keys, one per item. */
export function podWith(lines: readonly string[], name = 'app'): string {
  const head = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', `    - name: ${name}`, `      image: ${name}:1`];
  return [...head, ...lines.map((line) => (line ? `      ${line}` : line)), ''].join('\n');
}
