// identical-probes: a liveness probe that is the very same check as the readiness probe restarts the container
// in exactly the moments (slow start, busy spell) when it should only be taken out of traffic.
import { isMap } from 'yaml';
import type { WorkloadRule } from '../types';
import { canonicalJson, containersNeedingProbes, probePair } from '../k8s/probes';

export const rule: WorkloadRule = {
  meta: {
    id: 'identical-probes',
    severity: 'warning',
    docs: {
      summary: 'A container\'s livenessProbe and readinessProbe are identical.',
      rationale:
        'Readiness says "send me traffic", liveness says "restart me". When both are the same check, every time the ' +
        'application is slow to answer (starting up, warming a cache, a busy moment) it is not only taken out of ' +
        'traffic but also restarted, which makes it slower still: a slow start becomes a restart loop.',
      remediation:
        'Give liveness a cheaper endpoint that only checks that the process is alive, or keep the endpoint and give ' +
        'liveness a higher failureThreshold; for slow starts add a `startupProbe`, which holds liveness back until the ' +
        'application is up.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      livenessProbe:',
        '        httpGet: {path: /healthz, port: 8080}',
        '      readinessProbe:',
        '        httpGet: {path: /healthz, port: 8080}',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      startupProbe:',
        '        httpGet: {path: /healthz, port: 8080}',
        '        failureThreshold: 30',
        '      livenessProbe:',
        '        httpGet: {path: /livez, port: 8080}',
        '      readinessProbe:',
        '        httpGet: {path: /healthz, port: 8080}',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersNeedingProbes(workload)) {
      const liveness = probePair(container, 'livenessProbe');
      const readiness = probePair(container, 'readinessProbe');
      if (!liveness || !readiness || !isMap(liveness.value) || !isMap(readiness.value)) continue;
      if (canonicalJson(liveness.value.toJSON()) !== canonicalJson(readiness.value.toJSON())) continue;
      ctx.report({
        at: liveness,
        message:
          `Container "${container.name}" has identical liveness and readiness probes: a slow start or busy moment restarts it ` +
          'instead of only taking it out of traffic; add a startupProbe or point liveness at a cheaper endpoint',
      });
    }
  },
};
