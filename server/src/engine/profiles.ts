// Profiles: named sets of rules a user picks with one setting (`kubewright.profile`, `--profile`). Each rule says in
// its meta which profiles it belongs to; this file says what the profiles are and how a rule's membership is read.

/** Every profile a user can choose; `all` holds every rule, whatever the rule declares. */
export const PROFILES = ['seed', 'pss-baseline', 'pss-restricted', 'all'] as const;
export type ProfileId = (typeof PROFILES)[number];
/** The profiles a rule can name in its meta (`all` needs no naming). */
export type NamedProfile = Exclude<ProfileId, 'all'>;

/** The profile that runs when the user picks none: the practices Kubewright started with, unchanged for its users. */
export const DEFAULT_PROFILE: ProfileId = 'seed';

/** The level of the Kubernetes Pod Security Standards a rule checks a control of. */
export type PssLevel = 'baseline' | 'restricted';

/**
 * Rules that report a manifest the cluster rejects or cannot run (syntax, schema, removed apiVersions, a probe that
 * can never pass): they belong to every profile, since no choice of practices makes such a manifest right.
 */
export const CORE: readonly NamedProfile[] = ['seed', 'pss-baseline', 'pss-restricted'];
/** A baseline control: the restricted standard includes every baseline control. */
export const PSS_BASELINE: readonly NamedProfile[] = ['pss-baseline', 'pss-restricted'];
export const PSS_RESTRICTED: readonly NamedProfile[] = ['pss-restricted'];

export const PROFILE_DESCRIPTIONS: Readonly<Record<ProfileId, string>> = {
  seed: 'The default: Kubewright\'s security and reliability practices (non-root, no privileges, no host access, resources, probes), and every rule that reports an invalid manifest.',
  'pss-baseline': 'The Kubernetes Pod Security Standards\' baseline level: no known privilege escalation (privileged, host namespaces, hostPath, host ports, unsafe capabilities, sysctls, AppArmor, SELinux, procMount, unconfined seccomp), and every rule that reports an invalid manifest.',
  'pss-restricted': 'The Pod Security Standards\' restricted level: baseline, and non-root, no privilege escalation, drop ALL capabilities, a RuntimeDefault or Localhost seccomp profile, only the restricted volume types; and every rule that reports an invalid manifest.',
  all: 'Every rule, each with its strictest default options.',
};

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}

/** What a rule's meta says about profiles (a slice of RuleMeta, so that this file needs no rule types). */
export interface ProfileMembership {
  /** The profiles the rule runs in; unset: every profile, for rules about the file itself (syntax, size). */
  profiles?: readonly NamedProfile[];
  /** Options the rule runs with in a profile, under the user's own options (a standard's allowances, e.g.). */
  profileOptions?: Partial<Record<ProfileId, Readonly<Record<string, unknown>>>>;
}

export function inProfile(meta: ProfileMembership, profile: ProfileId): boolean {
  return profile === 'all' || meta.profiles === undefined || meta.profiles.includes(profile);
}

/** The profiles a rule runs in, `all` included, in PROFILES order: for docs and listings. */
export function profilesOf(meta: ProfileMembership): ProfileId[] {
  return PROFILES.filter((p) => inProfile(meta, p));
}
