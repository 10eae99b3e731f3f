// liveness-failure-threshold-one: a liveness probe that restarts the container on one failed check.
import type { WorkloadRule } from '../types';
import { setValue } from '../fix/intents';
import { containersWithProbes, probeName, timingPair, writtenProbes } from '../k8s/probe-fields';
import { examplePod } from '../k8s/probe-examples';
import { PROBE_DEFAULTS } from '../k8s/probe-timeline';

export const rule: WorkloadRule = {
  meta: {
    id: 'liveness-failure-threshold-one',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'A livenessProbe restarts the container after a single failed check (`failureThreshold: 1`).',
      rationale:
        'A check fails whenever one answer is late: a garbage collection pause, a busy node, a slow disk, a dropped ' +
        'packet. With failureThreshold 1 any such moment restarts the container, dropping the requests it was serving ' +
        'and starting it cold, which makes the next slow answer more likely.',
      remediation:
        "Let liveness see a few failures in a row before it restarts: Kubernetes' default, `failureThreshold: 3`, or " +
        'more. To restart quickly after a real hang, shorten `periodSeconds` instead.',
      bad: examplePod(['livenessProbe:', '  httpGet: {path: /livez, port: 8080}', '  failureThreshold: 1']),
      good: examplePod(['livenessProbe:', '  httpGet: {path: /livez, port: 8080}', '  failureThreshold: 3']),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersWithProbes(workload)) {
      const liveness = writtenProbes(container).find((p) => p.key === 'livenessProbe');
      const pair = liveness && timingPair(liveness.map, 'failureThreshold');
      if (!pair || pair.value.value !== 1) continue;
      const threshold = PROBE_DEFAULTS.failureThreshold;
      ctx.report({
        at: pair,
        message: `${probeName('livenessProbe', container)} restarts it after a single failed check: one slow answer is enough; let it fail ${threshold} times in a row`,
        fixes: [setValue(`Set failureThreshold: ${threshold}`, pair, threshold)],
      });
    }
  },
};
