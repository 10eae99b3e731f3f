// no-container-socket: a hostPath that reaches the container runtime's socket (Docker, containerd, CRI-O,
// cri-dockerd), directly or through a folder that holds it.
import type { Node } from 'yaml';
import type { WorkloadRule } from '../types';
import { exposedSocket, hostPathVolumes } from '../k8s/volumes';

export const rule: WorkloadRule = {
  meta: {
    id: 'no-container-socket',
    severity: 'error',
    profiles: ['seed'],
    docs: {
      summary: 'A hostPath volume mounts a container runtime socket (docker.sock, containerd.sock, crio.sock, cri-dockerd.sock) or the folder holding it.',
      rationale:
        'Whoever can talk to the container runtime can start a privileged container on the node, mount its whole ' +
        'filesystem and read every other pod\'s secrets: mounting the socket is handing over the node. Mounting ' +
        '`/var/run` or `/run` mounts the socket too.',
      remediation:
        'Remove the volume. To build images, use a rootless builder (BuildKit rootless, kaniko, buildah); to watch ' +
        'containers, use the Kubernetes API or the kubelet\'s metrics instead of the runtime.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: builder',
        'spec:',
        '  containers:',
        '    - name: builder',
        '      image: docker:27',
        '  volumes:',
        '    - name: docker',
        '      hostPath:',
        '        path: /var/run/docker.sock',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: builder',
        'spec:',
        '  containers:',
        '    - name: builder',
        '      image: moby/buildkit:rootless',
        '  volumes:',
        '    - name: cache',
        '      emptyDir: {}',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const volume of hostPathVolumes(workload)) {
      const socket = volume.path !== undefined ? exposedSocket(volume.path) : undefined;
      if (!socket || !volume.pathPair) continue;
      const how = socket === volume.path ? `the container runtime socket ${socket}` : `${volume.path}, which holds the container runtime socket ${socket}`;
      ctx.report({
        at: volume.pathPair.value as Node,
        message: `Volume "${volume.name}" mounts ${how}: whoever reaches it controls the node`,
      });
    }
  },
};
