// The shared check of service-no-matching-pods, pdb-no-matching-pods and networkpolicy-selects-nothing: an object
// whose pod selector matches no workload of its namespace, judged only when workloads of that namespace sit nearby.
import type { WorkspaceRuleContext } from '../types';
import type { IndexedObject } from './model';
import type { WorkspaceIndex } from './workspace-index';
import { closestMiss, describeSelector, isEmptySelector } from './selectors';

/** Reports `${kind} "${name}" ${verb}: …` on the selector when it selects nothing. */
export function reportUnselected(object: IndexedObject, kind: string, verb: string, index: WorkspaceIndex, ctx: WorkspaceRuleContext): void {
  const selector = object.selector;
  // An empty selector: every pod of the namespace (PDB, NetworkPolicy), or a Service without one.
  if (object.kind !== kind || !selector || isEmptySelector(selector)) return;
  const workloads = index.workloads(object.effectiveNamespace);
  if (!index.nearby(object, workloads) || index.selectedWorkloads(object, selector).length > 0) return;
  ctx.report({
    at: selector.span,
    message: `${kind} "${object.name}" ${verb}: no workload in namespace "${object.effectiveNamespace}" has the pod labels ${describeSelector(selector)}${closestMiss(selector, workloads)}`,
  });
}
