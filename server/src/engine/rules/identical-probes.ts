// identical-probes: a liveness probe that is the very same check as the readiness probe restarts the container
// in exactly the moments (slow start, busy spell) when it should only be taken out of traffic.
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { FixProposal, WorkloadRule } from '../types';
import { Placeholder } from '../fix/render';
import { startupProbeFor } from '../k8s/probe-fixes';
import { pairOf, scalarValue } from '../k8s/nodes';
import type { Container } from '../k8s/workload';

/** Kubernetes' default failureThreshold for every probe. */
const DEFAULT_FAILURE_THRESHOLD = 3;
const LIVENESS_PATH = '/livez';
import { canonicalJson, containersNeedingProbes, probePair } from '../k8s/probes';

/** How many failed checks liveness allows: twice readiness's, so a struggling container leaves traffic first. */
function patientThreshold(readiness: YAMLMap): number {
  const threshold = scalarValue(pairOf(readiness, 'failureThreshold')?.value);
  return 2 * (typeof threshold === 'number' && threshold > 0 ? threshold : DEFAULT_FAILURE_THRESHOLD);
}

function identicalProbeFixes(container: Container, liveness: YAMLMap, readiness: YAMLMap): FixProposal[] {
  const threshold = patientThreshold(readiness);
  const patient: FixProposal = {
    title: `Let liveness tolerate more failures than readiness (failureThreshold: ${threshold})`,
    preferred: true,
    apply: (editor) => editor.ensure(liveness, { failureThreshold: new Placeholder(threshold) }),
  };
  const fixes = [patient];
  if (isMap(liveness.get('httpGet', true))) {
    fixes.push({
      title: `Point liveness at its own, cheaper endpoint (${LIVENESS_PATH})`,
      apply: (editor) => editor.ensure(liveness, { httpGet: { path: new Placeholder(LIVENESS_PATH) } }),
    });
  }
  const startupProbe = startupProbeFor(liveness);
  if (startupProbe && !probePair(container, 'startupProbe')) {
    fixes.push({
      title: 'Add a startupProbe for slow starts, and let liveness tolerate more failures than readiness',
      apply(editor) {
        // Liveness first: when it is the container's last entry both insert at one offset, and order is kept.
        patient.apply(editor);
        editor.ensure(container.map, { startupProbe });
      },
    });
  }
  return fixes;
}

export const rule: WorkloadRule = {
  meta: {
    id: 'identical-probes',
    severity: 'warning',
    profiles: ['seed'],
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
        fixes: identicalProbeFixes(container, liveness.value, readiness.value),
      });
    }
  },
};
