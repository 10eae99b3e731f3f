// probe-success-threshold: a liveness or startup probe with a successThreshold other than 1, which the API rejects.
import type { WorkloadRule } from '../types';
import { setValue } from '../fix/intents';
import { containersWithProbes, probeName, timingPair, writtenProbes } from '../k8s/probe-fields';
import { examplePod } from '../k8s/probe-examples';
import { CORE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'probe-success-threshold',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A livenessProbe or startupProbe sets a successThreshold other than 1.',
      rationale:
        'successThreshold is how many passing checks in a row a failing probe needs to count as passing again. Only ' +
        'readiness goes back and forth that way: a failed liveness or startup probe restarts the container, so there is ' +
        'nothing to recover. The API server rejects any value but 1 on them, and the whole object with it.',
      remediation:
        'Set `successThreshold: 1` (or remove it) on liveness and startup probes. To wait for several passing checks ' +
        'before sending traffic, set it on the readinessProbe.',
      bad: examplePod([
        'livenessProbe:',
        '  httpGet: {path: /livez, port: 8080}',
        '  successThreshold: 2',
        'readinessProbe:',
        '  httpGet: {path: /ready, port: 8080}',
        '  successThreshold: 2',
      ]),
      good: examplePod([
        'livenessProbe:',
        '  httpGet: {path: /livez, port: 8080}',
        '  successThreshold: 1',
        'readinessProbe:',
        '  httpGet: {path: /ready, port: 8080}',
        '  successThreshold: 2',
      ]),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersWithProbes(workload)) {
      for (const probe of writtenProbes(container)) {
        if (probe.key === 'readinessProbe') continue;
        const pair = timingPair(probe.map, 'successThreshold');
        const value = pair?.value.value;
        // 0 is defaulted to 1 by the API server.
        if (!pair || value === 1 || value === 0) continue;
        ctx.report({
          at: pair,
          message: `${probeName(probe.key, container)} sets successThreshold: ${String(value)}; liveness and startup probes take only 1, and the API server rejects the object`,
          fixes: [setValue('Set successThreshold: 1', pair, 1)],
        });
      }
    }
  },
};
