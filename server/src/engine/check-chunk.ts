// Checking one `---` chunk: parse it (unless a parse is handed in), run the active rules on each of its objects, then
// its suppressions. ManifestLinter decides which chunks need it and keeps the results; this is the work itself.
import type { Document } from 'yaml';
import { parseChunkText } from './parse';
import { DOCUMENT_TOO_LARGE, firstLineFinding, limitFor, tooLargeMessage } from './limits';
import type { Budget, DocumentLimit } from './limits';
import { shiftSeverity } from './config';
import type { ActiveRule } from './config';
import { judgedDocuments, kubernetesIdentity, looksLikeKubernetes } from './k8s/object';
import { readWorkload } from './k8s/workload';
import { rangeOf } from './k8s/nodes';
import type { KubernetesVersion } from './k8s/kubernetes-version';
import { FixContext, shiftFixes } from './fix/build';
import { applySuppressions } from './suppress/apply';
import type { CustomResources } from './schema/crd/custom-resources';
import type { Finding, Report, Rule, RuleContext, Severity, WorkloadRule, DocumentRule } from './types';

export interface ChunkResult {
  documents: Document.Parsed[];
  /** Findings with offsets relative to the chunk start. */
  findings: Finding[];
  /**
   * The apiVersion, kind and CRD token (CustomResources.token) of each object in the chunk when it was checked: the
   * findings hold only while each token stays the same.
   */
  dependsOn: Array<[string, string, string]>;
  /** The set of custom resources the dependencies were last found unchanged in: the same set needs no new look. */
  validIn?: CustomResources;
  /** The findings moved to where the chunk last sat in the file: a chunk before an edit keeps its place. */
  placed?: { offset: number; findings: Finding[] };
}

function isWorkloadRule(rule: Rule): rule is WorkloadRule {
  return 'checkWorkload' in rule;
}

function isDocumentRule(rule: Rule): rule is DocumentRule {
  return 'checkDocument' in rule;
}

export interface ChunkCheckerOptions {
  onRuleError?: (ruleId: string, error: unknown) => void;
  keepSuppressed?: boolean;
}

export class ChunkChecker {
  constructor(
    private readonly rules: readonly ActiveRule[],
    private readonly kubernetesVersion: KubernetesVersion,
    private readonly options: ChunkCheckerOptions,
  ) {}

  /** The severity a rule runs at, or undefined when it is off. */
  severityOf(ruleId: string): Severity | undefined {
    return this.rules.find((active) => active.rule.meta.id === ruleId)?.severity;
  }

  /** The document-too-large finding for a chunk over a size limit, when the rule is on. */
  tooLarge(chunkText: string, limit: Exclude<DocumentLimit, 'full'>): Finding[] {
    const severity = this.severityOf(DOCUMENT_TOO_LARGE);
    return severity ? [firstLineFinding(chunkText, severity, tooLargeMessage(chunkText.length, limit))] : [];
  }

  /**
   * Parses (unless `parsed` is its parse) and checks one chunk; undefined when the budget ran out first (nothing of it
   * is kept).
   */
  check(chunkText: string, resources: CustomResources, budget?: Budget, parsed?: Document.Parsed[]): ChunkResult | undefined {
    const limit = limitFor(chunkText);
    // Other YAML is left alone, however large: only a chunk that looks like Kubernetes hears about its size.
    if (limit === 'unparsed') return { documents: [], findings: looksLikeKubernetes(chunkText) ? this.tooLarge(chunkText, limit) : [], dependsOn: [] };
    const documents = parsed ?? parseChunkText(chunkText);
    const findings: Finding[] = [];
    const dependsOn: ChunkResult['dependsOn'] = [];
    const judged = judgedDocuments(chunkText, documents);
    for (const document of judged) {
      const identity = kubernetesIdentity(document);
      if (identity) dependsOn.push([identity.apiVersion, identity.kind, resources.token(identity.apiVersion, identity.kind)]);
      // A document that does not parse gets only its syntax errors: rules would judge a structure the parser
      // guessed at, and their findings would come and go as the person types. So does one over the size limit.
      const workload = document.errors.length === 0 && limit === 'full' ? readWorkload(document) : undefined;
      const fixContext = new FixContext(chunkText, documents, document);
      for (const active of this.rules) {
        if (budget?.spent()) return undefined;
        if (limit === 'syntax-only' && active.rule.meta.id !== 'yaml-syntax') continue;
        const run = (ctx: RuleContext) => {
          if (isDocumentRule(active.rule)) active.rule.checkDocument(document, ctx);
          else if (workload && isWorkloadRule(active.rule)) active.rule.checkWorkload(workload, ctx);
        };
        this.runRule(active, fixContext, resources, run, findings);
      }
    }
    if (limit === 'syntax-only' && judged.length > 0) findings.push(...this.tooLarge(chunkText, limit));
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    // Suppressions are judged against every rule's findings for the chunk, so they come last, and are cached with them.
    const severities = new Map(this.rules.map((a) => [a.rule.meta.id, a.severity] as const));
    return { documents, findings: applySuppressions({ chunkText, documents, findings, active: severities, keepSuppressed: this.options.keepSuppressed }), dependsOn };
  }

  private runRule(active: ActiveRule, fixContext: FixContext, resources: CustomResources, run: (ctx: RuleContext) => void, into: Finding[]): void {
    const found: Finding[] = [];
    const ctx: RuleContext = {
      source: fixContext.chunkText,
      options: active.options,
      kubernetesVersion: this.kubernetesVersion,
      customResources: resources,
      report: (report: Report) => {
        const range = rangeOf(report.at);
        if (!range) return;
        const severity = report.severity ? shiftSeverity(report.severity, active.rule.meta.severity, active.severity) : active.severity;
        const finding: Finding = { ruleId: active.rule.meta.id, severity, message: report.message, start: range[0], end: range[1] };
        const proposals = report.fixes;
        if (proposals?.length) finding.fixes = (request) => fixContext.build(proposals, request);
        found.push(finding);
      },
    };
    try {
      run(ctx);
      into.push(...found);
    } catch (error) {
      this.options.onRuleError?.(active.rule.meta.id, error);
    }
  }
}

/** A chunk's findings at the chunk's offset in the file, made once per place. */
export function placedFindings(result: ChunkResult, offset: number): Finding[] {
  if (result.placed?.offset !== offset) result.placed = { offset, findings: result.findings.map((f) => shiftFinding(f, offset)) };
  return result.placed.findings;
}

/** A chunk's finding with its offsets, and those of its fixes, moved to where the chunk sits in the file. */
export function shiftFinding(finding: Finding, offset: number): Finding {
  const shifted = { ...finding, start: finding.start + offset, end: finding.end + offset };
  const fixes = finding.fixes;
  if (fixes) shifted.fixes = (request) => shiftFixes(fixes(request), offset);
  const suppressions = finding.suppressions;
  if (suppressions) shifted.suppressions = (request) => shiftFixes(suppressions(request), offset);
  return shifted;
}

