// Reads the cross-file facts (labels, selectors, ports, references, backends) out of one parsed document, with the
// span of each field a finding may sit on. Only kinds from their real API groups count: a Knative `Service` is not one.
import { isCollection, isMap, isPair, isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { kubernetesIdentity } from '../k8s/object';
import { findWorkloadKind, CONTAINER_LISTS } from '../k8s/workload';
import { mapAt, pairOf, rangeOf, scalarValue, seqItems, stringValue, valueAt, valueOf } from '../k8s/nodes';
import type { Located } from '../k8s/nodes';
import type { DeclaredPort, IngressBackend, ObjectFacts, PodReference, PodTemplate, Selector, ServicePort, Span } from './model';
import { readPodReferences } from './references';

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The API groups each kind the cross-file rules read is served from. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  Service: [''],
  Ingress: ['networking.k8s.io', 'extensions'],
  HorizontalPodAutoscaler: ['autoscaling'],
  PodDisruptionBudget: ['policy'],
  NetworkPolicy: ['networking.k8s.io', 'extensions'],
};

export function spanOf(at: Located | undefined): Span | undefined {
  return at ? rangeOf(at) : undefined;
}

/** Where a node's text ends, without the line break and comments after a block collection's last item. */
function endOf(node: unknown): number | undefined {
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    return isPair(last) ? endOf(last.value ?? last.key) : endOf(last);
  }
  return (node as Node | undefined)?.range?.[1];
}

/** A pair from its key to the end of its value, for "is the cursor in it" and for a target that shows it whole. */
function extentOf(pair: Pair | undefined): Span | undefined {
  const start = (pair?.key as Node | undefined)?.range?.[0];
  const end = endOf(pair?.value) ?? (pair?.key as Node | undefined)?.range?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** A scalar's text: label values and names written as numbers or booleans still name something. */
function text(node: unknown): string | undefined {
  const v = scalarValue(node);
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export function readStringMap(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) return out;
  for (const item of node.items) {
    const key = text(item.key);
    const value = text(item.value);
    if (key !== undefined && value !== undefined) out[key] = value;
  }
  return out;
}

/** A LabelSelector (`matchLabels`, `matchExpressions`) or, for a Service, a plain label map. */
function readSelector(parent: unknown, key: string, plain: boolean): Selector | undefined {
  const pair = pairOf(parent, key);
  const span = spanOf(pair);
  const extent = extentOf(pair);
  if (!pair || !span || !extent || !isMap(pair.value)) return undefined;
  if (plain) return { matchLabels: readStringMap(pair.value), matchExpressions: [], span, extent };
  const matchExpressions = seqItems(valueOf(pair.value, 'matchExpressions')).flatMap((e) => {
    const k = text(valueOf(e, 'key'));
    const operator = text(valueOf(e, 'operator'));
    if (!k || !operator) return [];
    return [{ key: k, operator, values: seqItems(valueOf(e, 'values')).map(text).filter((v): v is string => v !== undefined) }];
  });
  return { matchLabels: readStringMap(valueOf(pair.value, 'matchLabels')), matchExpressions, span, extent };
}

function readPorts(podSpec: YAMLMap): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  for (const list of CONTAINER_LISTS) {
    if (list.kind === 'ephemeralContainer') continue; // they may not declare ports
    for (const container of seqItems(podSpec.get(list.key, true))) {
      for (const port of seqItems(valueOf(container, 'ports'))) {
        const number = scalarValue(valueOf(port, 'containerPort'));
        ports.push({ name: stringValue(valueOf(port, 'name')), containerPort: typeof number === 'number' ? number : undefined });
      }
    }
  }
  return ports;
}

/** The pod template of a built-in workload, or of a custom resource with `spec.template` (an Argo Rollout, say). */
function readPod(root: YAMLMap, apiVersion: string, kind: string): PodTemplate | undefined {
  const workload = findWorkloadKind(apiVersion, kind);
  const specPath = workload ? workload.podSpecPath : groupOf(apiVersion).includes('.') ? ['spec', 'template', 'spec'] : undefined;
  if (!specPath) return undefined;
  const podSpec = mapAt(root, specPath);
  if (!podSpec) return undefined;
  const labelsPair = pairOf(valueAt(root, [...specPath.slice(0, -1), 'metadata']), 'labels');
  const labels = readStringMap(labelsPair?.value);
  const claimTemplates = seqItems(valueAt(root, ['spec', 'volumeClaimTemplates'])).flatMap((t) => stringValue(valueAt(t, ['metadata', 'name'])) ?? []);
  return { labels, labelsSpan: extentOf(labelsPair), ports: readPorts(podSpec), references: workload ? readPodReferences(podSpec, claimTemplates) : [] };
}

function readServicePorts(spec: unknown): ServicePort[] {
  return seqItems(valueOf(spec, 'ports')).map((port) => {
    const number = scalarValue(valueOf(port, 'port'));
    const target = pairOf(port, 'targetPort');
    const targetName = stringValue(target?.value);
    const span = spanOf(target?.value as Located | undefined);
    return {
      name: stringValue(valueOf(port, 'name')),
      port: typeof number === 'number' ? number : undefined,
      // A targetPort written as "8080" is a number too.
      targetPortName: targetName && !/^\d+$/.test(targetName) && span ? { name: targetName, span } : undefined,
    };
  });
}

/** One backend, v1 (`service: {name, port: {number|name}}`) or v1beta1 (`serviceName`, `servicePort`). */
function readBackend(backend: unknown): IngressBackend | undefined {
  const service = valueOf(backend, 'service');
  const namePair = isMap(service) ? pairOf(service, 'name') : pairOf(backend, 'serviceName');
  const name = stringValue(namePair?.value);
  const serviceSpan = spanOf(namePair?.value as Located | undefined);
  if (!name || !serviceSpan) return undefined;
  const portNode = isMap(service)
    ? (pairOf(valueOf(service, 'port'), 'number') ?? pairOf(valueOf(service, 'port'), 'name'))?.value
    : valueOf(backend, 'servicePort');
  const port = scalarValue(portNode);
  const portValue = typeof port === 'number' ? port : typeof port === 'string' ? (/^\d+$/.test(port) ? Number(port) : port) : undefined;
  return { service: name, port: portValue, serviceSpan, portSpan: portValue === undefined ? undefined : spanOf(portNode as Located) };
}

function readIngressBackends(spec: unknown): IngressBackend[] {
  const backends = [valueOf(spec, 'defaultBackend'), valueOf(spec, 'backend')];
  for (const rule of seqItems(valueOf(spec, 'rules'))) {
    for (const path of seqItems(valueAt(rule, ['http', 'paths']))) backends.push(valueOf(path, 'backend'));
  }
  return backends.map(readBackend).filter((b): b is IngressBackend => b !== undefined);
}

/** Objects that make a Secret or ConfigMap exist without being one. */
function readProvides(root: YAMLMap, kind: string, name: string): ObjectFacts['provides'] {
  if (kind === 'Certificate') {
    const secretName = stringValue(valueAt(root, ['spec', 'secretName']));
    return secretName ? [{ kind: 'Secret', name: secretName }] : undefined;
  }
  if (kind === 'SealedSecret') return [{ kind: 'Secret', name: stringValue(valueAt(root, ['spec', 'template', 'metadata', 'name'])) ?? name }];
  if (kind === 'ExternalSecret') return [{ kind: 'Secret', name: stringValue(valueAt(root, ['spec', 'target', 'name'])) ?? name }];
  return undefined;
}

/** The facts of a kustomization file (found by its file name: it often has no apiVersion or kind). */
export function readKustomization(document: Document.Parsed): ObjectFacts | undefined {
  const root = document.contents;
  if (!isMap(root)) return undefined;
  const generated = (key: string, kind: 'ConfigMap' | 'Secret') =>
    seqItems(valueOf(root, key)).flatMap((g) => {
      const name = stringValue(valueOf(g, 'name'));
      return name ? [{ kind, name }] : [];
    });
  const namespace = stringValue(valueOf(root, 'namespace'));
  return {
    apiVersion: stringValue(valueOf(root, 'apiVersion')) ?? 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    name: '',
    namespace,
    nameSpan: spanOf(root) ?? [0, 0],
    kustomizeNamespace: namespace,
    provides: [...generated('configMapGenerator', 'ConfigMap'), ...generated('secretGenerator', 'Secret')],
  };
}

/** The facts of one Kubernetes object, or undefined when the document is not one. */
export function readFacts(document: Document.Parsed): ObjectFacts | undefined {
  const identity = kubernetesIdentity(document);
  const root = document.contents;
  if (!identity || !isMap(root)) return undefined;
  const { apiVersion, kind } = identity;
  const namePair = pairOf(valueOf(root, 'metadata'), 'name');
  const name = stringValue(namePair?.value) ?? '';
  const facts: ObjectFacts = {
    apiVersion,
    kind,
    name,
    namespace: stringValue(valueAt(root, ['metadata', 'namespace'])) || undefined,
    nameSpan: spanOf(isScalar(namePair?.value) ? namePair!.value : pairOf(root, 'kind')) ?? [0, 0],
    pod: readPod(root, apiVersion, kind),
    provides: readProvides(root, kind, name),
  };
  if (!GROUPS[kind]?.includes(groupOf(apiVersion))) return facts;
  const spec = valueOf(root, 'spec');
  if (kind === 'Service') {
    facts.selector = readSelector(spec, 'selector', true);
    facts.servicePorts = readServicePorts(spec);
  } else if (kind === 'Ingress') facts.ingressBackends = readIngressBackends(spec);
  else if (kind === 'PodDisruptionBudget') facts.selector = readSelector(spec, 'selector', false);
  else if (kind === 'NetworkPolicy') facts.selector = readSelector(spec, 'podSelector', false);
  else if (kind === 'HorizontalPodAutoscaler') {
    const ref = valueOf(spec, 'scaleTargetRef');
    const targetKind = stringValue(valueOf(ref, 'kind'));
    const targetName = pairOf(ref, 'name');
    const span = spanOf(targetName?.value as Located | undefined);
    const nameText = stringValue(targetName?.value);
    if (targetKind && nameText && span) facts.scaleTarget = { kind: targetKind, name: nameText, span };
  }
  return facts;
}

export type { PodReference };
