// The cross-file pass: runs the workspace rules over the objects of some files against the whole index, and returns
// each file's findings with offsets into that file. Separate from ManifestLinter, whose cache is per file.
import { activeRules } from '../config';
import type { Finding, LintConfig, Rule, WorkspaceRule } from '../types';
import type { WorkspaceIndex } from './workspace-index';
import { unsuppressed } from '../suppress/filter';

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule {
  return 'checkObject' in rule;
}

export interface WorkspaceLintOptions {
  /** Called when a rule throws; its findings for that object are dropped and checking goes on. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The rules to choose from (all of them unless a test narrows the set). */
  rules?: readonly Rule[];
}

/** Cross-file findings for each of `files` (every indexed file when omitted), sorted by offset. */
export function lintWorkspace(
  index: WorkspaceIndex,
  config: LintConfig = {},
  files?: Iterable<string>,
  options: WorkspaceLintOptions = {},
): Map<string, Finding[]> {
  const rules = activeRules(config, options.rules).filter((a) => isWorkspaceRule(a.rule));
  const result = new Map<string, Finding[]>();
  const targets = files ? [...files] : [...new Set(index.all().map((o) => o.file))];
  for (const file of targets) {
    const findings: Finding[] = [];
    for (const object of index.inFile(file)) {
      for (const active of rules) {
        const found: Finding[] = [];
        try {
          (active.rule as WorkspaceRule).checkObject(object, index, {
            options: active.options,
            report: ({ at, message }) =>
              found.push({ ruleId: active.rule.meta.id, severity: active.severity, message, start: object.offset + at[0], end: object.offset + at[1] }),
          });
          // A comment or annotation in the object's own document silences a cross-file finding as it does any other.
          findings.push(...unsuppressed(index.suppressionsAt(file, object.offset), object.offset, found));
        } catch (error) {
          options.onRuleError?.(active.rule.meta.id, error);
        }
      }
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    result.set(file, findings);
  }
  return result;
}
