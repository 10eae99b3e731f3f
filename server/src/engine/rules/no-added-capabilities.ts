// no-added-capabilities: every capability listed under securityContext.capabilities.add is a finding of its own,
// but for those the `allowed` option lists (the PSS profiles allow what their level allows).
import type { Node } from 'yaml';
import type { FixProposal, WorkloadRule } from '../types';
import { mapAt, pairOf, valueAt, seqItems, scalarValue } from '../k8s/nodes';
import type { Container } from '../k8s/workload';
import { decline } from '../fix/editor';
import { PSS_BASELINE } from '../profiles';
import { BASELINE_CAPABILITIES } from '../k8s/pss';

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
    // Baseline allows what runtimes grant anyway; restricted (which drops ALL) only NET_BIND_SERVICE back.
    profileOptions: { 'pss-baseline': { allowed: BASELINE_CAPABILITIES }, 'pss-restricted': { allowed: ['NET_BIND_SERVICE'] } },
    docs: {
      summary: 'A container adds Linux capabilities (`securityContext.capabilities.add`).',
      rationale:
        'Capabilities split root\'s powers into pieces; each one added (NET_ADMIN, SYS_ADMIN, SYS_PTRACE, …) gives the ' +
        'container a piece of control over the node or its neighbours. Most applications need none.',
      remediation:
        'Remove the added capabilities, and drop the rest with `capabilities: {drop: [ALL]}`. If one is truly needed ' +
        '(NET_BIND_SERVICE to listen on a port below 1024 is the usual case), keep only it and turn this rule down ' +
        'for that workload.',
      options: {
        allowed: 'Capabilities a container may add without a finding, e.g. `["NET_BIND_SERVICE"]`. Default: none.',
      },
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
    const allowed = Array.isArray(ctx.options.allowed) ? (ctx.options.allowed as unknown[]) : [];
    for (const container of workload.containers) {
      const added = seqItems(valueAt(container.securityContext, ['capabilities', 'add']));
      // The fix takes out the whole `add` list: not where it holds an allowed capability the user means to keep.
      const keepsAllowed = added.some((item) => allowed.includes(scalarValue(item)));
      for (const item of added) {
        const name = scalarValue(item);
        if (allowed.includes(name)) continue;
        ctx.report({
          at: item as Node,
          message: `Container "${container.name}" adds the ${String(name ?? '?')} capability: remove it, and drop ALL`,
          fixes: keepsAllowed ? [] : [dropAllCapabilities(container)],
        });
      }
    }
  },
};
