// The ConfigMaps, Secrets, ServiceAccount and PersistentVolumeClaims a pod spec names, each with `optional` and the
// span of the name, from every place a pod can name them: env, envFrom, volumes (projected ones too), imagePullSecrets.
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { CONTAINER_LISTS } from '../k8s/workload';
import { pairOf, rangeOf, scalarValue, seqItems, stringValue, valueAt, valueOf } from '../k8s/nodes';
import type { PodReference } from './model';

type Kind = PodReference['kind'];

function add(out: PodReference[], kind: Kind, holder: unknown, nameKey: string, via: string): void {
  const pair = pairOf(holder, nameKey);
  const name = stringValue(pair?.value);
  const span = isScalar(pair?.value) ? rangeOf(pair!.value) : undefined;
  if (!name || !span) return;
  out.push({ kind, name, optional: scalarValue(valueOf(holder, 'optional')) === true, span, via });
}

/**
 * `claimTemplates`: a StatefulSet's volumeClaimTemplates names; a volume of that name gets a claim per pod from the
 * template, whatever its own source says.
 */
export function readPodReferences(podSpec: YAMLMap, claimTemplates: readonly string[] = []): PodReference[] {
  const out: PodReference[] = [];
  // serviceAccount is the deprecated spelling; the API server copies it into serviceAccountName.
  add(out, 'ServiceAccount', podSpec, pairOf(podSpec, 'serviceAccountName') ? 'serviceAccountName' : 'serviceAccount', 'serviceAccountName');
  for (const secret of seqItems(valueOf(podSpec, 'imagePullSecrets'))) add(out, 'Secret', secret, 'name', 'imagePullSecrets');
  for (const volume of seqItems(valueOf(podSpec, 'volumes'))) {
    if (claimTemplates.includes(stringValue(valueOf(volume, 'name')) ?? '')) continue;
    add(out, 'ConfigMap', valueOf(volume, 'configMap'), 'name', 'a volume');
    add(out, 'Secret', valueOf(volume, 'secret'), 'secretName', 'a volume');
    add(out, 'PersistentVolumeClaim', valueOf(volume, 'persistentVolumeClaim'), 'claimName', 'a volume');
    for (const source of seqItems(valueAt(volume, ['projected', 'sources']))) {
      add(out, 'ConfigMap', valueOf(source, 'configMap'), 'name', 'a projected volume');
      add(out, 'Secret', valueOf(source, 'secret'), 'name', 'a projected volume');
    }
  }
  for (const list of CONTAINER_LISTS) {
    for (const container of seqItems(podSpec.get(list.key, true))) {
      for (const env of seqItems(valueOf(container, 'env'))) {
        add(out, 'ConfigMap', valueAt(env, ['valueFrom', 'configMapKeyRef']), 'name', 'configMapKeyRef');
        add(out, 'Secret', valueAt(env, ['valueFrom', 'secretKeyRef']), 'name', 'secretKeyRef');
      }
      for (const from of seqItems(valueOf(container, 'envFrom'))) {
        add(out, 'ConfigMap', valueOf(from, 'configMapRef'), 'name', 'envFrom');
        add(out, 'Secret', valueOf(from, 'secretRef'), 'name', 'envFrom');
      }
    }
  }
  return out;
}
