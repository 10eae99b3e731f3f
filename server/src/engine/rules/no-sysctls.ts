// no-sysctls: pod securityContext.sysctls changes kernel parameters for the pod (and, for unsafe ones, the node).
import { isSeq } from 'yaml';
import type { WorkloadRule } from '../types';
import { pairOf } from '../k8s/nodes';
import { removeField } from '../fix/intents';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-sysctls',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'The pod sets kernel parameters (`securityContext.sysctls`).',
      rationale:
        'Sysctls tune the kernel the pod shares with everything else on the node. Only a few are namespaced and safe; ' +
        'the rest need the kubelet to allow them and can weaken isolation or stability for other pods. A pod that ' +
        'depends on them also fails to start on nodes that do not allow them.',
      remediation: 'Remove `sysctls` from the pod securityContext, or tune the node itself if the setting is really needed.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: tuned',
        'spec:',
        '  securityContext:',
        '    sysctls:',
        '      - name: net.core.somaxconn',
        '        value: "1024"',
        '  containers:',
        '    - name: app',
        '      image: busybox:1.36',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: tuned',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: busybox:1.36',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    const sysctls = pairOf(workload.podSecurityContext, 'sysctls');
    if (sysctls && isSeq(sysctls.value) && sysctls.value.items.length > 0) {
      const what = workload.name ? `Pod of ${workload.kind.kind} "${workload.name}"` : 'Pod';
      const podSecurity = pairOf(workload.podSpec, 'securityContext');
      const parents = podSecurity ? [{ map: workload.podSpec, pair: podSecurity }] : [];
      ctx.report({
        at: sysctls,
        message: `${what} sets kernel parameters (sysctls): remove them or tune the node instead`,
        fixes: workload.podSecurityContext ? [removeField('Remove the sysctls', workload.podSecurityContext, sysctls, parents)] : [],
      });
    }
  },
};
