// The `--format sarif` output: one SARIF 2.1.0 log with one run, for code-scanning services (GitHub, Azure DevOps)
// and SARIF viewers. Every rule is described in the run with its docs, so a viewer explains a result offline.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../engine';
import type { RuleMeta, Severity, Suppression } from '../../engine';
import type { FileResult } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where relative artifact URIs start: the directory the CLI ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifContext {
  /** The directory paths are reported relative to. */
  cwd: string;
  /** Kubewright's version, for tool.driver.version. */
  version?: string;
  /** The folder of the rule pages (docs/rules/ in the package), linked from each rule as a file URI. */
  docsFolder?: string;
}

/** A file's URI relative to the working directory (each segment encoded), or its absolute file URI outside it. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A reportingDescriptor: the rule's id, summary, full help (its docs page as Markdown) and default level. */
function ruleDescriptor(meta: RuleMeta, docsFolder: string | undefined) {
  const { docs } = meta;
  return {
    id: meta.id,
    shortDescription: { text: docs.summary },
    fullDescription: { text: docs.rationale },
    ...(docsFolder ? { helpUri: pathToFileURL(path.join(docsFolder, `${meta.id}.md`)).href } : {}),
    help: {
      text: `${docs.rationale}\n\nHow to fix: ${docs.remediation}`,
      markdown: `${docs.rationale}\n\n**How to fix:** ${docs.remediation}\n\n**Bad:**\n\n\`\`\`yaml\n${docs.bad.trimEnd()}\n\`\`\`\n\n**Good:**\n\n\`\`\`yaml\n${docs.good.trimEnd()}\n\`\`\``,
    },
    defaultConfiguration: { level: LEVELS[meta.severity] },
  };
}

function toSarifSuppression(suppression: Suppression) {
  return { kind: 'inSource', ...(suppression.reason ? { justification: suppression.reason } : {}) };
}

export function formatSarif(results: readonly FileResult[], context: SarifContext): string {
  const rules = allRules.map((rule) => rule.meta);
  const ruleIndex = new Map(rules.map((meta, i) => [meta.id, i]));
  // A suppressed finding is a result too, marked inSource (a comment or annotation in the file): code scanning shows
  // it as dismissed, with its reason, instead of never hearing of it.
  const sarifResults = results.flatMap((result) =>
    [...result.messages, ...result.suppressedMessages].map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
      level: LEVELS[message.level],
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(result.filePath, context.cwd),
            // 1-based, columns in UTF-16 code units (columnKind below); endColumn is just past the last character.
            region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
          },
        },
      ],
      ...(message.suppressedBy ? { suppressions: message.suppressedBy.map(toSarifSuppression) } : {}),
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Kubewright',
            ...(context.version ? { version: context.version, semanticVersion: context.version } : {}),
            rules: rules.map((meta) => ruleDescriptor(meta, context.docsFolder)),
          },
        },
        // A trailing slash: relative URIs resolve inside the directory, not beside it.
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
