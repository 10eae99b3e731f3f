// The annotations other Kubernetes linters honour, mapped to the Kubewright rules that check the same thing, so an
// object someone already exempted from kube-linter, Polaris or kube-score is not reported again for it here.
// Only checks whose meaning matches a rule are listed; where a rule covers what several checks split (resources,
// probe ports, capabilities), it is silenced only when every one of them is exempted.

/** One correspondence: the rule is silenced when the object exempts it from all of `checks` (of one tool). */
export interface ForeignMapping {
  rule: string;
  checks: readonly string[];
}

/** kube-linter: `ignore-check.kube-linter.io/<check>: "<reason>"`, and `kube-linter.io/ignore-all` for every check. */
export const KUBE_LINTER: readonly ForeignMapping[] = [
  { rule: 'run-as-non-root', checks: ['run-as-non-root'] },
  { rule: 'no-privileged', checks: ['privileged-container'] },
  { rule: 'no-privilege-escalation', checks: ['privilege-escalation-container'] },
  { rule: 'read-only-root-fs', checks: ['no-read-only-root-fs'] },
  { rule: 'no-host-network', checks: ['host-network'] },
  // The rule reports hostPID and hostIPC alike.
  { rule: 'no-host-namespaces', checks: ['host-pid', 'host-ipc'] },
  { rule: 'no-proc-mount', checks: ['unsafe-proc-mount'] },
  { rule: 'no-container-socket', checks: ['docker-sock'] },
  // kube-linter reports only sensitive folders; exempting an object from it accepts its host mounts.
  { rule: 'no-host-path', checks: ['sensitive-host-mounts'] },
  { rule: 'no-sysctls', checks: ['unsafe-sysctls'] },
  { rule: 'require-liveness-probe', checks: ['no-liveness-probe'] },
  { rule: 'require-readiness-probe', checks: ['no-readiness-probe'] },
  // kube-linter checks the cpu request and the memory limit in two checks; the rule checks both (and the memory request).
  { rule: 'require-requests-limits', checks: ['unset-cpu-requirements', 'unset-memory-requirements'] },
  { rule: 'probe-port-name-unknown', checks: ['liveness-port', 'readiness-port', 'startup-port'] },
  { rule: 'schema-selector-mismatch', checks: ['mismatching-selector'] },
];

/** Polaris: `polaris.fairwinds.com/<check>-exempt: "true"`, and `polaris.fairwinds.com/exempt: "true"` for every check. */
export const POLARIS: readonly ForeignMapping[] = [
  { rule: 'run-as-non-root', checks: ['runAsRootAllowed'] },
  { rule: 'no-privileged', checks: ['runAsPrivileged'] },
  { rule: 'no-privilege-escalation', checks: ['privilegeEscalationAllowed'] },
  { rule: 'read-only-root-fs', checks: ['notReadOnlyRootFilesystem'] },
  { rule: 'no-host-network', checks: ['hostNetworkSet'] },
  { rule: 'no-host-port', checks: ['hostPortSet'] },
  { rule: 'no-host-namespaces', checks: ['hostPIDSet', 'hostIPCSet'] },
  { rule: 'require-liveness-probe', checks: ['livenessProbeMissing'] },
  { rule: 'require-readiness-probe', checks: ['readinessProbeMissing'] },
  { rule: 'require-requests-limits', checks: ['cpuRequestsMissing', 'memoryRequestsMissing', 'memoryLimitsMissing'] },
  // dangerousCapabilities covers ALL, SYS_ADMIN and NET_ADMIN; insecureCapabilities the rest.
  { rule: 'no-added-capabilities', checks: ['dangerousCapabilities', 'insecureCapabilities'] },
];

/** kube-score: `kube-score/ignore: "<check>,<check>"`. */
export const KUBE_SCORE: readonly ForeignMapping[] = [
  { rule: 'run-as-non-root', checks: ['container-security-context-user-group-id'] },
  { rule: 'no-privileged', checks: ['container-security-context-privileged'] },
  { rule: 'read-only-root-fs', checks: ['container-security-context-readonlyrootfilesystem'] },
  // The check kube-score split into the three above, as older versions name it.
  { rule: 'run-as-non-root', checks: ['container-security-context'] },
  { rule: 'no-privileged', checks: ['container-security-context'] },
  { rule: 'read-only-root-fs', checks: ['container-security-context'] },
  { rule: 'require-requests-limits', checks: ['container-resources'] },
  { rule: 'require-liveness-probe', checks: ['pod-probes'] },
  { rule: 'require-readiness-probe', checks: ['pod-probes'] },
  { rule: 'identical-probes', checks: ['pod-probes'] },
  { rule: 'identical-probes', checks: ['pod-probes-identical'] },
  { rule: 'deprecated-api', checks: ['stable-version'] },
];

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const KUBE_LINTER_ALL = 'kube-linter.io/ignore-all';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';
const POLARIS_SUFFIX = '-exempt';
const POLARIS_ALL = 'polaris.fairwinds.com/exempt';
const KUBE_SCORE_IGNORE = 'kube-score/ignore';

/** The rules another tool's annotations silence, each with the reason they give for it, if any. */
export type ForeignSuppressions = Map<string, string | undefined>;

/** Marks `rule` silenced; a second reason for it (two annotations exempting it) is added to the first. */
function silence(into: ForeignSuppressions, rule: string, reason: string | undefined): void {
  const reasons = [into.get(rule), reason].filter((r): r is string => r !== undefined && r !== '');
  into.set(rule, reasons.length > 0 ? reasons.join('; ') : undefined);
}

/**
 * Silences each rule of `table` whose checks are all exempted (every one with 'all'). `exempt` maps a check to the
 * reason given for it, as the justification reports show; an empty reason is none.
 */
function silenced(table: readonly ForeignMapping[], exempt: ReadonlyMap<string, string> | 'all', into: ForeignSuppressions, allReason?: string): void {
  for (const { rule, checks } of table) {
    if (exempt === 'all') silence(into, rule, allReason);
    else if (checks.every((c) => exempt.has(c))) for (const check of checks) silence(into, rule, exempt.get(check));
  }
}

/** kube-linter's reason as a report shows it: the annotation's value, and which annotation it is. */
function kubeLinterReason(key: string, value: string): string {
  return value.trim() === '' ? '' : `${value.trim()} (${key})`;
}

/**
 * The Kubewright rules an object's annotations (key → string value) exempt it from through other tools' annotations,
 * each with the reason written there: kube-linter takes an annotation's value as its reason; Polaris and kube-score
 * have no place for one.
 */
export function foreignSuppressions(annotations: ReadonlyMap<string, string>): ForeignSuppressions {
  const rules: ForeignSuppressions = new Map();
  const kubeLinter = new Map<string, string>();
  const polaris = new Map<string, string>();
  const kubeScore = new Map<string, string>();
  for (const [key, value] of annotations) {
    // kube-linter takes the value as the reason: any value exempts.
    if (key.startsWith(KUBE_LINTER_CHECK)) kubeLinter.set(key.slice(KUBE_LINTER_CHECK.length), kubeLinterReason(key, value));
    else if (key === KUBE_LINTER_ALL) silenced(KUBE_LINTER, 'all', rules, kubeLinterReason(key, value));
    else if (key === POLARIS_ALL && value.trim().toLowerCase() === 'true') silenced(POLARIS, 'all', rules);
    else if (key.startsWith(POLARIS_PREFIX) && key.endsWith(POLARIS_SUFFIX) && value.trim().toLowerCase() === 'true') {
      polaris.set(key.slice(POLARIS_PREFIX.length, -POLARIS_SUFFIX.length), '');
    } else if (key === KUBE_SCORE_IGNORE) for (const check of value.split(',')) kubeScore.set(check.trim(), '');
  }
  silenced(KUBE_LINTER, kubeLinter, rules);
  silenced(POLARIS, polaris, rules);
  silenced(KUBE_SCORE, kubeScore, rules);
  return rules;
}
