// Names a manifest refers to elsewhere in the same file, for completion: the container ports a probe or a Service
// can name, and the Services an Ingress backend can name.
import { isMap } from 'yaml';
import type { Document } from 'yaml';
import { scalarValue, seqItems, stringValue, valueAt } from '../k8s/nodes';
import { kubernetesIdentity } from '../k8s/object';
import { readWorkload } from '../k8s/workload';

export interface NamedPort {
  name: string;
  container: string;
  containerPort?: number;
}

/** The named ports of every container in these documents, in file order, each name once. */
export function containerPortNames(documents: readonly Document.Parsed[]): NamedPort[] {
  const ports = new Map<string, NamedPort>();
  for (const document of documents) {
    for (const container of readWorkload(document)?.containers ?? []) {
      for (const port of seqItems(container.map.get('ports', true))) {
        if (!isMap(port)) continue;
        const name = stringValue(port.get('name', true));
        const number = scalarValue(port.get('containerPort', true));
        if (name && !ports.has(name)) {
          ports.set(name, { name, container: container.name, containerPort: typeof number === 'number' ? number : undefined });
        }
      }
    }
  }
  return [...ports.values()];
}

/** The names of the Services these documents declare, each once. */
export function serviceNames(documents: readonly Document.Parsed[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    const identity = kubernetesIdentity(document);
    if (identity?.apiVersion !== 'v1' || identity.kind !== 'Service') continue;
    const name = stringValue(valueAt(document.contents, ['metadata', 'name']));
    if (name) names.add(name);
  }
  return [...names];
}
