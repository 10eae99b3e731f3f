// When each built-in API version of a kind was deprecated and removed, and what replaces it: Kubewright's own table,
// written from Kubernetes' deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide).
// test/unit/api-lifecycle.test.ts holds it against Fairwinds Pluto's table and the Kubernetes 1.36 OpenAPI spec.
import { compareVersions, parseKubernetesVersion, reached } from './kubernetes-version';
import type { KubernetesVersion } from './kubernetes-version';

export interface ApiLifecycle {
  apiVersion: string;
  kind: string;
  /** Unset where the guide names only the removal. */
  deprecatedIn?: KubernetesVersion;
  /** Unset while it is still served. */
  removedIn?: KubernetesVersion;
  /** The apiVersion to move the same kind to; unset when nothing replaces it. */
  replacement?: string;
  /** The first Kubernetes version that serves the replacement. */
  replacementSince?: KubernetesVersion;
  /** What to do instead, when there is no replacement apiVersion. */
  advice?: string;
}

/** The newest Kubernetes version this table knows: the default target. */
export const LATEST_KUBERNETES_VERSION = '1.36';

const PSP_ADVICE = 'enforce the Pod Security Standards with Pod Security Admission (namespace labels) instead';

/** One row: these kinds of `apiVersion`, deprecated in, removed in, replaced by (since). */
type Row = [apiVersion: string, kinds: string, deprecatedIn: string, removedIn: string, replacement: string, since: string, advice?: string];

// Versions as the guide gives them; '' where it gives none. Grouped by the release that removed them.
const ROWS: readonly Row[] = [
  // Initializers were an alpha feature, deprecated in 1.13 and gone in 1.14; admission webhooks do their job.
  ['admissionregistration.k8s.io/v1alpha1', 'InitializerConfiguration', '1.13', '1.14', '', '', 'use a mutating admission webhook instead'],
  // 1.16
  ['extensions/v1beta1', 'Deployment DaemonSet ReplicaSet', '1.9', '1.16', 'apps/v1', '1.9'],
  ['apps/v1beta1', 'Deployment StatefulSet ReplicaSet', '1.9', '1.16', 'apps/v1', '1.9'],
  ['apps/v1beta2', 'Deployment StatefulSet DaemonSet ReplicaSet', '1.9', '1.16', 'apps/v1', '1.9'],
  ['extensions/v1beta1', 'NetworkPolicy', '1.9', '1.16', 'networking.k8s.io/v1', '1.8'],
  ['extensions/v1beta1', 'PodSecurityPolicy', '1.10', '1.16', 'policy/v1beta1', '1.10'],
  // 1.17
  ['scheduling.k8s.io/v1alpha1', 'PriorityClass', '1.14', '1.17', 'scheduling.k8s.io/v1', '1.14'],
  // 1.22
  ['extensions/v1beta1', 'Ingress', '1.14', '1.22', 'networking.k8s.io/v1', '1.19'],
  ['networking.k8s.io/v1beta1', 'Ingress IngressClass', '1.19', '1.22', 'networking.k8s.io/v1', '1.19'],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', '1.16', '1.22', 'admissionregistration.k8s.io/v1', '1.16'],
  ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.16', '1.22', 'apiextensions.k8s.io/v1', '1.16'],
  ['apiregistration.k8s.io/v1beta1', 'APIService', '1.10', '1.22', 'apiregistration.k8s.io/v1', '1.10'],
  ['authentication.k8s.io/v1beta1', 'TokenReview', '1.6', '1.22', 'authentication.k8s.io/v1', '1.6'],
  ['authorization.k8s.io/v1beta1', 'SubjectAccessReview LocalSubjectAccessReview SelfSubjectAccessReview', '', '1.22', 'authorization.k8s.io/v1', '1.6'],
  ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.19', '1.22', 'certificates.k8s.io/v1', '1.19'],
  ['coordination.k8s.io/v1beta1', 'Lease', '1.14', '1.22', 'coordination.k8s.io/v1', '1.14'],
  ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole ClusterRoleBinding Role RoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1', '1.8'],
  ['rbac.authorization.k8s.io/v1alpha1', 'ClusterRole ClusterRoleBinding Role RoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1', '1.8'],
  ['scheduling.k8s.io/v1beta1', 'PriorityClass', '1.14', '1.22', 'scheduling.k8s.io/v1', '1.14'],
  ['storage.k8s.io/v1beta1', 'CSIDriver', '1.19', '1.22', 'storage.k8s.io/v1', '1.19'],
  ['storage.k8s.io/v1beta1', 'CSINode', '1.17', '1.22', 'storage.k8s.io/v1', '1.17'],
  ['storage.k8s.io/v1beta1', 'StorageClass', '1.6', '1.22', 'storage.k8s.io/v1', '1.6'],
  ['storage.k8s.io/v1beta1', 'VolumeAttachment', '1.13', '1.22', 'storage.k8s.io/v1', '1.13'],
  // 1.24: the audit policy file's kinds (read by the API server from disk, not served).
  ['audit.k8s.io/v1alpha1', 'Policy Event', '1.21', '1.24', 'audit.k8s.io/v1', ''],
  ['audit.k8s.io/v1beta1', 'Policy Event', '1.21', '1.24', 'audit.k8s.io/v1', ''],
  // 1.25
  ['batch/v1beta1', 'CronJob', '1.21', '1.25', 'batch/v1', '1.21'],
  ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.21', '1.25', 'discovery.k8s.io/v1', '1.21'],
  ['events.k8s.io/v1beta1', 'Event', '1.19', '1.25', 'events.k8s.io/v1', '1.19'],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22', '1.25', 'autoscaling/v2', '1.23'],
  ['policy/v1beta1', 'PodDisruptionBudget', '1.21', '1.25', 'policy/v1', '1.21'],
  ['policy/v1beta1', 'PodSecurityPolicy', '1.21', '1.25', '', '', PSP_ADVICE],
  ['node.k8s.io/v1beta1', 'RuntimeClass', '1.22', '1.25', 'node.k8s.io/v1', '1.20'],
  // 1.26
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema PriorityLevelConfiguration', '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1beta2', '1.23'],
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23', '1.26', 'autoscaling/v2', '1.23'],
  // 1.27
  ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.24', '1.27', 'storage.k8s.io/v1', '1.24'],
  // 1.29
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema PriorityLevelConfiguration', '1.24', '1.29', 'flowcontrol.apiserver.k8s.io/v1beta3', '1.26'],
  // 1.32
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema PriorityLevelConfiguration', '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1', '1.29'],
  // 1.33–1.35: alpha versions, removed once their kinds went GA.
  ['admissionregistration.k8s.io/v1alpha1', 'ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding', '1.28', '1.33', 'admissionregistration.k8s.io/v1', '1.30'],
  ['resource.k8s.io/v1alpha3', 'ResourceSlice ResourceClaim DeviceClass ResourceClaimTemplate', '1.32', '1.34', 'resource.k8s.io/v1', '1.34'],
  ['storage.k8s.io/v1alpha1', 'VolumeAttributesClass', '1.31', '1.35', 'storage.k8s.io/v1', '1.34'],
  ['storagemigration.k8s.io/v1alpha1', 'StorageVersionMigration', '1.35', '1.35', 'storagemigration.k8s.io/v1beta1', '1.35'],
  // Deprecated, still served in 1.36.
  ['resource.k8s.io/v1beta1', 'ResourceSlice ResourceClaim DeviceClass ResourceClaimTemplate', '1.33', '', 'resource.k8s.io/v1', '1.34'],
  ['storage.k8s.io/v1beta1', 'VolumeAttributesClass', '1.34', '', 'storage.k8s.io/v1', '1.34'],
];

function version(text: string): KubernetesVersion | undefined {
  if (text === '') return undefined;
  const parsed = parseKubernetesVersion(text);
  if (!parsed) throw new Error(`api-lifecycle: bad version "${text}"`);
  return parsed;
}

export const API_LIFECYCLES: readonly ApiLifecycle[] = ROWS.flatMap(([apiVersion, kinds, deprecatedIn, removedIn, replacement, since, advice]) =>
  kinds.split(' ').map((kind) => ({
    apiVersion,
    kind,
    deprecatedIn: version(deprecatedIn),
    removedIn: version(removedIn),
    replacement: replacement || undefined,
    replacementSince: version(since),
    advice,
  })),
);

const BY_KEY = new Map(API_LIFECYCLES.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry]));

/** The lifecycle of `kind` in `apiVersion`; a typed list (`RoleList`) shares its item kind's. */
export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return BY_KEY.get(`${apiVersion} ${kind}`) ?? (kind.endsWith('List') ? BY_KEY.get(`${apiVersion} ${kind.slice(0, -4)}`) : undefined);
}

export interface Successor {
  /** The apiVersion to use at the target, if any is served there. */
  apiVersion?: string;
  /** Served only from this version on, when that is after the target. */
  notBefore?: KubernetesVersion;
  /** What to do when no apiVersion serves the kind at the target. */
  advice?: string;
  /** When the entry's own replacement is gone too: that replacement's lifecycle. */
  goneToo?: ApiLifecycle;
}

/**
 * Where to go from `entry` at `target`: its replacement, or further along when the replacement is itself removed
 * there, or deprecated there while its own replacement is already served (flowcontrol v1beta1 → … → v1).
 */
export function successorAt(entry: ApiLifecycle, target: KubernetesVersion): Successor {
  let current = entry;
  for (let hops = 0; hops < 10; hops++) {
    if (!current.replacement) return current === entry ? { advice: current.advice } : { advice: current.advice, goneToo: current };
    const next = lifecycleOf(current.replacement, entry.kind);
    const moveOn = next && (reached(target, next.removedIn) || (reached(target, next.deprecatedIn) && reached(target, next.replacementSince)));
    if (!next || !moveOn) {
      const since = current.replacementSince;
      return { apiVersion: current.replacement, notBefore: since && compareVersions(since, target) > 0 ? since : undefined };
    }
    current = next;
  }
  return {};
}
