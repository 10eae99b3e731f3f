// The docs examples of the probe timing rules share one Pod around the container lines each rule is about.

/** A Pod manifest holding one container `web` whose lines (indented under it) follow its name and image. */
export function examplePod(containerLines: readonly string[]): string {
  const head = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: web:1.4'];
  return [...head, ...containerLines.map((line) => `      ${line}`), ''].join('\n');
}
