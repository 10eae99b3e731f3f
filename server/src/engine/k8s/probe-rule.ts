// The shared body of require-liveness-probe and require-readiness-probe: the two differ only in which probe
// they ask for and what they say about it.
import { isMap } from 'yaml';
import type { WorkloadRule, RuleMeta } from '../types';
import { containersNeedingProbes, probePair } from './probes';
import { addProbe } from './probe-fixes';

export function requireProbeRule(meta: RuleMeta, key: 'livenessProbe' | 'readinessProbe', consequence: string): WorkloadRule {
  return {
    meta,
    checkWorkload(workload, ctx) {
      for (const container of containersNeedingProbes(workload)) {
        // `readinessProbe:` with nothing after it is a null, which Kubernetes takes as no probe at all.
        if (isMap(probePair(container, key)?.value)) continue;
        ctx.report({ at: container.anchor, message: `Container "${container.name}" has no ${key}: ${consequence}`, fixes: [addProbe(container, key)] });
      }
    },
  };
}
