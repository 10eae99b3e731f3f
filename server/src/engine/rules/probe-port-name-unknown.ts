// probe-port-name-unknown: a probe checks a named port that the container does not declare, so the kubelet cannot
// resolve it and every check fails.
import type { WorkloadRule } from '../types';
import { containersWithProbes, probeName, unknownPortName, writtenProbes } from '../k8s/probe-fields';
import { examplePod } from '../k8s/probe-examples';
import { declarePort } from '../k8s/probe-fixes';
import { CORE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'probe-port-name-unknown',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary: 'A probe checks a port by a name the container does not declare in `ports`.',
      rationale:
        'A probe\'s `httpGet`, `tcpSocket` or `grpc` port may be a number or the name of one of the container\'s own ' +
        'ports. The kubelet looks the name up in that container\'s `ports` list only; when it is not there (a typo, a ' +
        'port renamed, a port declared on another container) every check fails. A failing liveness or startup probe ' +
        'restarts the container again and again; a failing readiness probe keeps it out of traffic for good.',
      remediation:
        'Declare the port under the container\'s `ports` with that `name`, or use the port\'s number or the name it is ' +
        'declared with. The quick fix declares it, with its number as a value to fill in.',
      bad: examplePod(['ports:', '  - name: http', '    containerPort: 8080', 'livenessProbe:', '  httpGet: {path: /livez, port: web}']),
      good: examplePod(['ports:', '  - name: http', '    containerPort: 8080', 'livenessProbe:', '  httpGet: {path: /livez, port: http}']),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of containersWithProbes(workload)) {
      for (const probe of writtenProbes(container)) {
        const port = unknownPortName(container, probe.map);
        if (!port) continue;
        ctx.report({
          at: port.pair,
          message: `${probeName(probe.key, container)} checks port "${port.value}", which the container does not declare: every check fails; declare it under ports or use its number`,
          fixes: [declarePort(container, port.value)],
        });
      }
    }
  },
};
