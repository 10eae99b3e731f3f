// What a workload is and where its pod spec and containers live: one table, read by every pod-spec rule.
import { isMap, YAMLMap, Pair } from 'yaml';
import type { Document } from 'yaml';
import { mapAt, pairOf, scalarValue, seqItems, stringValue, valueAt } from './nodes';
import type { Located } from './nodes';
import { kubernetesIdentity } from './object';

export interface WorkloadKind {
  kind: string;
  /** API groups the kind is served from, built-in ones only ('' is the core group). */
  groups: readonly string[];
  /** Key path from the object's root to its PodSpec. */
  podSpecPath: readonly string[];
  /** Runs until stopped (and so needs probes), as opposed to running to completion. */
  longRunning: boolean;
}

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', groups: [''], podSpecPath: ['spec'], longRunning: true },
  { kind: 'PodTemplate', groups: [''], podSpecPath: ['template', 'spec'], longRunning: true },
  { kind: 'ReplicationController', groups: [''], podSpecPath: ['spec', 'template', 'spec'], longRunning: true },
  { kind: 'Deployment', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'], longRunning: true },
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'], longRunning: true },
  { kind: 'StatefulSet', groups: ['apps'], podSpecPath: ['spec', 'template', 'spec'], longRunning: true },
  { kind: 'DaemonSet', groups: ['apps', 'extensions'], podSpecPath: ['spec', 'template', 'spec'], longRunning: true },
  { kind: 'Job', groups: ['batch'], podSpecPath: ['spec', 'template', 'spec'], longRunning: false },
  { kind: 'CronJob', groups: ['batch'], podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], longRunning: false },
];

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

/** Where each kind of container lives inside a pod spec. */
export const CONTAINER_LISTS: ReadonlyArray<{ key: string; kind: ContainerKind }> = [
  { key: 'containers', kind: 'container' },
  { key: 'initContainers', kind: 'initContainer' },
  { key: 'ephemeralContainers', kind: 'ephemeralContainer' },
];

export interface Container {
  map: YAMLMap;
  /** The container's name, or `#N` (its position) when it has none. */
  name: string;
  kind: ContainerKind;
  /** Where a finding about something missing from this container sits: its `name` entry. */
  anchor: Located;
  /** Its `securityContext` map, if it has one. */
  securityContext?: YAMLMap;
}

export interface Workload {
  kind: WorkloadKind;
  /** metadata.name, when it has one. */
  name?: string;
  podSpec: YAMLMap;
  /** The pair whose value is the pod spec: where a finding about the pod as a whole sits. */
  podSpecPair: Pair;
  podSecurityContext?: YAMLMap;
  /** The pod's own metadata (the object's for a Pod, the template's otherwise): where pod annotations live. */
  podMetadata?: YAMLMap;
  containers: Container[];
  /** Long-running and not a pod that is told never to restart. */
  longRunning: boolean;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function findWorkloadKind(apiVersion: string, kind: string): WorkloadKind | undefined {
  const group = groupOf(apiVersion);
  return WORKLOAD_KINDS.find((w) => w.kind === kind && w.groups.includes(group));
}

function readContainers(podSpec: YAMLMap): Container[] {
  const containers: Container[] = [];
  for (const list of CONTAINER_LISTS) {
    seqItems(podSpec.get(list.key, true)).forEach((item, index) => {
      if (!isMap(item)) return;
      const namePair = pairOf(item, 'name');
      const sc = item.get('securityContext', true);
      containers.push({
        map: item,
        name: stringValue(namePair?.value) ?? `#${index + 1}`,
        kind: list.kind,
        anchor: namePair ?? firstLine(item),
        securityContext: isMap(sc) ? sc : undefined,
      });
    });
  }
  return containers;
}

/** A container without a name key: sit on its first entry rather than on the whole block. */
function firstLine(map: YAMLMap): Located {
  return map.items[0] ?? map;
}

/** Reads a workload out of a document, or undefined when the document is not a workload with a pod spec map. */
export function readWorkload(document: Document.Parsed): Workload | undefined {
  const identity = kubernetesIdentity(document);
  if (!identity) return undefined;
  const kind = findWorkloadKind(identity.apiVersion, identity.kind);
  if (!kind) return undefined;
  const parentPath = kind.podSpecPath.slice(0, -1);
  const parent = parentPath.length ? mapAt(document.contents, parentPath) : document.contents;
  const podSpecPair = pairOf(parent, kind.podSpecPath[kind.podSpecPath.length - 1]);
  const podSpec = podSpecPair?.value;
  if (!podSpecPair || !isMap(podSpec)) return undefined;
  const restartPolicy = scalarValue(valueAt(podSpec, ['restartPolicy']));
  const podSc = podSpec.get('securityContext', true);
  return {
    kind,
    name: stringValue(valueAt(document.contents, ['metadata', 'name'])),
    podSpec,
    podSpecPair,
    podSecurityContext: isMap(podSc) ? podSc : undefined,
    podMetadata: mapAt(parent, ['metadata']),
    containers: readContainers(podSpec),
    longRunning: kind.longRunning && restartPolicy !== 'Never' && restartPolicy !== 'OnFailure',
  };
}
