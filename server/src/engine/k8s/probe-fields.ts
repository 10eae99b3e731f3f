// The probes a container writes and the fields the probe timing rules read: which probes are there, their timing
// pairs, and the port a handler checks against the ports the container declares.
import { isMap, isScalar } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { pairOf, scalarValue, seqItems, stringValue } from './nodes';
import type { ProbeKey } from './probes';
import { readTimings } from './probe-timeline';
import type { ContainerTimings, TimingField } from './probe-timeline';
import type { Container, Workload } from './workload';

export const PROBE_KEYS: readonly ProbeKey[] = ['startupProbe', 'livenessProbe', 'readinessProbe'];

/** A probe a container writes: its `livenessProbe:` pair and the map under it. */
export interface WrittenProbe {
  key: ProbeKey;
  pair: Pair;
  map: YAMLMap;
}

/**
 * The containers whose probes the timing rules check: every container that writes a probe, whatever the workload.
 * The kubelet runs a probe wherever it is written (a Job's container, a sidecar init container), and the API
 * rejects a bad successThreshold in any of them. Ephemeral containers cannot have probes at all.
 */
export function containersWithProbes(workload: Workload): Container[] {
  return workload.containers.filter((c) => c.kind !== 'ephemeralContainer' && writtenProbes(c).length > 0);
}

/** The probes the container writes as maps, startup first. */
export function writtenProbes(container: Container): WrittenProbe[] {
  const probes: WrittenProbe[] = [];
  for (const key of PROBE_KEYS) {
    const pair = pairOf(container.map, key);
    if (pair && isMap(pair.value)) probes.push({ key, pair, map: pair.value });
  }
  return probes;
}

/** The written timings of each probe the container has, for probeTimeline. */
export function containerTimings(container: Container): ContainerTimings {
  const timings: ContainerTimings = {};
  for (const probe of writtenProbes(container)) timings[probe.key] = readTimings(probe.map);
  return timings;
}

/** A timing field's pair when it holds a plain number. */
export function timingPair(probe: YAMLMap, field: TimingField): (Pair & { value: Scalar }) | undefined {
  const pair = pairOf(probe, field);
  return pair && isScalar(pair.value) && typeof pair.value.value === 'number' ? (pair as Pair & { value: Scalar }) : undefined;
}

/** The handlers whose `port` may name a container port; exec has no port. */
export const PORT_HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export interface ProbePort {
  handler: (typeof PORT_HANDLERS)[number];
  /** The `port:` pair inside the handler. */
  pair: Pair;
  value: string | number;
}

/** The port a probe's handler checks, when it writes one. */
export function probePort(probe: YAMLMap): ProbePort | undefined {
  for (const handler of PORT_HANDLERS) {
    const pair = pairOf(probe.get(handler, true), 'port');
    const value = scalarValue(pair?.value);
    if (pair && (typeof value === 'string' || typeof value === 'number')) return { handler, pair, value };
  }
  return undefined;
}

/** The container's declared ports by name, with their numbers where written. */
export function namedPorts(container: Container): Map<string, number | undefined> {
  const named = new Map<string, number | undefined>();
  for (const port of seqItems(container.map.get('ports', true))) {
    const name = stringValue(pairOf(port, 'name')?.value);
    const number = scalarValue(pairOf(port, 'containerPort')?.value);
    if (name !== undefined) named.set(name, typeof number === 'number' ? number : undefined);
  }
  return named;
}

/**
 * The port name a probe checks that the container does not declare. Only names count: a string of digits is not a
 * name (the API takes no such port name, and the kubelet reads it as a number).
 */
export function unknownPortName(container: Container, probe: YAMLMap): (ProbePort & { value: string }) | undefined {
  const port = probePort(probe);
  if (!port || typeof port.value !== 'string' || !/[a-z]/i.test(port.value)) return undefined;
  return namedPorts(container).has(port.value) ? undefined : (port as ProbePort & { value: string });
}

/** A probe's name to open a message with: `The livenessProbe of container "web"`. */
export function probeName(key: ProbeKey, container: Container): string {
  return `The ${key} of container "${container.name}"`;
}
