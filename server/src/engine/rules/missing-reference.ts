// missing-reference: a workload names a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim that no file
// defines in its namespace. Info by default: it may exist only in the cluster.
import type { WorkspaceRule } from '../types';
import type { IndexedObject, PodReference } from '../workspace/model';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { deployment, manifests } from '../workspace/examples';

const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web-config', 'data:', '  LOG_LEVEL: info'].join('\n');

/** What the cluster makes in every namespace, or that the pod works without. */
const ALWAYS_THERE: Readonly<Record<string, readonly string[]>> = { ServiceAccount: ['default'], ConfigMap: ['kube-root-ca.crt'] };

const CONSEQUENCE: Readonly<Record<PodReference['kind'], string>> = {
  ConfigMap: 'the pod will not start unless it exists in the cluster',
  Secret: 'the pod will not start unless it exists in the cluster',
  ServiceAccount: 'the pod is rejected unless it exists in the cluster',
  PersistentVolumeClaim: 'the pod stays Pending unless it exists in the cluster',
};

function isDefined(index: WorkspaceIndex, namespace: string, ref: PodReference): boolean {
  return index
    .inNamespace(namespace)
    .some((o) => (o.kind === ref.kind && o.name === ref.name) || o.provides?.some((p) => p.kind === ref.kind && p.name === ref.name));
}

function definedElsewhere(index: WorkspaceIndex, object: IndexedObject, ref: PodReference): string[] {
  return [...new Set(index.all().filter((o) => o.kind === ref.kind && o.name === ref.name && o.effectiveNamespace !== object.effectiveNamespace).map((o) => o.effectiveNamespace))];
}

export const rule: WorkspaceRule = {
  meta: {
    id: 'missing-reference',
    severity: 'info',
    // Across files, about how objects fit together: Kubewright's own practice, not a Pod Security control.
    profiles: ['seed'],
    docs: {
      summary: 'A workload names a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim that no file defines in its namespace.',
      rationale:
        'A pod that reads a ConfigMap or Secret (env, envFrom, volumes) that does not exist does not start; one whose ' +
        'ServiceAccount does not exist is rejected; one whose claim does not exist stays Pending. References are by ' +
        'name within the pod\'s namespace, so a typo or an object in another namespace breaks it. The object may well ' +
        'exist only in the cluster (made by hand, by an operator, from a vault), hence info by default. References ' +
        'marked `optional: true` are never reported; ConfigMaps and Secrets that kustomize generators, cert-manager ' +
        'Certificates, SealedSecrets and ExternalSecrets make count as defined.',
      remediation:
        'Define the object in the same namespace, correct the name, or mark the reference `optional: true` when the pod ' +
        'can do without it. Turn the rule off when such objects are managed outside the repository.',
      bad: manifests(deployment('web', 'app: web', []).replace('          image: example/web:1.0', '          image: example/web:1.0\n          envFrom: [{configMapRef: {name: web-settings}}]'), configMap),
      good: manifests(deployment('web', 'app: web', []).replace('          image: example/web:1.0', '          image: example/web:1.0\n          envFrom: [{configMapRef: {name: web-config}}]'), configMap),
    },
  },
  checkObject(object, index, ctx) {
    for (const ref of object.pod?.references ?? []) {
      if (ref.optional || ALWAYS_THERE[ref.kind]?.includes(ref.name)) continue;
      if (isDefined(index, object.effectiveNamespace, ref)) continue;
      const elsewhere = definedElsewhere(index, object, ref);
      const where = elsewhere.length ? `; it is defined in namespace ${elsewhere.map((n) => `"${n}"`).join(', ')}, which the pod cannot use` : '';
      ctx.report({
        at: ref.span,
        message: `No file defines ${ref.kind} "${ref.name}" (${ref.via}) in namespace "${object.effectiveNamespace}": ${CONSEQUENCE[ref.kind]}${where}`,
      });
    }
  },
};
