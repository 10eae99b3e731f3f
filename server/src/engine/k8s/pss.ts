// The Pod Security Standards' allow-lists, by the Kubernetes version that changed them: what the baseline and
// restricted levels accept, as https://kubernetes.io/docs/concepts/security/pod-security-standards/ lists it.
import { reached } from './kubernetes-version';
import type { KubernetesVersion } from './kubernetes-version';

const v = (minor: number): KubernetesVersion => ({ major: 1, minor });

/** Baseline: the sysctls a pod may set, each from the version that made it safe (namespaced and isolated). */
const SAFE_SYSCTLS: ReadonlyArray<[string, number]> = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 22],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
];

export function safeSysctls(target: KubernetesVersion): string[] {
  return SAFE_SYSCTLS.filter(([, since]) => reached(target, v(since))).map(([name]) => name);
}

/** Baseline: the SELinux types a container may run as (container_engine_t since 1.31). */
export function allowedSelinuxTypes(target: KubernetesVersion): string[] {
  const types = ['container_t', 'container_init_t', 'container_kvm_t'];
  return reached(target, v(31)) ? [...types, 'container_engine_t'] : types;
}

/** Baseline: the capabilities a container may add, those container runtimes grant by default. */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** Restricted controls and the version whose standard added them: older targets are not held to them. */
export const RESTRICTED_SINCE = { seccomp: v(19), capabilities: v(22) } as const;

/** Restricted: the volume types a pod may use; everything else (hostPath, nfs, iscsi, …) is refused. */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
];

/** `Pod "web"`, `Pod of Deployment "web"` or `Pod`: how messages name the pod a finding is about. */
export function podName(workload: { name?: string; kind: { kind: string } }): string {
  if (!workload.name) return 'Pod';
  return workload.kind.kind === 'Pod' ? `Pod "${workload.name}"` : `Pod of ${workload.kind.kind} "${workload.name}"`;
}
