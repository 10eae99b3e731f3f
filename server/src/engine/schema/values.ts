// The syntax Kubernetes demands of some strings: resource quantities, DNS names, label keys and values. Each check
// returns what is wrong in words, or undefined when the value is fine. Patterns follow apimachinery's validation.

// <sign><digits>[.<digits>] then a binary (Ki…Ei), decimal (n u m k M G T P E) or exponent (e3, E-2) suffix.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

export function quantityProblem(value: string): string | undefined {
  if (QUANTITY.test(value)) return undefined;
  // The usual slip: bytes written the way disks are sold.
  const bytes = /^(\d+(?:\.\d+)?)\s*([kmgtpe])i?b$/i.exec(value.trim());
  if (bytes) {
    const unit = bytes[2].toUpperCase();
    return `\`${value}\` is not a Kubernetes quantity: write \`${bytes[1]}${unit}i\` (powers of 1024) or \`${bytes[1]}${unit === 'K' ? 'k' : unit}\` (powers of 1000)`;
  }
  return `\`${value}\` is not a Kubernetes quantity: a number with an optional suffix, such as \`500m\`, \`2\`, \`128Mi\`, \`1Gi\` or \`1e3\``;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export type NameSyntax = 'dns-label' | 'dns-1035-label' | 'dns-subdomain';

const NAME_RULES: Record<NameSyntax, { pattern: RegExp; max: number; words: string }> = {
  'dns-label': { pattern: LABEL, max: 63, words: 'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters' },
  'dns-1035-label': { pattern: DNS1035, max: 63, words: 'a DNS-1035 label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit, at most 63 characters' },
  'dns-subdomain': { pattern: SUBDOMAIN, max: 253, words: 'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters' },
};

export function nameProblem(value: string, syntax: NameSyntax): string | undefined {
  const rule = NAME_RULES[syntax];
  return rule.pattern.test(value) && value.length <= rule.max ? undefined : `must be ${rule.words}`;
}

/** The syntax metadata.name must have, per kind; kinds not listed (RBAC roles allow `system:…`) are not checked. */
export const METADATA_NAME_SYNTAX: Readonly<Record<string, NameSyntax>> = {
  Namespace: 'dns-label',
  Service: 'dns-1035-label',
  ...Object.fromEntries(
    [
      'Pod', 'PodTemplate', 'ReplicationController', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job',
      'CronJob', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolume', 'PersistentVolumeClaim', 'Ingress',
      'IngressClass', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'StorageClass',
      'PriorityClass', 'ResourceQuota', 'LimitRange', 'Node',
    ].map((kind) => [kind, 'dns-subdomain' as const]),
  ),
};

// The name part of a label key, and a label value: alphanumerics with "-", "_", "." inside, at most 63 characters.
const QUALIFIED = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A label or annotation key: an optional DNS subdomain prefix and "/", then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (nameProblem(prefix, 'dns-subdomain') || key.indexOf('/') !== slash)) {
    return `its prefix \`${prefix}\` must be a DNS-1123 subdomain (lowercase, digits, "-" and "."), followed by one "/"`;
  }
  if (!QUALIFIED.test(name) || name.length > 63) {
    return 'its name must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value === '' || (QUALIFIED.test(value) && value.length <= 63)) return undefined;
  return 'a label value must be empty or at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
}
