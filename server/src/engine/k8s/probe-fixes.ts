// The probes Kubewright's fixes insert: what fits a container (an HTTP check on its HTTP-looking port, a TCP check
// otherwise), with liveness more patient than readiness so that a busy container leaves traffic before it is
// restarted. Used by require-liveness-probe, require-readiness-probe and identical-probes.
import { isMap, visit } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { FixProposal } from '../types';
import { Placeholder } from '../fix/render';
import type { YamlMapValue, YamlValue } from '../fix/render';
import { pairOf, scalarValue, seqItems, stringValue } from './nodes';
import { canonicalJson, probePair } from './probes';
import { unknownPortName } from './probe-fields';
import { failureWindow, readTimings, withDefaults } from './probe-timeline';
import { decline } from '../fix/editor';
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

/**
 * The handler entry (`httpGet: {…}` etc.) of an existing probe, as plain values. None when it uses an alias: without
 * its document toJSON() writes an alias as `{source: name}`, and expanding it could blow up (a "billion laughs"), so
 * such a handler is not copied and the fix proposes a fresh one.
 */
export function handlerOf(probe: YAMLMap): YamlMapValue | undefined {
  for (const key of PROBE_HANDLERS) {
    const pair = pairOf(probe, key);
    if (!pair?.value) continue;
    let aliased = false;
    visit(pair.value as Parameters<typeof visit>[0], { Alias: () => ((aliased = true), visit.BREAK) });
    return aliased ? undefined : { [key]: (pair.value as { toJSON(): YamlValue }).toJSON() };
  }
  return undefined;
}

/**
 * The timings of a probe to add beside the container's other probe, so that the pair passes the probe timing rules:
 * liveness never gives up before readiness could pass, nor after fewer failures than readiness waits for; readiness
 * takes the container out of traffic before liveness restarts it.
 */
function timingsBeside(key: 'livenessProbe' | 'readinessProbe', other: YAMLMap | undefined): YamlMapValue {
  if (!other) return PROBE_TIMINGS[key];
  const them = withDefaults(readTimings(other));
  const themWindow = failureWindow(them);
  if (key === 'readinessProbe') {
    // Checks every 5 s, or as often as liveness (but not every second, which the 1 s default timeout would fill).
    const periodSeconds = Math.max(2, Math.min(5, them.periodSeconds));
    const failureThreshold = Math.min(3, Math.max(1, Math.ceil(themWindow / periodSeconds)));
    return { periodSeconds, failureThreshold };
  }
  const timings: Record<string, YamlValue> = { ...PROBE_TIMINGS.livenessProbe };
  const period = timings.periodSeconds as number;
  timings.failureThreshold = Math.max(timings.failureThreshold as number, Math.floor(themWindow / period) + 2);
  // Readiness says the app needs this long to start: liveness starts checking only then.
  const readyAt = them.initialDelaySeconds + (them.successThreshold - 1) * them.periodSeconds;
  if (readyAt > ((timings.failureThreshold as number) - 1) * period) return { initialDelaySeconds: readyAt, ...timings };
  return timings;
}

/**
 * The probe to add: the container's other probe's check when it has one (that endpoint is known to exist), with
 * timings that fit beside it; a fresh check when that would make the two probes identical or there is none.
 */
export function probeFor(container: Container, key: 'livenessProbe' | 'readinessProbe'): YamlMapValue {
  const otherKey: ProbeKey = key === 'livenessProbe' ? 'readinessProbe' : 'livenessProbe';
  const other = probePair(container, otherKey)?.value;
  const otherMap = isMap(other) ? other : undefined;
  const timings = timingsBeside(key, otherMap);
  const handler = otherMap ? handlerOf(otherMap) : undefined;
  if (handler && otherMap) {
    const copied = { ...handler, ...timings };
    if (canonicalJson(copied) !== canonicalJson(otherMap.toJSON())) return copied;
  }
  return { ...freshHandler(container, key), ...timings };
}

export function addProbe(container: Container, key: 'livenessProbe' | 'readinessProbe'): FixProposal {
  return {
    title: `Add a ${key} to container "${container.name}"`,
    preferred: true,
    apply: (editor) => editor.ensure(container.map, { [key]: probeFor(container, key) }),
  };
}

/** How often the startupProbe a fix adds checks, and for how many checks at least: up to 5 minutes to start. */
const STARTUP_PERIOD = 10;
const STARTUP_CHECKS = 30;

/**
 * A startupProbe for a slow start: the liveness probe's check (and its timeout, when it fits the period), every 10 s,
 * with a failureThreshold the user can tab through: 30, or enough checks to reach `startsBy` seconds.
 */
export function startupProbeFor(liveness: YAMLMap, startsBy = 0): YamlMapValue | undefined {
  const handler = handlerOf(liveness);
  if (!handler) return undefined;
  const probe: Record<string, YamlValue> = { ...handler };
  const timeout = readTimings(liveness).timeoutSeconds;
  if (timeout !== undefined && timeout > 1 && timeout < STARTUP_PERIOD) probe.timeoutSeconds = timeout;
  const checks = Math.max(STARTUP_CHECKS, Math.ceil(startsBy / STARTUP_PERIOD) + 1);
  return { ...probe, periodSeconds: STARTUP_PERIOD, failureThreshold: new Placeholder(checks) };
}

/** Adds that startupProbe to the container; declined when liveness has no check to copy or one that cannot work. */
export function addStartupProbe(container: Container, liveness: YAMLMap, startsBy = 0): FixProposal {
  const probe = startupProbeFor(liveness, startsBy);
  const checks = probe && (probe.failureThreshold as Placeholder).value;
  return {
    title: `Add a startupProbe with the liveness check, ${checks ?? STARTUP_CHECKS} × ${STARTUP_PERIOD} s to start`,
    preferred: true,
    apply(editor) {
      // A copy of a check on a port the container does not declare would fail the same way: fix the port first.
      if (!probe || unknownPortName(container, liveness)) decline('the liveness check cannot be copied');
      editor.ensure(container.map, { startupProbe: probe });
    },
  };
}

/** Raises a probe's periodSeconds (a value to tune), keeping its timeout: every check keeps its time to answer. */
export function raisePeriod(probe: YAMLMap, periodSeconds: number): FixProposal {
  return {
    title: `Set periodSeconds: ${periodSeconds}, longer than the timeout`,
    preferred: true,
    apply: (editor) => editor.ensure(probe, { periodSeconds: new Placeholder(periodSeconds) }),
  };
}

/**
 * Declares a named port a probe checks: names the container's only unnamed port when that is all it has (surely the
 * one meant), else adds a port of that name whose number is a value to fill in.
 */
export function declarePort(container: Container, name: string): FixProposal {
  const ports = seqItems(container.map.get('ports', true));
  const only = ports.length === 1 && isMap(ports[0]) && !pairOf(ports[0], 'name') ? (ports[0] as YAMLMap) : undefined;
  if (only) {
    return { title: `Name the container's port "${name}"`, preferred: true, apply: (editor) => editor.ensure(only, { name }) };
  }
  return {
    title: `Declare port "${name}" in container "${container.name}"`,
    preferred: true,
    apply: (editor) => editor.ensure(container.map, { ports: [{ name, containerPort: new Placeholder(8080) }] }),
  };
}
