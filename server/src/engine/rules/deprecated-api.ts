// deprecated-api: an object whose apiVersion the target Kubernetes version has removed (error) or deprecated
// (warning), with the version to move to and, where the change of shape is known, a quick fix that migrates it.
import { isMap } from 'yaml';
import type { Node } from 'yaml';
import type { DocumentRule } from '../types';
import { kubernetesIdentity } from '../k8s/object';
import { pairOf } from '../k8s/nodes';
import { lifecycleOf, successorAt } from '../k8s/api-lifecycle';
import type { ApiLifecycle, Successor } from '../k8s/api-lifecycle';
import { formatVersion, reached } from '../k8s/kubernetes-version';
import type { KubernetesVersion } from '../k8s/kubernetes-version';
import { migrationFix, migrationFor } from '../fix/migrations';
import { CORE } from '../profiles';

function describe(entry: ApiLifecycle, removed: boolean, successor: Successor): string {
  const what = `${entry.apiVersion} ${entry.kind}`;
  const when = removed
    ? `${what} was removed in Kubernetes ${formatVersion(entry.removedIn!)}`
    : `${what} is deprecated since Kubernetes ${formatVersion(entry.deprecatedIn!)}` +
      (entry.removedIn ? ` and removed in ${formatVersion(entry.removedIn)}` : '');
  const advice = successor.advice ?? 'remove it';
  const gone = successor.goneToo;
  if (gone) return `${when}, and its replacement ${gone.apiVersion} in ${formatVersion(gone.removedIn!)}; nothing replaces them: ${advice}`;
  if (!successor.apiVersion) return `${when}, with no replacement: ${advice}`;
  const since = successor.notBefore ? ` (served from Kubernetes ${formatVersion(successor.notBefore)} on)` : '';
  return `${when}: use ${successor.apiVersion}${since}`;
}

export const rule: DocumentRule = {
  meta: {
    id: 'deprecated-api',
    severity: 'error',
    profiles: CORE,
    docs: {
      summary:
        'The object\'s `apiVersion` is removed (error) or deprecated (warning) in the targeted Kubernetes version ' +
        '(`kubewright.kubernetesVersion`, default the newest known).',
      rationale:
        'Kubernetes serves each kind from several API versions, and retires the old ones: a removed apiVersion is ' +
        'rejected by the API server (`no matches for kind "Ingress" in version "extensions/v1beta1"`), so the ' +
        'manifest no longer applies after a cluster upgrade. A deprecated one still works but is on its way out. ' +
        'The message names the release that removed (or will remove) it and the apiVersion to use instead, and says ' +
        'when that one is not yet served in the targeted version.\n\n' +
        'Removed versions are errors and deprecated ones warnings. Setting the rule to another severity moves both ' +
        'by the same number of steps: `"warning"` makes removals warnings and deprecations infos; `"info"` makes ' +
        'both infos.',
      remediation:
        'Change the apiVersion to its replacement, and the fields whose shape changed with it. The quick fix ' +
        '**Migrate this … to …** (and `kubewright lint --fix`) does both, keeping your comments, for Ingress ' +
        '(`serviceName`/`servicePort` become `service: {name, port}`, each path gets `pathType`, `backend` becomes ' +
        '`defaultBackend`), Deployment, DaemonSet, ReplicaSet and StatefulSet (`spec.selector` written out from ' +
        'the template\'s labels, and `updateStrategy: {type: OnDelete}` for the extensions/v1beta1 DaemonSets and ' +
        'apps/v1beta1 StatefulSets that relied on that default, since apps/v1 rolls them out with RollingUpdate), ' +
        'HorizontalPodAutoscaler (v2beta1 metric targets become `target: {type, …}`), admission webhook ' +
        'configurations (v1beta1\'s defaults written out where v1\'s differ: `failurePolicy: Ignore`, ' +
        '`matchPolicy: Exact`, `timeoutSeconds: 30`, `admissionReviewVersions: [v1beta1]`), CustomResourceDefinition (the shared `validation` schema, ' +
        '`subresources` and `additionalPrinterColumns` copied into each version, `JSONPath` renamed `jsonPath`, a ' +
        'single `version` turned into `versions`, webhook conversion settings moved under `webhook`, `scope: ' +
        'Namespaced` written out; since v1 prunes the fields a schema does not list, which v1beta1 kept unless ' +
        '`preserveUnknownFields: false`, each object in such a schema is marked ' +
        '`x-kubernetes-preserve-unknown-fields: true`: remove the marks where you want pruning), ' +
        'PriorityLevelConfiguration (`assuredConcurrencyShares` becomes `nominalConcurrencyShares`, and a 0, which ' +
        'the betas read as 30, is written as 30), and the kinds whose fields did not change (CronJob, ' +
        'PodDisruptionBudget, NetworkPolicy, RBAC, storage classes, FlowSchema, audit policies, EndpointSlices ' +
        'without `topology`, …).\n\n' +
        'Some objects get no migration: a webhook whose `sideEffects` is unset, `Unknown` or `Some` (v1 takes only ' +
        '`None` or `NoneOnDryRun`, and only its author knows which is true); a CRD whose schema v1 would reject as ' +
        'not structural (a field without a `type`, a `type` inside `anyOf`), to be fixed by hand; PodSecurityPolicy, ' +
        'which nothing replaces. And a Deployment\'s rollout defaults change with apps/v1, which the migration leaves ' +
        'to you: apps/v1 keeps 10 old ReplicaSets (apps/v1beta1 kept 2, extensions/v1beta1 all), and where ' +
        'extensions/v1beta1 surged and took down 1 pod at a time with no deadline, apps/v1 moves 25% of the pods and ' +
        'reports a rollout stuck after 600 s.\n\n' +
        'If your clusters run an older Kubernetes, set ' +
        '`kubewright.kubernetesVersion` (or `--kubernetes-version`) to it.',
      bad: [
        'apiVersion: extensions/v1beta1',
        'kind: Ingress',
        'metadata:',
        '  name: web',
        'spec:',
        '  rules:',
        '    - host: web.example.com',
        '      http:',
        '        paths:',
        '          - path: /',
        '            backend:',
        '              serviceName: web',
        '              servicePort: 80',
        '',
      ].join('\n'),
      good: [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: web',
        'spec:',
        '  rules:',
        '    - host: web.example.com',
        '      http:',
        '        paths:',
        '          - path: /',
        '            pathType: ImplementationSpecific',
        '            backend:',
        '              service:',
        '                name: web',
        '                port:',
        '                  number: 80',
        '',
      ].join('\n'),
    },
  },
  checkDocument(document, ctx) {
    const identity = kubernetesIdentity(document);
    const entry = identity && lifecycleOf(identity.apiVersion, identity.kind);
    if (!identity || !entry) return;
    const target: KubernetesVersion = ctx.kubernetesVersion;
    const removed = reached(target, entry.removedIn);
    if (!removed && !reached(target, entry.deprecatedIn)) return;
    const successor = successorAt(entry, target);
    const migration = migrationFor(identity.apiVersion, identity.kind);
    const canMigrate = migration !== undefined && migration.to === successor.apiVersion && !successor.notBefore;
    ctx.report({
      at: pairOf(isMap(document.contents) ? document.contents : undefined, 'apiVersion')!.value as Node,
      message: describe(entry, removed, successor),
      severity: removed ? 'error' : 'warning',
      fixes: canMigrate ? [migrationFix(migration, identity.kind, document)] : undefined,
    });
  },
};
