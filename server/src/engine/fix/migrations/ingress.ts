// Ingress from extensions/v1beta1 and networking.k8s.io/v1beta1 to networking.k8s.io/v1: each backend's
// serviceName/servicePort become `service: {name, port: {number | name}}`, `spec.backend` becomes
// `spec.defaultBackend`, and every path gets the `pathType` v1 requires (ImplementationSpecific: what v1beta1 did).
import { isMap, isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { decline } from '../editor';
import { mapAt, pairOf, seqItems, valueOf } from '../../k8s/nodes';
import type { Migration } from './migration';
import type { Surgeon } from './surgery';

/** An IngressBackend's service reference in v1's shape; a `resource` backend is the same in both versions. */
function migrateBackend(backend: unknown, surgeon: Surgeon): void {
  if (!isMap(backend)) return decline('a backend that is not a map');
  const name = pairOf(backend, 'serviceName');
  const port = pairOf(backend, 'servicePort');
  if (!name && !port) return;
  if (!name || !port || !isScalar(port.value)) return decline('a backend without serviceName and a servicePort scalar');
  // An IntOrString: a number is the Service's port number, a string its port's name.
  const portKind = typeof port.value.value === 'number' ? 'number' : typeof port.value.value === 'string' ? 'name' : decline('servicePort');
  surgeon.nest(backend, [
    { pair: name, path: ['service', 'name'] },
    { pair: port, path: ['service', 'port', portKind] },
  ]);
}

function migratePath(path: unknown, surgeon: Surgeon, ensure: (map: YAMLMap) => void): void {
  if (!isMap(path)) return decline('a path that is not a map');
  migrateBackend(valueOf(path, 'backend'), surgeon);
  if (pairOf(path, 'pathType')) return;
  const pathPair = pairOf(path, 'path');
  // Right under `path:` where it is on a line of its own; else (no path, a flow map) wherever the editor puts it.
  if (pathPair && isScalar(pathPair.value) && !path.flow) surgeon.insertAfter(pathPair, { pathType: 'ImplementationSpecific' });
  else ensure(path);
}

export const INGRESS_MIGRATIONS: readonly Migration[] = [
  {
    from: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    kinds: ['Ingress'],
    to: 'networking.k8s.io/v1',
    migrate({ editor, surgeon, root, apiVersion }) {
      editor.setScalar(apiVersion, 'networking.k8s.io/v1');
      const spec = mapAt(root, ['spec']);
      if (!spec) return;
      const backend = pairOf(spec, 'backend');
      if (backend) {
        surgeon.renameKey(backend, 'defaultBackend');
        migrateBackend(backend.value, surgeon);
      }
      for (const rule of seqItems(valueOf(spec, 'rules'))) {
        for (const path of seqItems(mapAt(rule, ['http'])?.get('paths', true))) {
          migratePath(path, surgeon, (map) => editor.ensure(map, { pathType: 'ImplementationSpecific' }));
        }
      }
    },
  },
];
