// require-requests-limits: every container states cpu and memory requests and a memory limit (a cpu limit only
// when the cpuLimit option asks for it).
import type { FixProposal, WorkloadRule } from '../types';
import { pairOf, scalarValue, valueAt } from '../k8s/nodes';
import type { Container } from '../k8s/workload';
import { Placeholder } from '../fix/render';
import type { YamlValue } from '../fix/render';

function isSet(container: Container, section: 'requests' | 'limits', resource: 'cpu' | 'memory'): boolean {
  const value = scalarValue(valueAt(container.map, ['resources', section, resource]));
  return value !== undefined && value !== null && value !== '';
}

/** Kubernetes copies a limit into the request when only the limit is given, so a limit alone counts as both. */
function hasRequest(container: Container, resource: 'cpu' | 'memory'): boolean {
  return isSet(container, 'requests', resource) || isSet(container, 'limits', resource);
}

/** Starting points for a small service; tab stops in the editor, meant to be replaced by measured figures. */
const DEFAULTS = { cpuRequest: '100m', memory: '128Mi', cpuLimit: '500m' };

/** Inserts only the entries that are missing, under the resources the container already has. */
function addMissingResources(container: Container, missing: readonly string[]): FixProposal {
  const requested = scalarValue(valueAt(container.map, ['resources', 'requests', 'memory']));
  // A memory limit equal to the request gives the container the Guaranteed memory it asked for.
  const memoryLimit = typeof requested === 'string' || typeof requested === 'number' ? requested : DEFAULTS.memory;
  const requests: Record<string, YamlValue> = {};
  const limits: Record<string, YamlValue> = {};
  if (missing.includes('cpu request')) requests.cpu = new Placeholder(DEFAULTS.cpuRequest);
  if (missing.includes('memory request')) requests.memory = new Placeholder(DEFAULTS.memory);
  if (missing.includes('memory limit')) limits.memory = new Placeholder(memoryLimit);
  if (missing.includes('cpu limit')) limits.cpu = new Placeholder(DEFAULTS.cpuLimit);
  const resources: Record<string, YamlValue> = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  return {
    title: `Add the missing resource ${missing.length === 1 ? 'setting' : 'settings'} to container "${container.name}"`,
    preferred: true,
    apply: (editor) => editor.ensure(container.map, { resources }),
  };
}

export const rule: WorkloadRule = {
  meta: {
    id: 'require-requests-limits',
    severity: 'warning',
    profiles: ['seed'],
    docs: {
      summary: 'A container does not state its cpu and memory requests and its memory limit.',
      rationale:
        'The scheduler places pods by their requests: without them a node is overcommitted and its pods are the first ' +
        'to be evicted under pressure. Without a memory limit one leaking container can push the whole node out of ' +
        'memory. A cpu limit is not required by default: it throttles a container even when the node has idle cpu, ' +
        'which shows up as latency, and a cpu request already guarantees a fair share. Turn on the `cpuLimit` option ' +
        'where your platform requires cpu limits. A limit given without a request also serves as the request, as in ' +
        'Kubernetes itself. Ephemeral (debug) containers cannot have resources and are not checked.',
      remediation: 'Add `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` to each container.',
      options: { cpuLimit: 'true: also require `resources.limits.cpu` (default false).' },
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      resources:',
        '        requests:',
        '          cpu: 100m',
        '          memory: 128Mi',
        '        limits:',
        '          memory: 128Mi',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    const requireCpuLimit = ctx.options.cpuLimit === true;
    for (const container of workload.containers) {
      if (container.kind === 'ephemeralContainer') continue;
      const missing: string[] = [];
      if (!hasRequest(container, 'cpu')) missing.push('cpu request');
      if (!hasRequest(container, 'memory')) missing.push('memory request');
      if (!isSet(container, 'limits', 'memory')) missing.push('memory limit');
      if (requireCpuLimit && !isSet(container, 'limits', 'cpu')) missing.push('cpu limit');
      if (missing.length === 0) continue;
      const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      ctx.report({
        at: pairOf(container.map, 'resources') ?? container.anchor,
        message: `Container "${container.name}" has no ${list}: set ${missing.length === 1 ? 'it' : 'them'} under resources`,
        fixes: [addMissingResources(container, missing)],
      });
    }
  },
};
