// sysctls-allowed: the baseline standard's sysctl control: only the namespaced, isolated ("safe") sysctls of the
// targeted Kubernetes version.
import type { WorkloadRule } from '../types';
import { pairOf, seqItems, stringValue } from '../k8s/nodes';
import { podName, safeSysctls } from '../k8s/pss';
import { formatVersion } from '../k8s/kubernetes-version';
import { PSS_BASELINE } from '../profiles';

export const rule: WorkloadRule = {
  meta: {
    id: 'sysctls-allowed',
    severity: 'error',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    docs: {
      summary: 'The pod sets a sysctl outside the safe set of the targeted Kubernetes version.',
      rationale:
        'Only a few sysctls are namespaced and isolated from other pods (kernel.shm_rmid_forced, ' +
        'net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, and in newer versions ' +
        'net.ipv4.ip_unprivileged_port_start, ip_local_reserved_ports and the tcp keepalive and fin timeout ones). The ' +
        'others change the node for everyone, and the kubelet refuses them unless allowed; the Pod Security ' +
        'Standards\' baseline level refuses them too. (`no-sysctls`, in the seed profile, reports any sysctl at all.)',
      remediation: 'Remove the unsafe sysctl, or tune the node itself if the setting is really needed.',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: tuned', 'spec:', '  securityContext:', '    sysctls:', '      - name: net.core.somaxconn', '        value: "1024"', '  containers:', '    - name: app', '      image: busybox:1.36', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: tuned', 'spec:', '  securityContext:', '    sysctls:', '      - name: net.ipv4.ip_local_port_range', '        value: "1024 65535"', '  containers:', '    - name: app', '      image: busybox:1.36', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    const safe = safeSysctls(ctx.kubernetesVersion);
    for (const item of seqItems(pairOf(workload.podSecurityContext, 'sysctls')?.value)) {
      const namePair = pairOf(item, 'name');
      const name = stringValue(namePair?.value);
      if (!namePair || name === undefined || safe.includes(name)) continue;
      ctx.report({
        at: namePair,
        message: `${podName(workload)} sets the sysctl ${name}, which is not safe in Kubernetes ${formatVersion(ctx.kubernetesVersion)}: remove it or tune the node`,
      });
    }
  },
};
