// Turns the user's profile and rule settings into the list of rules to run, each with its severity and options.
import type { LintConfig, Rule, RuleSetting, Severity, SeveritySetting } from './types';
import { allRules } from './rules';
import { DEFAULT_PROFILE, inProfile, isProfileId } from './profiles';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** A setting is either a bare severity or `{ severity, options }`; anything unreadable keeps the default. */
function readSetting(value: unknown): Partial<RuleSetting> {
  if (isSeveritySetting(value)) return { severity: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { severity, options } = value as Record<string, unknown>;
    return {
      severity: isSeveritySetting(severity) ? severity : undefined,
      options: options && typeof options === 'object' ? (options as Record<string, unknown>) : undefined,
    };
  }
  return {};
}

/**
 * The rules of the configured profile at their default severity, except where `rules` says otherwise: a severity
 * given there turns a rule on even outside the profile, and "off" turns it off. Options the profile gives a rule
 * (a standard's allowances) sit under the user's own.
 */
export function activeRules(config: LintConfig = {}, rules: readonly Rule[] = allRules): ActiveRule[] {
  const profile = isProfileId(config.profile) ? config.profile : DEFAULT_PROFILE;
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = readSetting(config.rules?.[rule.meta.id]);
    const member = inProfile(rule.meta, profile);
    const severity = setting.severity ?? (member ? rule.meta.severity : 'off');
    if (severity === 'off') continue;
    const options = { ...(member ? rule.meta.profileOptions?.[profile] : undefined), ...setting.options };
    active.push({ rule, severity, options });
  }
  return active;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
const BY_RANK: readonly Severity[] = ['info', 'warning', 'error'];

/**
 * The severity of a finding the rule reports as `reported` at its default severity `ruleDefault`, once the user has
 * set the rule to `configured`: moved by the same number of steps, clamped to info…error.
 */
export function shiftSeverity(reported: Severity, ruleDefault: Severity, configured: Severity): Severity {
  const rank = SEVERITY_RANK[reported] + SEVERITY_RANK[configured] - SEVERITY_RANK[ruleDefault];
  return BY_RANK[Math.max(0, Math.min(BY_RANK.length - 1, rank))];
}
