// The registry of rules, in the order their findings are documented. A test checks it against the files here.
import type { Rule } from '../types';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as unusedSuppression } from './unused-suppression';
import { rule as documentTooLarge } from './document-too-large';
import { rule as configFile } from './config-file';
import { rule as runAsNonRoot } from './run-as-non-root';
import { rule as noPrivileged } from './no-privileged';
import { rule as noPrivilegeEscalation } from './no-privilege-escalation';
import { rule as noAddedCapabilities } from './no-added-capabilities';
import { rule as noSysctls } from './no-sysctls';
import { rule as noHostPath } from './no-host-path';
import { rule as noContainerSocket } from './no-container-socket';
import { rule as noHostNetwork } from './no-host-network';
import { rule as noHostPort } from './no-host-port';
import { rule as noHostNamespaces } from './no-host-namespaces';
import { rule as noProcMount } from './no-proc-mount';
import { rule as appArmorProfile } from './apparmor-profile';
import { rule as selinuxOptions } from './selinux-options';
import { rule as sysctlsAllowed } from './sysctls-allowed';
import { rule as seccompProfile } from './seccomp-profile';
import { rule as dropAllCapabilities } from './drop-all-capabilities';
import { rule as restrictedVolumeTypes } from './restricted-volume-types';
import { rule as imageTag } from './image-tag';
import { rule as imagePullPolicy } from './image-pull-policy';
import { rule as automountServiceAccountToken } from './automount-service-account-token';
import { rule as secretsInEnv } from './secrets-in-env';
import { rule as readOnlyRootFs } from './read-only-root-fs';
import { rule as requireRequestsLimits } from './require-requests-limits';
import { rule as requireLivenessProbe } from './require-liveness-probe';
import { rule as requireReadinessProbe } from './require-readiness-probe';
import { rule as identicalProbes } from './identical-probes';
import { rule as schemaUnknownKind } from './schema-unknown-kind';
import { rule as schemaUnknownField } from './schema-unknown-field';
import { rule as schemaType } from './schema-type';
import { rule as schemaEnum } from './schema-enum';
import { rule as schemaRequired } from './schema-required';
import { rule as schemaQuantity } from './schema-quantity';
import { rule as schemaName } from './schema-name';
import { rule as schemaDuplicate } from './schema-duplicate';
import { rule as schemaSelectorMismatch } from './schema-selector-mismatch';
import { rule as livenessBeforeReady } from './liveness-before-ready';
import { rule as probeTimeoutExceedsPeriod } from './probe-timeout-exceeds-period';
import { rule as livenessFailureThresholdOne } from './liveness-failure-threshold-one';
import { rule as probeSuccessThreshold } from './probe-success-threshold';
import { rule as probePortNameUnknown } from './probe-port-name-unknown';
import { rule as deprecatedApi } from './deprecated-api';
// Rules across files: they run in the workspace pass (workspace/check.ts), not per document.
import { rule as serviceNoMatchingPods } from './service-no-matching-pods';
import { rule as serviceTargetPortUnknown } from './service-target-port-unknown';
import { rule as ingressMissingService } from './ingress-missing-service';
import { rule as missingReference } from './missing-reference';
import { rule as hpaMissingTarget } from './hpa-missing-target';
import { rule as pdbNoMatchingPods } from './pdb-no-matching-pods';
import { rule as networkpolicySelectsNothing } from './networkpolicy-selects-nothing';

export const allRules: readonly Rule[] = [
  yamlSyntax,
  unusedSuppression,
  documentTooLarge,
  configFile,
  runAsNonRoot,
  noPrivileged,
  noPrivilegeEscalation,
  noAddedCapabilities,
  noSysctls,
  noHostPath,
  noContainerSocket,
  noHostNetwork,
  noHostPort,
  noHostNamespaces,
  noProcMount,
  appArmorProfile,
  selinuxOptions,
  sysctlsAllowed,
  seccompProfile,
  dropAllCapabilities,
  restrictedVolumeTypes,
  imageTag,
  imagePullPolicy,
  automountServiceAccountToken,
  secretsInEnv,
  readOnlyRootFs,
  requireRequestsLimits,
  requireLivenessProbe,
  requireReadinessProbe,
  identicalProbes,
  livenessBeforeReady,
  probeTimeoutExceedsPeriod,
  livenessFailureThresholdOne,
  probeSuccessThreshold,
  probePortNameUnknown,
  schemaUnknownKind,
  schemaUnknownField,
  schemaType,
  schemaEnum,
  schemaRequired,
  schemaQuantity,
  schemaName,
  schemaDuplicate,
  schemaSelectorMismatch,
  deprecatedApi,
  serviceNoMatchingPods,
  serviceTargetPortUnknown,
  ingressMissingService,
  missingReference,
  hpaMissingTarget,
  pdbNoMatchingPods,
  networkpolicySelectsNothing,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
