// Migrations that only change the apiVersion: the kind has the same fields, with the same meaning, in both versions.
import { isMap } from 'yaml';
import { decline } from '../editor';
import { seqItems, pairOf, valueAt } from '../../k8s/nodes';
import { rename } from './migration';
import type { Migration } from './migration';

export const RENAMES: readonly Migration[] = [
  rename(['batch/v1beta1'], ['CronJob'], 'batch/v1'),
  // policy/v1 reads an empty selector as "every pod in the namespace", where v1beta1 read it as "no pod".
  rename(['policy/v1beta1'], ['PodDisruptionBudget'], 'policy/v1', (root) => {
    const selector = valueAt(root, ['spec', 'selector']);
    if (isMap(selector) && selector.items.length === 0) decline('an empty selector changes meaning in policy/v1');
  }),
  rename(['extensions/v1beta1'], ['NetworkPolicy'], 'networking.k8s.io/v1'),
  rename(['networking.k8s.io/v1beta1'], ['IngressClass'], 'networking.k8s.io/v1'),
  rename(['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'], ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1'),
  rename(['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1'], ['PriorityClass'], 'scheduling.k8s.io/v1'),
  rename(['storage.k8s.io/v1beta1'], ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'CSIStorageCapacity', 'VolumeAttributesClass'], 'storage.k8s.io/v1'),
  rename(['node.k8s.io/v1beta1'], ['RuntimeClass'], 'node.k8s.io/v1'),
  rename(['coordination.k8s.io/v1beta1'], ['Lease'], 'coordination.k8s.io/v1'),
  rename(['apiregistration.k8s.io/v1beta1'], ['APIService'], 'apiregistration.k8s.io/v1'),
  // The audit policy file the API server reads: its rules are the same in the three versions.
  rename(['audit.k8s.io/v1beta1', 'audit.k8s.io/v1alpha1'], ['Policy'], 'audit.k8s.io/v1'),
  // v1 split an endpoint's `topology` map into nodeName, zone and deprecatedTopology; without one, nothing changed.
  rename(['discovery.k8s.io/v1beta1'], ['EndpointSlice'], 'discovery.k8s.io/v1', (root) => {
    if (seqItems(valueAt(root, ['endpoints'])).some((endpoint) => pairOf(endpoint, 'topology'))) decline('an endpoint with topology');
  }),
];
