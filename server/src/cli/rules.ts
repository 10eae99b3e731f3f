// `kubewright rules`: every rule with its default severity, profiles, whether `--fix` can fix it, and its summary.
// Fixability is read from the rule's own docs example rather than declared, so it cannot drift from what it does.
import { allRules, lintText, profilesOf } from '../engine';
import type { ProfileId, Rule, Severity } from '../engine';

export interface RuleListing {
  id: string;
  severity: Severity;
  profiles: ProfileId[];
  /** A finding of the rule in its docs "bad" example has a fix that `--fix` and fix-all apply. */
  fixable: boolean;
  summary: string;
}

/** Whether the rule's findings in its "bad" example (every rule on) carry a preferred fix. */
export function isFixable(rule: Rule): boolean {
  return lintText(rule.meta.docs.bad, { profile: 'all' })
    .filter((f) => f.ruleId === rule.meta.id)
    .some((f) => f.fixes?.().some((fix) => fix.preferred) ?? false);
}

export function listRules(): RuleListing[] {
  return allRules.map((rule) => ({
    id: rule.meta.id,
    severity: rule.meta.severity,
    profiles: profilesOf(rule.meta),
    fixable: isFixable(rule),
    summary: rule.meta.docs.summary.replace(/\s+/g, ' ').trim(),
  }));
}

/** Aligned columns, one rule a line; the summary last, so a narrow terminal wraps only it. */
export function formatRulesTable(rules: readonly RuleListing[]): string {
  const rows = [['Rule', 'Severity', 'Fix', 'Profiles', 'Summary'], ...rules.map((r) => [r.id, r.severity, r.fixable ? 'yes' : '', r.profiles.join(','), r.summary])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return `${rows.map(line).join('\n')}\n\n${rules.length} rules, ${rules.filter((r) => r.fixable).length} fixable with --fix\n`;
}

export function formatRulesJson(rules: readonly RuleListing[]): string {
  return `${JSON.stringify(rules)}\n`;
}
