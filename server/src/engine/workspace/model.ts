// The cross-file model: what the workspace index knows about each Kubernetes object, reduced to the fields that
// objects use to refer to one another. Spans are [start, end) offsets into the object's `---` chunk.
export type Span = readonly [number, number];

/** A label selector: `matchLabels` (or a Service's plain map) plus `matchExpressions`. */
export interface Selector {
  matchLabels: Record<string, string>;
  matchExpressions: Array<{ key: string; operator: string; values: string[] }>;
  /** Where a finding about the selector sits. */
  span: Span;
  /** From the key to the end of its last label: where navigation from the selector starts. */
  extent: Span;
}

/** A port a container declares: number, optional name. */
export interface DeclaredPort {
  name?: string;
  containerPort?: number;
}

/** A ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim a pod names. */
export interface PodReference {
  kind: 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim';
  name: string;
  /** `optional: true`: the pod starts without it. */
  optional: boolean;
  /** Where it is named (the name scalar), and whether it is a single key (configMapKeyRef / secretKeyRef). */
  span: Span;
  via: string;
}

export interface PodTemplate {
  labels: Record<string, string>;
  /** From the template's `labels` key to its last label: where navigation from a selector lands. */
  labelsSpan?: Span;
  ports: DeclaredPort[];
  references: PodReference[];
}

export interface ServicePort {
  name?: string;
  port?: number;
  /** A named targetPort (a number is taken as is); span for findings. */
  targetPortName?: { name: string; span: Span };
}

export interface IngressBackend {
  service: string;
  /** A port number or name, when the backend gives one. */
  port?: number | string;
  serviceSpan: Span;
  portSpan?: Span;
}

export interface ScaleTarget {
  kind: string;
  name: string;
  span: Span;
}

/** One object from a manifest, with what the cross-file rules read. Unset fields mean the kind has none. */
export interface ObjectFacts {
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace as written; the index resolves the effective one (kustomization, default). */
  namespace?: string;
  /** The metadata.name value, or the kind line when the object has no usable name span. */
  nameSpan: Span;
  /** Workloads: their pod template. */
  pod?: PodTemplate;
  /** Service spec.selector (plain map), PDB/NetworkPolicy selectors, workload spec.selector. */
  selector?: Selector;
  servicePorts?: ServicePort[];
  ingressBackends?: IngressBackend[];
  scaleTarget?: ScaleTarget;
  /** Names of ConfigMaps/Secrets this object makes exist (generators, cert-manager, sealed/external secrets). */
  provides?: Array<{ kind: 'ConfigMap' | 'Secret'; name: string }>;
  /** A kustomization's `namespace:`. */
  kustomizeNamespace?: string;
}

/** An object in the index: its facts, the file it came from and where its chunk starts in that file. */
export interface IndexedObject extends ObjectFacts {
  file: string;
  /** Offset of the object's chunk in the file: add it to a span for a file offset. */
  offset: number;
  /** The namespace it lands in: written, else its kustomization's, else `default`. */
  effectiveNamespace: string;
}
