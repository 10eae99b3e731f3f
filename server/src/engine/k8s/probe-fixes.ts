// The probes Kubewright's fixes insert: what fits a container (an HTTP check on its HTTP-looking port, a TCP check
// otherwise), with liveness more patient than readiness so that a busy container leaves traffic before it is
// restarted. Used by require-liveness-probe, require-readiness-probe and identical-probes.
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { FixProposal } from '../types';
import { Placeholder } from '../fix/render';
import type { YamlMapValue, YamlValue } from '../fix/render';
import { pairOf, scalarValue, seqItems, stringValue } from './nodes';
import { canonicalJson, probePair } from './probes';
import type { ProbeKey } from './probes';
import type { Container } from './workload';

/** Port names and numbers that usually speak HTTP. */
const HTTP_NAMES = /^(?:https?|web|api|metrics|health|admin|ui|.*-https?)$/i;
const HTTP_NUMBERS = new Set([80, 443, 3000, 5000, 8000, 8080, 8443, 8888, 9090]);
const HTTPS = /^(?:https|.*-https)$/i;

/** The timings each inserted probe gets: readiness reacts in 15 s; liveness waits a minute before a restart. */
export const PROBE_TIMINGS: Record<'livenessProbe' | 'readinessProbe', YamlMapValue> = {
  livenessProbe: { periodSeconds: 10, failureThreshold: 6 },
  readinessProbe: { periodSeconds: 5, failureThreshold: 3 },
};
const DEFAULT_PATHS = { livenessProbe: '/healthz', readinessProbe: '/ready' };

/** The keys that say how a probe checks; the rest are timings. */
export const PROBE_HANDLERS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

interface PortChoice {
  port: string | number;
  http: boolean;
  https: boolean;
}

/** The container's first HTTP-looking port (by name, else number), else its first port. */
function choosePort(container: Container): PortChoice | undefined {
  const ports = seqItems(container.map.get('ports', true)).filter(isMap) as YAMLMap[];
  const described = ports.map((p) => {
    const name = stringValue(pairOf(p, 'name')?.value);
    const number = scalarValue(pairOf(p, 'containerPort')?.value);
    const http = (name !== undefined && HTTP_NAMES.test(name)) || (typeof number === 'number' && HTTP_NUMBERS.has(number));
    const https = (name !== undefined && HTTPS.test(name)) || number === 443 || number === 8443;
    return { port: name ?? (typeof number === 'number' ? number : undefined), http, https };
  });
  const usable = described.filter((d): d is PortChoice => d.port !== undefined);
  return usable.find((d) => d.http) ?? usable[0];
}

/** A handler for the container: httpGet on an HTTP port, tcpSocket on another port, a TCP check on 8080 without one. */
function freshHandler(container: Container, key: 'livenessProbe' | 'readinessProbe'): YamlMapValue {
  const choice = choosePort(container);
  if (!choice) return { tcpSocket: { port: new Placeholder(8080) } };
  if (!choice.http) return { tcpSocket: { port: choice.port } };
  const httpGet: Record<string, YamlValue> = { path: new Placeholder(DEFAULT_PATHS[key]), port: choice.port };
  if (choice.https) httpGet.scheme = 'HTTPS';
  return { httpGet };
}

/** The handler entry (`httpGet: {…}` etc.) of an existing probe, as plain values. */
export function handlerOf(probe: YAMLMap): YamlMapValue | undefined {
  for (const key of PROBE_HANDLERS) {
    const pair = pairOf(probe, key);
    if (pair?.value) return { [key]: (pair.value as { toJSON(): YamlValue }).toJSON() };
  }
  return undefined;
}

/**
 * The probe to add: the container's other probe's check when it has one (that endpoint is known to exist), with
 * this probe's timings; a fresh check when that would make the two probes identical or there is none.
 */
export function probeFor(container: Container, key: 'livenessProbe' | 'readinessProbe'): YamlMapValue {
  const otherKey: ProbeKey = key === 'livenessProbe' ? 'readinessProbe' : 'livenessProbe';
  const other = probePair(container, otherKey)?.value;
  const handler = isMap(other) ? handlerOf(other) : undefined;
  if (handler && isMap(other)) {
    const copied = { ...handler, ...PROBE_TIMINGS[key] };
    if (canonicalJson(copied) !== canonicalJson(other.toJSON())) return copied;
  }
  return { ...freshHandler(container, key), ...PROBE_TIMINGS[key] };
}

export function addProbe(container: Container, key: 'livenessProbe' | 'readinessProbe'): FixProposal {
  return {
    title: `Add a ${key} to container "${container.name}"`,
    preferred: true,
    apply: (editor) => editor.ensure(container.map, { [key]: probeFor(container, key) }),
  };
}
