// The CLI's cross-file pass: once every file is linted on its own, index them all as one workspace and add each
// file's cross-file findings (`kubewright lint k8s/` sees the Service in one file and the Deployment in another).
import * as path from 'node:path';
import { lintWorkspace, WorkspaceIndex } from '../engine';
import type { Finding, LintConfig } from '../engine';

export interface LintedFile {
  filePath: string;
  /** The text linted (after --fix, when it fixed something). */
  text: string;
  findings: Finding[];
  config: LintConfig;
  output?: string;
}

/**
 * Adds the cross-file findings to each file's, in offset order; a rule that throws is reported by `onRuleError`. With
 * `keepSuppressed`, the ones a comment or annotation silences are added too, marked suppressedBy (JSON, SARIF).
 */
export function addCrossFileFindings(files: readonly LintedFile[], onRuleError: (ruleId: string, error: unknown) => void, keepSuppressed = false): void {
  if (files.length === 0) return;
  const index = new WorkspaceIndex();
  // The index finds kustomizations above a file by `/`-separated folders, on every platform.
  const key = (filePath: string) => filePath.split(path.sep).join('/');
  for (const file of files) index.setFile(key(file.filePath), file.text);
  const found = lintWorkspace(index, files[0].config, files.map((f) => key(f.filePath)), { onRuleError, keepSuppressed });
  for (const file of files) {
    const extra = found.get(key(file.filePath)) ?? [];
    if (extra.length === 0) continue;
    file.findings.push(...extra);
    file.findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
