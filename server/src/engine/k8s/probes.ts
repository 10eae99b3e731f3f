// Which containers need probes: the app containers of long-running workloads. Init containers run to
// completion, ephemeral containers cannot have probes, and Jobs and CronJobs are not long-running.
import type { Container, Workload } from './workload';
import { pairOf } from './nodes';

export type ProbeKey = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function containersNeedingProbes(workload: Workload): Container[] {
  return workload.longRunning ? workload.containers.filter((c) => c.kind === 'container') : [];
}

export function probePair(container: Container, key: ProbeKey) {
  return pairOf(container.map, key);
}

/** A stable text form of a plain value: map keys sorted, so that key order does not make two probes differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
