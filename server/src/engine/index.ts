// The engine's public face for the language server and the CLI.
export { ManifestLinter, lintText } from './lint';
export type { LintOptions, LintStats } from './lint';
export { LineIndex } from './positions';
export type { Position } from './positions';
export { allRules, ruleById } from './rules';
export { activeRules, isSeveritySetting } from './config';
export { LATEST_KUBERNETES_VERSION } from './k8s/api-lifecycle';
export { parseKubernetesVersion } from './k8s/kubernetes-version';
export { PROFILES, DEFAULT_PROFILE, isProfileId, inProfile, profilesOf } from './profiles';
export type { ProfileId, PssLevel } from './profiles';
export type { Finding, LintConfig, Rule, RuleMeta, Severity, SeveritySetting, RuleSetting } from './types';
export { fixAll } from './fix/fix-all';
export type { FixAllResult } from './fix/fix-all';
export { applyEdits } from './fix/build';
export type { FixEdit } from './fix/editor';
export type { Fix } from './types';
