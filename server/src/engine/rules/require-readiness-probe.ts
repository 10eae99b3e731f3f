// require-readiness-probe: app containers of long-running workloads say when they may receive traffic.
import { requireProbeRule } from '../k8s/probe-rule';

export const rule = requireProbeRule(
  {
    id: 'require-readiness-probe',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'An app container of a long-running workload has no readinessProbe.',
      rationale:
        'A readiness probe says "send me traffic": without one, Services route requests to the pod as soon as its ' +
        'process starts, before it can answer, and keep routing to it while it is overloaded. Rollouts also proceed ' +
        'without waiting for the new pods to be ready. Jobs, CronJobs, init containers and ephemeral containers need no probes.',
      remediation: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
      bad: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '',
      ].join('\n'),
      good: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          readinessProbe:',
        '            httpGet: {path: /readyz, port: 8080}',
        '',
      ].join('\n'),
    },
  },
  'readinessProbe',
  'Services send it traffic before it can answer; add one that succeeds only when it can serve',
);
