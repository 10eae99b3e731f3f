// Deployment, DaemonSet, ReplicaSet and StatefulSet from extensions/v1beta1, apps/v1beta1 and apps/v1beta2 to
// apps/v1, which requires `spec.selector`: the older versions defaulted it to the pod template's labels, so the
// migration writes that default out. Likewise the update strategy of the versions that defaulted it to OnDelete.
import { isMap, isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { decline } from '../editor';
import { mapAt, pairOf } from '../../k8s/nodes';
import type { YamlMapValue } from '../render';
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

/**
 * Where the old version's default update strategy was OnDelete (pods replaced only when someone deletes them) and
 * apps/v1's is RollingUpdate: extensions/v1beta1 DaemonSets and apps/v1beta1 StatefulSets. apps/v1beta2 already
 * defaulted both to RollingUpdate, as its API reference says.
 */
const ON_DELETE_BY_DEFAULT: ReadonlySet<string> = new Set(['extensions/v1beta1 DaemonSet', 'apps/v1beta1 StatefulSet']);

/** `updateStrategy: {type: OnDelete}` where the old version would have filled it in; nothing where it is written. */
function keepOnDelete(spec: YAMLMap, add: (entries: YamlMapValue) => void, ensure: (map: YAMLMap, entries: YamlMapValue) => void): void {
  const strategy = pairOf(spec, 'updateStrategy');
  if (!strategy) return add({ updateStrategy: { type: 'OnDelete' } });
  if (isMap(strategy.value) && pairOf(strategy.value, 'type')) return;
  // `updateStrategy:` with no type (or nothing at all): the old version's defaulting filled in the type, so it goes there.
  ensure(spec, { updateStrategy: { type: 'OnDelete' } });
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
      const kind = pairOf(root, 'kind')?.value;
      const onDelete = isScalar(kind) && ON_DELETE_BY_DEFAULT.has(`${String(apiVersion.value)} ${String(kind.value)}`);
      editor.setScalar(apiVersion, 'apps/v1');
      // The spec entries the old version defaulted, written out together above the template (in this order).
      const defaults: Record<string, YamlMapValue> = {};
      if (!pairOf(spec, 'selector')) {
        defaults.selector = { matchLabels: templateLabels(mapAt(spec, ['template', 'metadata'])?.get('labels', true)) };
      }
      if (onDelete) keepOnDelete(spec, (entries) => Object.assign(defaults, entries), (map, entries) => editor.ensure(map, entries));
      const template = pairOf(spec, 'template');
      if (Object.keys(defaults).length) {
        if (template && !spec.flow) surgeon.insertBefore(template, defaults);
        else editor.ensure(spec, defaults);
      }
      // Kept up by the controller in extensions/v1beta1 DaemonSets; apps/v1 has no such field. Removed last: an
      // insertion at the start of the removed lines must come first among edits at one offset.
      const generation = pairOf(spec, 'templateGeneration');
      if (generation) editor.removePair(spec, generation);
    },
  },
];
