// The cross-file pass: runs the workspace rules over the objects of some files against the whole index, and returns
// each file's findings with offsets into that file. Separate from ManifestLinter, whose cache is per file.
import { activeRules } from '../config';
import type { ActiveRule } from '../config';
import type { Finding, LintConfig, Rule, WorkspaceRule } from '../types';
import type { IndexedChunk, WorkspaceIndex } from './workspace-index';
import { unsuppressed } from '../suppress/filter';

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule {
  return 'checkObject' in rule;
}

export interface WorkspaceLintOptions {
  /** Called when a rule throws; its findings for that object are dropped and checking goes on. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The rules to choose from (all of them unless a test narrows the set). */
  rules?: readonly Rule[];
  /**
   * Return the findings that a comment or annotation silences too, marked with `suppressedBy` (as
   * LintOptions.keepSuppressed does for the per-document rules), for reports that list them: the CLI's JSON and SARIF.
   */
  keepSuppressed?: boolean;
}

/** The workspace rules `config` turns on, with their severities and options. */
export function activeWorkspaceRules(config: LintConfig, rules?: readonly Rule[]): ActiveRule[] {
  return activeRules(config, rules).filter((a) => isWorkspaceRule(a.rule));
}

/** The findings on the objects of one chunk, with offsets into that chunk, in the order the rules report them. */
export function checkChunkObjects(chunk: IndexedChunk, index: WorkspaceIndex, rules: readonly ActiveRule[], options: WorkspaceLintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const object of chunk.objects) {
    for (const active of rules) {
      const found: Finding[] = [];
      try {
        (active.rule as WorkspaceRule).checkObject(object, index, {
          options: active.options,
          report: ({ at, message }) => found.push({ ruleId: active.rule.meta.id, severity: active.severity, message, start: at[0], end: at[1] }),
        });
        // A comment or annotation in the object's own document silences a cross-file finding as it does any other.
        findings.push(...unsuppressed(chunk.suppressions, 0, found, options.keepSuppressed));
      } catch (error) {
        options.onRuleError?.(active.rule.meta.id, error);
      }
    }
  }
  return findings;
}

/** Findings of a chunk, moved from chunk offsets to file offsets. */
export function atOffset(findings: readonly Finding[], offset: number): Finding[] {
  return findings.map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
}

export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** Cross-file findings for each of `files` (every indexed file when omitted), sorted by offset. */
export function lintWorkspace(
  index: WorkspaceIndex,
  config: LintConfig = {},
  files?: Iterable<string>,
  options: WorkspaceLintOptions = {},
): Map<string, Finding[]> {
  const rules = activeWorkspaceRules(config, options.rules);
  const result = new Map<string, Finding[]>();
  const targets = files ? [...files] : [...new Set(index.all().map((o) => o.file))];
  for (const file of targets) {
    const findings = index.chunksOf(file).flatMap((chunk) => atOffset(checkChunkObjects(chunk, index, rules, options), chunk.offset));
    result.set(file, findings.sort(byPosition));
  }
  return result;
}
