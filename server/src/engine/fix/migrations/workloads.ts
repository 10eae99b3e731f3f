// Deployment, DaemonSet, ReplicaSet and StatefulSet from extensions/v1beta1, apps/v1beta1 and apps/v1beta2 to
// apps/v1, which requires `spec.selector`: the older versions defaulted it to the pod template's labels, so the
// migration writes that default out.
import { isMap, isScalar } from 'yaml';
import { decline } from '../editor';
import { mapAt, pairOf } from '../../k8s/nodes';
import type { Migration } from './migration';

/** The template's labels as plain strings; a selector cannot be made from anything else. */
function templateLabels(labels: unknown): Record<string, string> {
  if (!isMap(labels) || labels.items.length === 0) return decline('no template labels to select the pods by');
  const out: Record<string, string> = {};
  for (const pair of labels.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof key !== 'string' || typeof value !== 'string') return decline('a template label that is not a string');
    out[key] = value;
  }
  return out;
}

export const WORKLOAD_MIGRATIONS: readonly Migration[] = [
  {
    from: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'],
    to: 'apps/v1',
    migrate({ editor, surgeon, root, apiVersion }) {
      const spec = mapAt(root, ['spec']);
      if (!spec) return decline('no spec');
      // A one-time rollback request: apps/v1 has no such field, and dropping it would lose the user's intent.
      if (pairOf(spec, 'rollbackTo')) return decline('spec.rollbackTo has no apps/v1 equivalent');
      editor.setScalar(apiVersion, 'apps/v1');
      // Kept up by the controller in extensions/v1beta1 DaemonSets; apps/v1 has no such field.
      const generation = pairOf(spec, 'templateGeneration');
      if (generation) editor.removePair(spec, generation);
      if (pairOf(spec, 'selector')) return;
      const selector = { selector: { matchLabels: templateLabels(mapAt(spec, ['template', 'metadata'])?.get('labels', true)) } };
      const template = pairOf(spec, 'template');
      if (template && !spec.flow) surgeon.insertBefore(template, selector);
      else editor.ensure(spec, selector);
    },
  },
];
