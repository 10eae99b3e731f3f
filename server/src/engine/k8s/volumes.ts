// The pod's hostPath volumes, and which host paths expose a container runtime's socket.
import type { Pair } from 'yaml';
import { pairOf, seqItems, stringValue } from './nodes';
import type { Workload } from './workload';

export interface HostPathVolume {
  /** The volume's name, or `#N` when it has none. */
  name: string;
  /** The `hostPath:` pair. */
  hostPathPair: Pair;
  /** The `path:` pair inside it, when present. */
  pathPair?: Pair;
  path?: string;
}

export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  const volumes: HostPathVolume[] = [];
  seqItems(workload.podSpec.get('volumes', true)).forEach((volume, index) => {
    const hostPathPair = pairOf(volume, 'hostPath');
    if (!hostPathPair) return;
    const pathPair = pairOf(hostPathPair.value, 'path');
    volumes.push({
      name: stringValue(pairOf(volume, 'name')?.value) ?? `#${index + 1}`,
      hostPathPair,
      pathPair,
      path: stringValue(pathPair?.value),
    });
  });
  return volumes;
}

/** Sockets of Docker, containerd (also as k3s and microk8s run it), CRI-O and cri-dockerd. */
export const RUNTIME_SOCKETS: readonly string[] = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/snap/microk8s/common/run/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
];

function normalize(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** The runtime socket a host path exposes: the socket itself, or a folder that holds it (`/var/run`, `/`). */
export function exposedSocket(path: string): string | undefined {
  const host = normalize(path);
  if (!host.startsWith('/')) return undefined;
  return RUNTIME_SOCKETS.find((socket) => socket === host || socket.startsWith(host === '/' ? '/' : `${host}/`));
}
