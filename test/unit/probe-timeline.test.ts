// The probe timeline's arithmetic, as tables against the Kubernetes documentation's examples and semantics: first
// checks, the earliest restart, the earliest readiness, the startup budget, defaults and the startup hand-over.
import * as assert from 'node:assert/strict';
import { parseChunkText } from '../../server/src/engine/parse';
import { probeTimeline, readTimings, withDefaults } from '../../server/src/engine/k8s/probe-timeline';
import type { ContainerTimings, ProbeTimeline } from '../../server/src/engine/k8s/probe-timeline';
import { probeInsights } from '../../server/src/engine/k8s/probe-insight';

/** The numbers a person reads off a timeline, flattened so a table row shows them at a glance. */
function summary(t: ProbeTimeline): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = { readyAt: t.readyAt };
  if (t.startup) Object.assign(out, { startupFirst: t.startup.firstCheck, startupRestart: t.startup.restartAt, startupHung: t.startup.restartIfHungAt });
  if (t.liveness) {
    Object.assign(out, { livenessFirst: t.liveness.firstCheck, restart: t.liveness.restartAt, restartHung: t.liveness.restartIfHungAt });
    out.afterStartup = t.liveness.afterStartup;
  }
  if (t.readiness) Object.assign(out, { readinessFirst: t.readiness.firstCheck, unreadyAfter: t.readiness.unreadyAfter });
  return out;
}

const TABLE: Array<{ name: string; probes: ContainerTimings; expected: Record<string, number | boolean> }> = [
  {
    // docs: "the kubelet should wait 3 seconds before performing the first probe … perform a liveness probe every 3
    // seconds"; 3 failures in a row (the default failureThreshold) restart it: checks at 3, 6 and 9 s.
    name: "the docs' liveness-http example (initialDelaySeconds 3, periodSeconds 3)",
    probes: { livenessProbe: { initialDelaySeconds: 3, periodSeconds: 3 } },
    expected: { readyAt: 0, livenessFirst: 3, restart: 9, restartHung: 10, afterStartup: false },
  },
  {
    name: "a liveness probe with every default: checks at 0, 10 and 20 s, each waiting up to 1 s",
    probes: { livenessProbe: {} },
    expected: { readyAt: 0, livenessFirst: 0, restart: 20, restartHung: 21, afterStartup: false },
  },
  {
    // docs (TCP example): readiness and liveness both start 15 s after the container, every 10 s.
    name: "the docs' goproxy example (tcpSocket, initialDelaySeconds 15, periodSeconds 10 on both)",
    probes: { readinessProbe: { initialDelaySeconds: 15, periodSeconds: 10 }, livenessProbe: { initialDelaySeconds: 15, periodSeconds: 10 } },
    expected: { readyAt: 15, livenessFirst: 15, restart: 35, restartHung: 36, afterStartup: false, readinessFirst: 15, unreadyAfter: 20 },
  },
  {
    // docs: "the application will have a maximum of 5 minutes (30 * 10 = 300s) to finish its startup"; its 30th and
    // last check is at 290 s, and liveness (failureThreshold 1) takes over once it succeeds.
    name: "the docs' startup example (startup 30 × 10 s, liveness failureThreshold 1 every 10 s)",
    probes: { startupProbe: { failureThreshold: 30, periodSeconds: 10 }, livenessProbe: { failureThreshold: 1, periodSeconds: 10 } },
    expected: { readyAt: 0, startupFirst: 0, startupRestart: 290, startupHung: 291, livenessFirst: 0, restart: 0, restartHung: 1, afterStartup: true },
  },
  {
    name: 'readiness with successThreshold 3: three passing checks in a row, at 10, 15 and 20 s',
    probes: { readinessProbe: { initialDelaySeconds: 10, periodSeconds: 5, successThreshold: 3, failureThreshold: 4 } },
    expected: { readyAt: 20, readinessFirst: 10, unreadyAfter: 15 },
  },
  {
    name: 'a hanging check takes its whole timeoutSeconds before it counts as failed',
    probes: { livenessProbe: { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 2 } },
    expected: { readyAt: 0, livenessFirst: 0, restart: 20, restartHung: 25, afterStartup: false },
  },
  {
    // initialDelaySeconds counts from the container's start, not from the startup's success.
    name: "a startupProbe holds liveness and readiness back; their own initialDelaySeconds still count from the start",
    probes: {
      startupProbe: { initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 12 },
      livenessProbe: { initialDelaySeconds: 30 },
      readinessProbe: {},
    },
    expected: {
      readyAt: 10, startupFirst: 10, startupRestart: 65, startupHung: 66,
      livenessFirst: 30, restart: 50, restartHung: 51, afterStartup: true, readinessFirst: 10, unreadyAfter: 20,
    },
  },
  {
    name: 'without a readinessProbe the container is ready once the startupProbe succeeds',
    probes: { startupProbe: { initialDelaySeconds: 20 } },
    expected: { readyAt: 20, startupFirst: 20, startupRestart: 40, startupHung: 41 },
  },
  {
    name: 'no probes at all: ready at once',
    probes: {},
    expected: { readyAt: 0 },
  },
];

describe('probe timeline', () => {
  for (const row of TABLE) {
    it(row.name, () => assert.deepEqual(summary(probeTimeline(row.probes)), row.expected));
  }

  it("fills in Kubernetes' defaults: 0 means the default, except for initialDelaySeconds", () => {
    assert.deepEqual(withDefaults({}), { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, successThreshold: 1 });
    assert.deepEqual(
      withDefaults({ initialDelaySeconds: 0, periodSeconds: 0, timeoutSeconds: 0, failureThreshold: 0, successThreshold: 0 }),
      { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, successThreshold: 1 },
    );
    // Negative and fractional values are rejected by the API; the timeline shows the defaults rather than nonsense.
    assert.deepEqual(withDefaults({ periodSeconds: -5, failureThreshold: 2.5 }), withDefaults({}));
  });

  it('reads the timing fields written in a probe, numbers only', () => {
    const [doc] = parseChunkText('httpGet: {path: /healthz, port: 8080}\ninitialDelaySeconds: 3\nperiodSeconds: "3"\nfailureThreshold: 5\n');
    assert.deepEqual(readTimings(doc.contents), { initialDelaySeconds: 3, failureThreshold: 5 });
    assert.deepEqual(readTimings(undefined), {});
  });
});

describe('probe insights', () => {
  it("finds each container's probes by file offset, in every document, and skips templates", () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      readinessProbe: {tcpSocket: {port: 80}}\n';
    const text = `${pod}---\n${pod.replace('name: a', 'name: b')}---\n${pod.replace('{name: p}', '{name: {{ .Release.Name }}}')}`;
    const insights = probeInsights(text);
    assert.deepEqual(insights.map((i) => i.container), ['a', 'b']);
    const second = insights[1].probes[0];
    assert.equal(text.slice(second.start, second.keyEnd), 'readinessProbe');
    assert.equal(second.start, pod.length + 4 + pod.indexOf('readinessProbe'));
    assert.equal(text.slice(second.start, second.end), 'readinessProbe: {tcpSocket: {port: 80}}');
  });
});
