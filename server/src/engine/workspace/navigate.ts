// Navigation between objects across files: what the name or selector under the cursor points at (definition), what
// points at the object under the cursor (references), looked up in its namespace as the cross-file checks do.
import type { IndexedObject, Span } from './model';
import { isEmptySelector } from './selectors';
import type { WorkspaceIndex } from './workspace-index';

/** A place in an indexed file: [start, end) offsets into the file's text as the index holds it. */
export interface NavigationTarget {
  file: string;
  span: Span;
}

export interface Navigation {
  /** What the cursor is on (file offsets): the selector, the name, the labels. */
  origin: Span;
  targets: NavigationTarget[];
}

const inside = (span: Span | undefined, at: number): span is Span => span !== undefined && span[0] <= at && at <= span[1];
const inFile = (object: IndexedObject, span: Span): NavigationTarget => ({ file: object.file, span: [object.offset + span[0], object.offset + span[1]] });
const origin = (object: IndexedObject, span: Span): Span => [object.offset + span[0], object.offset + span[1]];
/** A selector lands on the labels it matched; a workload without template labels on its name. */
const labelsOf = (workload: IndexedObject): NavigationTarget => inFile(workload, workload.pod?.labelsSpan ?? workload.nameSpan);
const nameOf = (object: IndexedObject): NavigationTarget => inFile(object, object.nameSpan);

/** Objects of a kind and name in a namespace, and those that make one exist without being it. */
function definitionsOf(index: WorkspaceIndex, namespace: string, kind: string, name: string): IndexedObject[] {
  return index.inNamespace(namespace).filter((o) => (o.kind === kind && o.name === name) || o.provides?.some((p) => p.kind === kind && p.name === name));
}

/** The workloads a selector-holding object (Service, PodDisruptionBudget, NetworkPolicy) selects. */
export function selectedBy(index: WorkspaceIndex, object: IndexedObject): IndexedObject[] {
  return object.selector ? index.selectedWorkloads(object, object.selector) : [];
}

/** The objects of `file` that start before the cursor, each with the cursor relative to its chunk (its spans' origin). */
function objectsAt(index: WorkspaceIndex, file: string, offset: number): Array<{ object: IndexedObject; at: number }> {
  return index.inFile(file).filter((o) => o.offset <= offset).map((object) => ({ object, at: offset - object.offset }));
}

/** Go to definition: from a selector to the workloads it selects, from a name an object gives to the object. */
export function definitionAt(index: WorkspaceIndex, file: string, offset: number): Navigation | undefined {
  for (const { object, at } of objectsAt(index, file, offset)) {
    const ns = object.effectiveNamespace;
    if (object.selector && inside(object.selector.extent, at)) {
      return { origin: origin(object, object.selector.extent), targets: selectedBy(index, object).map(labelsOf) };
    }
    for (const backend of object.ingressBackends ?? []) {
      if (!inside(backend.serviceSpan, at)) continue;
      return { origin: origin(object, backend.serviceSpan), targets: index.find(ns, 'Service', backend.service).map(nameOf) };
    }
    const target = object.scaleTarget;
    if (target && inside(target.span, at)) {
      return { origin: origin(object, target.span), targets: index.find(ns, target.kind, target.name).map(nameOf) };
    }
    for (const reference of object.pod?.references ?? []) {
      if (!inside(reference.span, at)) continue;
      return { origin: origin(object, reference.span), targets: definitionsOf(index, ns, reference.kind, reference.name).map(nameOf) };
    }
  }
  return undefined;
}

/** The Services, PodDisruptionBudgets, NetworkPolicies, autoscalers and Ingresses that reach a workload. */
function referencesToWorkload(index: WorkspaceIndex, workload: IndexedObject): NavigationTarget[] {
  const targets: NavigationTarget[] = [];
  const services: string[] = [];
  for (const other of index.inNamespace(workload.effectiveNamespace)) {
    // `podSelector: {}` selects every pod: listing each deny-all policy under every workload would drown the rest.
    if (other.selector && !other.pod && !isEmptySelector(other.selector) && selectedBy(index, other).includes(workload)) {
      targets.push(inFile(other, other.selector.extent));
      if (other.kind === 'Service') services.push(other.name);
    }
    if (other.scaleTarget?.kind === workload.kind && other.scaleTarget.name === workload.name) targets.push(inFile(other, other.scaleTarget.span));
  }
  // An Ingress reaches the pods through the Services that select them.
  for (const ingress of index.inNamespace(workload.effectiveNamespace)) {
    for (const backend of ingress.ingressBackends ?? []) if (services.includes(backend.service)) targets.push(inFile(ingress, backend.serviceSpan));
  }
  return targets;
}

/** The places that name an object: Ingress backends for a Service, pod references for a ConfigMap, Secret, …. */
function referencesByName(index: WorkspaceIndex, object: IndexedObject): NavigationTarget[] {
  const targets: NavigationTarget[] = [];
  const names = [{ kind: object.kind, name: object.name }, ...(object.provides ?? [])];
  const named = (kind: string, name: string) => names.some((n) => n.kind === kind && n.name === name);
  for (const other of index.inNamespace(object.effectiveNamespace)) {
    for (const backend of other.ingressBackends ?? []) if (named('Service', backend.service)) targets.push(inFile(other, backend.serviceSpan));
    for (const reference of other.pod?.references ?? []) if (named(reference.kind, reference.name)) targets.push(inFile(other, reference.span));
  }
  return targets;
}

/** Find references: what points at the object whose metadata.name (or, for a workload, pod template labels) is under the cursor. */
export function referencesAt(index: WorkspaceIndex, file: string, offset: number): Navigation | undefined {
  for (const { object, at } of objectsAt(index, file, offset)) {
    const onLabels = inside(object.pod?.labelsSpan, at);
    if (!onLabels && !(object.name && inside(object.nameSpan, at))) continue;
    const span = onLabels ? object.pod!.labelsSpan! : object.nameSpan;
    const targets = object.pod ? referencesToWorkload(index, object) : referencesByName(index, object);
    return { origin: origin(object, span), targets };
  }
  return undefined;
}

export interface ServiceLens {
  /** Where the lens sits: the start of the Service's selector (a file offset). */
  at: number;
  title: string;
}

/** How many workloads each Service in a file selects, by name: "selects 2 workloads: web, api". */
export function serviceLenses(index: WorkspaceIndex, file: string): ServiceLens[] {
  return index.inFile(file).flatMap((service) => {
    if (service.kind !== 'Service' || !service.selector || isEmptySelector(service.selector)) return [];
    // Sorted: the index's order is the order files were read in, which differs from one disk to another.
    const names = selectedBy(index, service).map((w) => w.name).sort();
    const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
    const title = names.length === 0 ? 'selects no workloads in this workspace' : `selects ${names.length} workload${names.length === 1 ? '' : 's'}: ${shown.join(', ')}`;
    return [{ at: service.offset + service.selector.extent[0], title }];
  });
}
