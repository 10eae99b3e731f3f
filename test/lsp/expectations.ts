// What the language server should publish, spelled out: the fixture texts the LSP tests open, and the exact
// diagnostics (rule id, 0-based range, severity, message, docs link, data) expected for them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './harness';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');

export function readFixture(relativePath: string): string {
  return fs.readFileSync(path.join(FIXTURES, relativePath), 'utf8');
}

/** A URI for a document that only the editor holds: the server lints the text it is sent, never the disk. */
export function untitledUri(name: string): string {
  return `file:///workspace/${name}.yaml`;
}

/** Where the server links each rule: its docs page in the repository, which dist/server.js finds beside dist/. */
export function ruleDocsHref(ruleId: string): string {
  return pathToFileURL(path.join(REPO_ROOT, 'docs/rules', `${ruleId}.md`)).href;
}

export function onLine(line: number, startCharacter: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line, character: endCharacter } };
}

export function kubewrightDiagnostic(ruleId: string, severity: DiagnosticSeverity, message: string, range: Range): Diagnostic {
  return {
    range,
    severity,
    source: 'kubewright',
    code: ruleId,
    codeDescription: { href: ruleDocsHref(ruleId) },
    message,
    data: { ruleId },
  };
}

/** The no-host-network error on a Pod's `hostNetwork: true` pair. */
export function hostNetworkDiagnostic(podName: string, range: Range): Diagnostic {
  const message = `Pod "${podName}" uses the node's network (hostNetwork: true): expose it through a Service instead`;
  return kubewrightDiagnostic('no-host-network', DiagnosticSeverity.Error, message, range);
}

export const LIVENESS_HTTP = readFixture('liveness-http.yaml');
/** 0-based: the line `  - name: liveness` in liveness-http.yaml, where every one of its findings sits. */
export const LIVENESS_NAME_LINE = 9;

/**
 * The liveness-http Pod's five warnings, all on its container's `name: <name>` pair (which starts at character 4
 * of `line`), in the server's order: by position, then by rule. `severities` overrides a rule's severity, and
 * a rule set to 'off' is left out.
 */
export function livenessContainerDiagnostics(
  { name = 'liveness', line = LIVENESS_NAME_LINE, severities = {} }: {
    name?: string;
    line?: number;
    severities?: Record<string, DiagnosticSeverity | 'off'>;
  } = {},
): Diagnostic[] {
  const messages: Array<[string, string]> = [
    ['run-as-non-root', `Container "${name}" may run as root: set securityContext.runAsNonRoot: true (pod or container), or a runAsUser above 0`],
    ['no-privilege-escalation', `Container "${name}" allows privilege escalation: set securityContext.allowPrivilegeEscalation: false`],
    ['read-only-root-fs', `Container "${name}" has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true`],
    ['require-requests-limits', `Container "${name}" has no cpu request, memory request and memory limit: set them under resources`],
    [
      'require-readiness-probe',
      `Container "${name}" has no readinessProbe: Services send it traffic before it can answer; add one that succeeds only when it can serve`,
    ],
  ];
  const range = onLine(line, 4, 4 + `name: ${name}`.length);
  return messages.flatMap(([ruleId, message]) => {
    const severity = severities[ruleId] ?? DiagnosticSeverity.Warning;
    return severity === 'off' ? [] : [kubewrightDiagnostic(ruleId, severity, message, range)];
  });
}
