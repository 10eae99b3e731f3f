// A container's probe timeline in plain words: the markdown the hover shows and the one line the CodeLens shows.
import type { LivenessTimeline, ProbeTimeline, ReadinessTimeline, StartupTimeline } from './probe-timeline';
import { failureWindow } from './probe-timeline';

/** `9 s`, or `290 s (4 min 50 s)` once minutes read easier. */
export function seconds(n: number): string {
  if (n < 120) return `${n} s`;
  const minutes = Math.floor(n / 60);
  const rest = n % 60;
  return `${n} s (${minutes} min${rest ? ` ${rest} s` : ''})`;
}

function times(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function startupWords(s: StartupTimeline): string {
  const t = s.timings;
  return (
    `**Startup** checks first at **${seconds(s.firstCheck)}**, then every ${seconds(t.periodSeconds)}. Liveness and readiness ` +
    `wait until it succeeds. The app has until its ${ordinal(t.failureThreshold)} check, at **${seconds(s.restartAt)}**, to answer; ` +
    `if it has not, the container is restarted (at ${seconds(s.restartIfHungAt)} if every check hangs for its ${seconds(t.timeoutSeconds)} timeout).`
  );
}

function livenessWords(l: LivenessTimeline): string {
  const t = l.timings;
  const start = l.afterStartup
    ? `**Liveness** checks once the startupProbe succeeds (at ${seconds(l.firstCheck)} at the earliest), then every ${seconds(t.periodSeconds)}`
    : `**Liveness** checks first at **${seconds(l.firstCheck)}**, then every ${seconds(t.periodSeconds)}`;
  return (
    `${start}, waiting up to ${seconds(t.timeoutSeconds)} for each answer. After ${times(t.failureThreshold, 'failure')} in a row ` +
    `(${seconds(failureWindow(t))} from the first) it restarts the container: at **${seconds(l.restartAt)}** at the earliest ` +
    `if it fails from its first check, ${seconds(l.restartIfHungAt)} if the app hangs.`
  );
}

function readinessWords(r: ReadinessTimeline): string {
  const t = r.timings;
  const held = r.afterStartup ? ' (and not before the startupProbe succeeds)' : '';
  const passes = t.successThreshold === 1 ? 'its first passing check' : `${t.successThreshold} passing checks in a row`;
  return (
    `**Readiness** checks first at **${seconds(r.firstCheck)}**${held}, then every ${seconds(t.periodSeconds)}. Services send ` +
    `traffic after ${passes}: at **${seconds(r.readyAt)}** at the earliest. Once ready, ` +
    `${times(t.failureThreshold, 'failure')} in a row (${seconds(r.unreadyAfter)}) take it out of traffic.`
  );
}

/** Markdown for the hover: one paragraph per probe, and what its absence means. */
export function explainTimeline(container: string, timeline: ProbeTimeline): string {
  const { startup, liveness, readiness } = timeline;
  const lines = [
    `**Probe timeline of container "${container}"**, in seconds after it starts, at the earliest (the kubelet's ` +
      "checks can land up to a period later); Kubernetes' defaults fill in what is not written.",
  ];
  if (startup) lines.push(startupWords(startup));
  if (liveness) lines.push(livenessWords(liveness));
  else lines.push('**Liveness**: no livenessProbe, so a hung app is never restarted.');
  if (readiness) lines.push(readinessWords(readiness));
  else lines.push(`**Readiness**: no readinessProbe, so Services send traffic as soon as the container ${startup ? 'passes its startupProbe' : 'has started'} (${seconds(timeline.readyAt)}).`);
  if (liveness && !startup) {
    lines.push(
      `No startupProbe: an app that is not answering liveness by ${seconds(liveness.restartAt)} is restarted before it is ` +
        'ever up, again and again. Add a startupProbe if it can start slower than that.',
    );
  }
  return lines.join('\n\n');
}

/** One line for the CodeLens: when traffic comes in, when a failing probe restarts the container. */
export function summarizeTimeline(timeline: ProbeTimeline): string {
  const { startup, liveness, readiness } = timeline;
  const parts: string[] = [];
  if (startup) parts.push(`up to ${seconds(startup.restartAt)} to start`);
  parts.push(readiness ? `ready at ≥ ${seconds(timeline.readyAt)}` : `ready at ≥ ${seconds(timeline.readyAt)} (no readinessProbe)`);
  if (liveness) {
    parts.push(
      startup
        ? `then restarted after ≥ ${seconds(failureWindow(liveness.timings))} of liveness failures`
        : `restarted at ≥ ${seconds(liveness.restartAt)} if liveness fails`,
    );
  }
  const line = parts.join(' · ');
  return line[0].toUpperCase() + line.slice(1);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
