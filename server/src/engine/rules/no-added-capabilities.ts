// no-added-capabilities: every capability listed under securityContext.capabilities.add is a finding of its own.
import type { Node } from 'yaml';
import type { FixProposal, WorkloadRule } from '../types';
import { mapAt, pairOf, valueAt, seqItems, scalarValue } from '../k8s/nodes';
import type { Container } from '../k8s/workload';
import { decline } from '../fix/editor';
import { PSS_BASELINE } from '../profiles';

/** Takes out the `add` list and makes sure `drop` holds ALL: in place of `add` when there is no `drop` yet. */
function dropAllCapabilities(container: Container): FixProposal {
  return {
    title: `Remove the added capabilities of container "${container.name}" and drop ALL`,
    preferred: true,
    apply(editor) {
      const capabilities = mapAt(container.securityContext, ['capabilities']);
      const add = pairOf(capabilities, 'add');
      if (!capabilities || !add) return decline('no capabilities.add map');
      if (!pairOf(capabilities, 'drop')) return editor.replacePair(capabilities, add, 'drop', ['ALL']);
      editor.removePair(capabilities, add);
      editor.ensure(capabilities, { drop: ['ALL'] });
    },
  };
}

export const rule: WorkloadRule = {
  meta: {
    id: 'no-added-capabilities',
    severity: 'warning',
    profiles: ['seed', ...PSS_BASELINE],
    pss: 'baseline',
    docs: {
      summary: 'A container adds Linux capabilities (`securityContext.capabilities.add`).',
      rationale:
        'Capabilities split root\'s powers into pieces; each one added (NET_ADMIN, SYS_ADMIN, SYS_PTRACE, …) gives the ' +
        'container a piece of control over the node or its neighbours. Most applications need none.',
      remediation:
        'Remove the added capabilities, and drop the rest with `capabilities: {drop: [ALL]}`. If one is truly needed ' +
        '(NET_BIND_SERVICE to listen on a port below 1024 is the usual case), keep only it and turn this rule down ' +
        'for that workload.',
      bad: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: net',
        'spec:',
        '  containers:',
        '    - name: net',
        '      image: busybox:1.36',
        '      securityContext:',
        '        capabilities:',
        '          add: [NET_ADMIN]',
        '',
      ].join('\n'),
      good: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: net',
        'spec:',
        '  containers:',
        '    - name: net',
        '      image: busybox:1.36',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
        '',
      ].join('\n'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      for (const item of seqItems(valueAt(container.securityContext, ['capabilities', 'add']))) {
        const name = scalarValue(item);
        ctx.report({
          at: item as Node,
          message: `Container "${container.name}" adds the ${String(name ?? '?')} capability: remove it, and drop ALL`,
          fixes: [dropAllCapabilities(container)],
        });
      }
    }
  },
};
