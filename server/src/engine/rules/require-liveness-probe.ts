// require-liveness-probe: app containers of long-running workloads say how to tell that they are stuck.
import { requireProbeRule } from '../k8s/probe-rule';

export const rule = requireProbeRule(
  {
    id: 'require-liveness-probe',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'An app container of a long-running workload has no livenessProbe.',
      rationale:
        'A liveness probe says "restart me": without one, a container that deadlocks or hangs keeps running and keeps ' +
        'its place, and nothing recovers it. Point it at a cheap check that fails only when a restart would help. If ' +
        'the application starts slowly, add a startupProbe too, so that liveness checks do not begin (and restart the ' +
        'container) before it is up. Jobs, CronJobs, init containers and ephemeral containers need no probes.',
      remediation: 'Add a `livenessProbe` (httpGet, tcpSocket, exec or grpc) to the container, on an endpoint that checks the process itself, not its dependencies.',
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
        '          livenessProbe:',
        '            httpGet: {path: /livez, port: 8080}',
        '',
      ].join('\n'),
    },
  },
  'livenessProbe',
  'a hung process is never restarted; add one on a cheap endpoint (and a startupProbe if it starts slowly)',
);
