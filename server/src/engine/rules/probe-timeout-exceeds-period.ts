// probe-timeout-exceeds-period: a probe that may wait for an answer as long as, or longer than, it waits between
// checks, so a hanging check delays the next one and the probe reacts later than its settings say.
import type { WorkloadRule } from '../types';
import { containersWithProbes, probeName, timingPair, writtenProbes } from '../k8s/probe-fields';
import { examplePod } from '../k8s/probe-examples';
import { withDefaults, readTimings } from '../k8s/probe-timeline';
import { raisePeriod } from '../k8s/probe-fixes';

export const rule: WorkloadRule = {
  meta: {
    id: 'probe-timeout-exceeds-period',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'A probe\'s timeoutSeconds is as long as its periodSeconds or longer.',
      rationale:
        'The kubelet runs one check of a probe at a time. When a check can wait for an answer as long as the period ' +
        'between checks, a hanging application makes every check last the whole timeout and the next one start late: ' +
        'failures then take failureThreshold × timeoutSeconds to count, not what periodSeconds promises, and the ' +
        'timeline you planned (when traffic stops, when the container restarts) is not the one you get.',
      remediation:
        'Make periodSeconds longer than timeoutSeconds. The quick fix raises periodSeconds to one second above the ' +
        'timeout: every check keeps the time it had to answer, so a check that passed still passes. (Lowering ' +
        'timeoutSeconds instead would fail the checks that took longer, and a failing liveness check restarts the ' +
        'container: do that only if you know how long the check takes.)',
      bad: examplePod(['readinessProbe:', '  httpGet: {path: /ready, port: 8080}', '  periodSeconds: 5', '  timeoutSeconds: 5']),
      good: examplePod(['readinessProbe:', '  httpGet: {path: /ready, port: 8080}', '  periodSeconds: 6', '  timeoutSeconds: 5']),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersWithProbes(workload)) {
      for (const probe of writtenProbes(container)) {
        const timings = withDefaults(readTimings(probe.map));
        if (timings.timeoutSeconds < timings.periodSeconds) continue;
        // Where the long wait is written; a period of 1 s with the default timeout has only its period to point at.
        const at = timingPair(probe.map, 'timeoutSeconds') ?? timingPair(probe.map, 'periodSeconds') ?? probe.pair;
        ctx.report({
          at,
          message:
            `${probeName(probe.key, container)} waits up to ${timings.timeoutSeconds} s for an answer but checks every ` +
            `${timings.periodSeconds} s: a hanging check delays the next one; make periodSeconds longer than timeoutSeconds`,
          fixes: [raisePeriod(probe.map, timings.timeoutSeconds + 1)],
        });
      }
    }
  },
};
