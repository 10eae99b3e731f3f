// Puts one pod spec fixture, caret markers and all, into every workload kind at its pod spec path, so a rule's
// tests cover Pod, Deployment, …, CronJob without writing each by hand.
import { WORKLOAD_KINDS } from '../../server/src/engine/k8s/workload';

/** The apiVersion to write for each API group the table names. */
const API_VERSIONS: Readonly<Record<string, string>> = { '': 'v1', apps: 'apps/v1', extensions: 'extensions/v1beta1', batch: 'batch/v1' };

/**
 * One fixture per workload kind (in its first API group) with `podSpec` (a pod spec's keys at column 0, as `yaml`
 * returns them) indented under the kind's pod spec path. Marker lines move with the text, so they still point right.
 */
export function inEveryWorkload(podSpec: string): string[] {
  return WORKLOAD_KINDS.map(({ kind, groups, podSpecPath }) => {
    const lines = [`apiVersion: ${API_VERSIONS[groups[0]]}`, `kind: ${kind}`, 'metadata: {name: w}'];
    podSpecPath.forEach((key, depth) => lines.push(`${'  '.repeat(depth)}${key}:`));
    const indent = '  '.repeat(podSpecPath.length);
    for (const line of podSpec.replace(/\n$/, '').split('\n')) lines.push(line ? indent + line : line);
    return lines.join('\n') + '\n';
  });
}
