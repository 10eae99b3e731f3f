// Security context lookups with Kubernetes' inheritance: a container's own securityContext field wins, and for
// the fields PodSecurityContext also has (runAsUser, runAsNonRoot, …) the pod-level value applies otherwise.
import type { Pair } from 'yaml';
import { pairOf, scalarValue } from './nodes';
import type { Container, Workload } from './workload';

export interface EffectiveSetting {
  pair: Pair;
  value: unknown;
  /** Set on the pod's securityContext and inherited by the container. */
  fromPod: boolean;
}

/** The field as the container sees it: its own, else the pod's. Only for fields PodSecurityContext defines. */
export function inheritedSetting(workload: Workload, container: Container, key: string): EffectiveSetting | undefined {
  const own = pairOf(container.securityContext, key);
  if (own) return { pair: own, value: scalarValue(own.value), fromPod: false };
  const pod = pairOf(workload.podSecurityContext, key);
  if (pod) return { pair: pod, value: scalarValue(pod.value), fromPod: true };
  return undefined;
}

/** A container-only field (privileged, allowPrivilegeEscalation, readOnlyRootFilesystem, capabilities). */
export function containerSetting(container: Container, key: string): EffectiveSetting | undefined {
  const own = pairOf(container.securityContext, key);
  return own ? { pair: own, value: scalarValue(own.value), fromPod: false } : undefined;
}

/** Names a group of containers in a message: `"web"`, `"web" and "log"`, `"a", "b" and "c"`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
