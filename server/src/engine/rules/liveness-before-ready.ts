// liveness-before-ready: a liveness probe that can restart the container before its readiness probe could ever
// pass, the restart loop of an application that starts slower than liveness is willing to wait.
import type { WorkloadRule } from '../types';
import { containersWithProbes, containerTimings, writtenProbes } from '../k8s/probe-fields';
import type { WrittenProbe } from '../k8s/probe-fields';
import { examplePod } from '../k8s/probe-examples';
import { addStartupProbe, handlerOf } from '../k8s/probe-fixes';
import { canonicalJson } from '../k8s/probes';
import { failureWindow, probeTimeline } from '../k8s/probe-timeline';
import type { ProbeTimeline } from '../k8s/probe-timeline';

export const rule: WorkloadRule = {
  meta: {
    id: 'liveness-before-ready',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary:
        'A livenessProbe can restart the container before its readinessProbe could pass, or checks the same endpoint ' +
        'as readiness and gives up sooner, and no startupProbe covers the start.',
      rationale:
        'Liveness checks start when the container starts (after initialDelaySeconds) and restart it after ' +
        'failureThreshold failures in a row. An application that is not answering yet fails them like a hung one. ' +
        'When liveness gives up before readiness could first pass, the readiness settings say the application needs ' +
        'longer to start than liveness allows: it is restarted before it is ever ready, again and again, and never ' +
        'serves. The same happens when both probes check one endpoint and liveness is the stricter one: the endpoint ' +
        'that readiness would wait for is the one liveness restarts on, and readiness never gets to act. A pod stuck like ' +
        'this shows only CrashLoopBackOff and restarts; the manifest is where the cause can be seen.',
      remediation:
        'Add a `startupProbe` with the liveness check and a failureThreshold × periodSeconds long enough for the slowest ' +
        'start: liveness and readiness wait until it succeeds, then liveness keeps its quick reaction for real hangs. ' +
        'Or give liveness a longer `initialDelaySeconds` or a higher `failureThreshold` than readiness. The hover on ' +
        'a probe in the editor shows when each probe checks, restarts and lets traffic in.',
      bad: examplePod([
        'livenessProbe:',
        '  httpGet: {path: /health, port: 8080}',
        '  initialDelaySeconds: 3',
        '  periodSeconds: 3',
        'readinessProbe:',
        '  httpGet: {path: /health, port: 8080}',
        '  initialDelaySeconds: 60',
        '  periodSeconds: 10',
      ]),
      good: examplePod([
        'startupProbe:',
        '  httpGet: {path: /health, port: 8080}',
        '  periodSeconds: 10',
        '  failureThreshold: 30',
        'livenessProbe:',
        '  httpGet: {path: /health, port: 8080}',
        '  periodSeconds: 3',
        'readinessProbe:',
        '  httpGet: {path: /health, port: 8080}',
        '  periodSeconds: 10',
      ]),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersWithProbes(workload)) {
      const probes = writtenProbes(container);
      const find = (key: WrittenProbe['key']) => probes.find((p) => p.key === key);
      const liveness = find('livenessProbe');
      const readiness = find('readinessProbe');
      // A startupProbe holds both back until the application answers: the start is its business.
      if (!liveness || !readiness || find('startupProbe')) continue;
      // A probe without a check is rejected by the API: there is no restart to time.
      if (!handlerOf(liveness.map)) continue;
      const timeline = probeTimeline(containerTimings(container));
      const problem = restartBeforeReady(timeline, sameCheck(liveness, readiness));
      if (!problem) continue;
      ctx.report({
        at: liveness.pair,
        message: `Container "${container.name}" can be restarted before it is ever ready: ${problem}; add a startupProbe for the start`,
        fixes: [addStartupProbe(container, liveness.map, timeline.readyAt)],
      });
    }
  },
};

/** Why liveness can restart the container before readiness passes, in words, or undefined when it cannot. */
function restartBeforeReady(timeline: ProbeTimeline, sameCheck: boolean): string | undefined {
  const { liveness, readiness } = timeline;
  if (!liveness || !readiness) return undefined;
  if (liveness.restartAt < readiness.readyAt) {
    return `liveness restarts it at ${liveness.restartAt} s if the app is not answering yet, and readiness can pass at ${readiness.readyAt} s at the earliest`;
  }
  const livenessWindow = failureWindow(liveness.timings);
  if (sameCheck && livenessWindow < readiness.unreadyAfter) {
    return (
      `liveness and readiness check the same endpoint and liveness is the stricter: it restarts after ${livenessWindow} s ` +
      `of failures, where readiness waits ${readiness.unreadyAfter} s`
    );
  }
  return undefined;
}

/** True when both probes make the same check (handler and all), whatever their timings. */
function sameCheck(a: WrittenProbe, b: WrittenProbe): boolean {
  const handler = (p: WrittenProbe) => handlerOf(p.map);
  const [ha, hb] = [handler(a), handler(b)];
  return ha !== undefined && hb !== undefined && canonicalJson(ha) === canonicalJson(hb);
}
