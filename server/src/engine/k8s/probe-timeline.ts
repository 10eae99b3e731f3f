// When the kubelet checks a container's probes, restarts it and lets traffic in: the arithmetic behind the probe
// hover, the CodeLens and the probe timing rules, from the probes' own fields and Kubernetes' defaults.
//
// The model (pkg/kubelet/prober/worker.go and the Kubernetes docs on probes), in seconds after the container starts:
// - Each probe checks every periodSeconds; none before initialDelaySeconds. So the first check is at
//   initialDelaySeconds and the n-th at initialDelaySeconds + (n - 1) × periodSeconds. (The kubelet's ticker runs from
//   the container's start, so a check can land up to one period later than this: every time here is "at the earliest".)
// - A check fails when the handler fails or takes longer than timeoutSeconds; so a check that hangs ends timeoutSeconds
//   after it began.
// - failureThreshold failures in a row: liveness restarts the container, readiness takes it out of traffic, startup
//   restarts it. The restart comes with the failureThreshold-th failed check, at the earliest
//   first check + (failureThreshold - 1) × periodSeconds: 3 + 2 × 3 = 9 s for the docs' liveness-http example.
// - successThreshold successes in a row make a readiness probe pass; a readiness probe starts out failing, so the
//   container is ready at the earliest first check + (successThreshold - 1) × periodSeconds. Without a readiness
//   probe it is ready as soon as it has started.
// - A startupProbe holds back liveness and readiness until it succeeds (at the earliest at its first check). Their
//   initialDelaySeconds still count from the container's start, so each begins at the later of its own delay and
//   the startup's success. If it never succeeds, the container is restarted at its failureThreshold-th check:
//   the app has until initialDelaySeconds + (failureThreshold - 1) × periodSeconds to answer. (The docs round this
//   to failureThreshold × periodSeconds, "30 × 10 = 300 s"; the 30th check is at 290 s.)
// - A value of 0 (or one that is not a positive whole number) for periodSeconds, timeoutSeconds, failureThreshold or
//   successThreshold means its default, as the API server's defaulting does; initialDelaySeconds defaults to 0.
import { isMap } from 'yaml';
import { pairOf, scalarValue } from './nodes';
import type { ProbeKey } from './probes';

export interface ProbeTimings {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  successThreshold: number;
}

export const TIMING_FIELDS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold'] as const;
export type TimingField = (typeof TIMING_FIELDS)[number];

/** Kubernetes' defaults for a probe's timing fields. */
export const PROBE_DEFAULTS: Readonly<ProbeTimings> = Object.freeze({
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
  successThreshold: 1,
});

/** The timing fields a probe writes, as whole numbers; anything else is left out (and so takes its default). */
export type WrittenTimings = Partial<ProbeTimings>;

/** The probes of one container, by the timings each writes; a probe left out is not there. */
export type ContainerTimings = Partial<Record<ProbeKey, WrittenTimings>>;

/** A probe's timings with Kubernetes' defaults filled in (0 means the default, except for initialDelaySeconds). */
export function withDefaults(written: WrittenTimings): ProbeTimings {
  const read = (field: TimingField): number => {
    const value = written[field];
    if (value === undefined || !Number.isInteger(value) || value < 0) return PROBE_DEFAULTS[field];
    return value === 0 && field !== 'initialDelaySeconds' ? PROBE_DEFAULTS[field] : value;
  };
  return {
    initialDelaySeconds: read('initialDelaySeconds'),
    periodSeconds: read('periodSeconds'),
    timeoutSeconds: read('timeoutSeconds'),
    failureThreshold: read('failureThreshold'),
    successThreshold: read('successThreshold'),
  };
}

/** The timing fields written in a probe map (numbers only: `"10"` is not a number to the API either). */
export function readTimings(probe: unknown): WrittenTimings {
  const written: WrittenTimings = {};
  if (!isMap(probe)) return written;
  for (const field of TIMING_FIELDS) {
    const value = scalarValue(pairOf(probe, field)?.value);
    if (typeof value === 'number') written[field] = value;
  }
  return written;
}

/** How long failureThreshold failed checks in a row take, from the first to the last. */
export function failureWindow(t: ProbeTimings): number {
  return (t.failureThreshold - 1) * t.periodSeconds;
}

export interface StartupTimeline {
  timings: ProbeTimings;
  /** Its first check, which is also the earliest moment it can succeed and hand over to liveness and readiness. */
  firstCheck: number;
  /** Its failureThreshold-th check: an app that has not answered by then is restarted, at the earliest then. */
  restartAt: number;
  /** The restart when every check hangs until its timeout. */
  restartIfHungAt: number;
}

export interface LivenessTimeline {
  timings: ProbeTimings;
  /** True when a startupProbe holds it back: its checks start only after the startup succeeds. */
  afterStartup: boolean;
  firstCheck: number;
  /** The earliest restart by liveness: its failureThreshold-th check, when every check fails from the first. */
  restartAt: number;
  /** The same when every check hangs until its timeout. */
  restartIfHungAt: number;
}

export interface ReadinessTimeline {
  timings: ProbeTimings;
  afterStartup: boolean;
  firstCheck: number;
  /** The earliest moment it passes: successThreshold successes in a row from the first check. */
  readyAt: number;
  /** How long failing checks go on, once ready, before the container is taken out of traffic. */
  unreadyAfter: number;
}

export interface ProbeTimeline {
  startup?: StartupTimeline;
  liveness?: LivenessTimeline;
  readiness?: ReadinessTimeline;
  /** The earliest moment Services send the container traffic: readiness passes, else startup succeeds, else at once. */
  readyAt: number;
}

/** The container's timeline from its probes' written timings. */
export function probeTimeline(probes: ContainerTimings): ProbeTimeline {
  const timeline: ProbeTimeline = { readyAt: 0 };
  // The earliest moment the container counts as started: liveness and readiness are held back until then.
  let startedAt = 0;
  if (probes.startupProbe) {
    const timings = withDefaults(probes.startupProbe);
    const firstCheck = timings.initialDelaySeconds;
    const restartAt = firstCheck + failureWindow(timings);
    timeline.startup = { timings, firstCheck, restartAt, restartIfHungAt: restartAt + timings.timeoutSeconds };
    // Kubernetes rejects a startup successThreshold other than 1; counted anyway, the way the kubelet would.
    startedAt = firstCheck + (timings.successThreshold - 1) * timings.periodSeconds;
  }
  const afterStartup = probes.startupProbe !== undefined;
  if (probes.livenessProbe) {
    const timings = withDefaults(probes.livenessProbe);
    const firstCheck = Math.max(timings.initialDelaySeconds, startedAt);
    const restartAt = firstCheck + failureWindow(timings);
    timeline.liveness = { timings, afterStartup, firstCheck, restartAt, restartIfHungAt: restartAt + timings.timeoutSeconds };
  }
  timeline.readyAt = startedAt;
  if (probes.readinessProbe) {
    const timings = withDefaults(probes.readinessProbe);
    const firstCheck = Math.max(timings.initialDelaySeconds, startedAt);
    const readyAt = firstCheck + (timings.successThreshold - 1) * timings.periodSeconds;
    timeline.readiness = { timings, afterStartup, firstCheck, readyAt, unreadyAfter: failureWindow(timings) };
    timeline.readyAt = readyAt;
  }
  return timeline;
}
