// no-host-namespaces: hostPID or hostIPC: true shares the node's process or IPC namespace with the pod.
import type { WorkloadRule } from '../types';
import { pairOf, scalarValue } from '../k8s/nodes';
import { podName } from '../k8s/pss';
import { removeField } from '../fix/intents';
import { PSS_BASELINE } from '../profiles';

/** hostNetwork is the third host namespace; no-host-network reports it, with its own advice. */
const NAMESPACES: ReadonlyArray<[key: string, what: string]> = [
  ['hostPID', "sees and can signal every process on the node"],
  ['hostIPC', "shares the node's shared memory and semaphores"],
];

export const rule: WorkloadRule = {
  meta: {
    id: 'no-host-namespaces',
    severity: 'error',
    profiles: PSS_BASELINE,
    pss: 'baseline',
    docs: {
      summary: 'The pod shares the node\'s process or IPC namespace (`hostPID: true`, `hostIPC: true`).',
      rationale:
        'With `hostPID` the pod sees every process on the node, can read their environment (secrets included) and, ' +
        'as root, signal or trace them. With `hostIPC` it can read and write the shared memory of every process on ' +
        'the node. Both break the isolation the Pod Security Standards\' baseline level guarantees.',
      remediation: 'Remove `hostPID` and `hostIPC` (false is the default). Debug node processes from a node shell instead.',
      bad: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  hostPID: true', '  containers:', '    - name: debug', '      image: busybox:1.36', ''].join('\n'),
      good: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '    - name: debug', '      image: busybox:1.36', ''].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const [key, what] of NAMESPACES) {
      const pair = pairOf(workload.podSpec, key);
      if (!pair || scalarValue(pair.value) !== true) continue;
      ctx.report({
        at: pair,
        message: `${podName(workload)} ${what} (${key}: true): remove ${key}`,
        fixes: [removeField(`Remove ${key}: true`, workload.podSpec, pair)],
      });
    }
  },
};
