// The engine's entry point: lint a file's text with the active rules. A ManifestLinter remembers each chunk's
// parse and findings by its text, so re-linting after an edit only re-parses and re-checks the chunks that changed
// (and those whose custom kind's CRD changed).
import type { Document } from 'yaml';
import { splitChunks, parseChunkText } from './parse';
import type { ChunkSlice } from './chunked-text';
import { Budget, cancelledMessage, DOCUMENT_TOO_LARGE, firstLineFinding, limitFor, tooLargeMessage } from './limits';
import type { DocumentLimit } from './limits';
import { activeRules, ActiveRule, shiftSeverity } from './config';
import { isTemplate, kubernetesIdentity, looksLikeKubernetes } from './k8s/object';
import { readWorkload } from './k8s/workload';
import { rangeOf } from './k8s/nodes';
import { parseKubernetesVersion } from './k8s/kubernetes-version';
import type { KubernetesVersion } from './k8s/kubernetes-version';
import { LATEST_KUBERNETES_VERSION } from './k8s/api-lifecycle';
import { FixContext, shiftFixes } from './fix/build';
import { applySuppressions } from './suppress/apply';
import { CustomResources } from './schema/crd/custom-resources';
import type { CustomResourceSchema } from './schema/crd/custom-resources';
import { mayDefineCrd, readCrdsInChunk } from './schema/crd/read';
import type { Finding, LintConfig, Report, Rule, RuleContext, Severity, WorkloadRule, DocumentRule } from './types';

export interface LintOptions {
  /** Called when a rule throws; the rule's findings for that document are dropped and linting goes on. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The rules to choose from (all of them unless a test narrows the set). */
  rules?: readonly Rule[];
  /**
   * Milliseconds a lint() may spend checking documents it has not cached; past them it stops before the next rule or
   * document, keeps what it found and reports a document-too-large finding where it stopped. Unset: no limit.
   */
  budgetMs?: number;
  /** The clock the budget is measured on (tests pass a fake one); performance.now by default. */
  clock?: () => number;
  /**
   * The CRDs known beyond the linted file (the workspace's, the other files of a CLI run): objects of their kinds are
   * checked against their schemas. The file's own CRDs are read by the linter and take precedence. Unset: none.
   */
  customResources?: CustomResources;
  /**
   * Return the findings that a comment or annotation silences too, marked with `suppressedBy`, for reports that list
   * them as suppressed (the CLI's SARIF and JSON); the editor leaves this off and never sees them.
   */
  keepSuppressed?: boolean;
}

interface ChunkResult {
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

/** One slice of a validation done in slices (see lintChunks). */
export interface LintSlice {
  pauseAfterMs: number;
  /** When the validation's first slice began, on the linter's clock. */
  startedAt: number;
}

export interface LintStats {
  chunks: number;
  /** Chunks parsed and checked in this call; the rest came from the cache. */
  checkedChunks: number;
  /** Chunks left unchecked because the time budget ran out (their findings are missing); only when some were. */
  uncheckedChunks?: number;
}

function isWorkloadRule(rule: Rule): rule is WorkloadRule {
  return 'checkWorkload' in rule;
}

function isDocumentRule(rule: Rule): rule is DocumentRule {
  return 'checkDocument' in rule;
}

export class ManifestLinter {
  private readonly rules: ActiveRule[];
  private readonly kubernetesVersion: KubernetesVersion;
  private cache = new Map<string, ChunkResult>();
  /** The CRDs handed in by the caller. */
  private external: CustomResources;
  /** Those and the linted file's own: what the chunks are checked with. */
  private resources: CustomResources;
  /** The CRDs each chunk of the last text defines, by chunk text (most define none). */
  private crdsByChunk = new Map<string, readonly CustomResourceSchema[]>();
  /** Parses readFileCrds made of chunks not checked yet (kept across the slices of one validation). */
  private readonly parsedAhead = new Map<string, Document.Parsed[]>();
  /** What `resources` was last made of. */
  private ownCrds?: { external: CustomResources; crds: readonly CustomResourceSchema[] };
  /** How the last lint() went: for tests and benchmarks of the cache. */
  lastStats: LintStats = { chunks: 0, checkedChunks: 0 };

  constructor(config: LintConfig = {}, private readonly options: LintOptions = {}) {
    this.rules = activeRules(config, options.rules);
    // The settings reader and the CLI reject a malformed version; here it falls back rather than fail a lint.
    this.kubernetesVersion = parseKubernetesVersion(config.kubernetesVersion) ?? parseKubernetesVersion(LATEST_KUBERNETES_VERSION)!;
    this.external = this.resources = options.customResources ?? CustomResources.none;
  }

  /**
   * Replaces the CRDs known beyond the file (the workspace's changed): the next lint re-checks only the objects of the
   * kinds whose schema changed.
   */
  useCustomResources(resources: CustomResources): void {
    this.external = resources;
  }

  lint(text: string): Finding[] {
    return this.lintChunks(splitChunks(text));
  }

  /**
   * Lints a file given as its `---` chunks (splitChunks of its text, or a ChunkedText kept across edits, whose
   * unchanged chunks keep their string objects so that finding them in the cache costs nothing). With `slice`, it
   * pauses once `pauseAfterMs` have passed (between documents, after checking at least one) and returns undefined: what
   * it checked is kept, and the next call resumes there. The time budget then counts from `slice.startedAt`.
   */
  lintChunks(chunks: readonly ChunkSlice[]): Finding[];
  lintChunks(chunks: readonly ChunkSlice[], slice: LintSlice): Finding[] | undefined;
  lintChunks(chunks: readonly ChunkSlice[], slice?: LintSlice): Finding[] | undefined {
    const clock = this.options.clock ?? (() => performance.now());
    const pause = slice && new Budget(slice.pauseAfterMs, clock);
    if (!this.readFileCrds(chunks, pause)) return undefined;
    const next = new Map<string, ChunkResult>();
    const findings: Finding[] = [];
    const budget = this.options.budgetMs === undefined ? undefined : new Budget(this.options.budgetMs, clock, slice?.startedAt);
    let checked = 0;
    const unchecked: Array<{ offset: number; text: string }> = [];
    for (const chunk of chunks) {
      let result = next.get(chunk.text) ?? this.cached(chunk.text);
      if (!result && checked > 0 && pause?.spent() && !budget?.spent()) {
        for (const [chunkText, done] of next) this.cache.set(chunkText, done);
        return undefined;
      }
      if (!result && !budget?.spent()) {
        // A chunk re-checked for a changed CRD keeps its parse.
        result = this.checkChunk(chunk.text, budget, this.parsedAhead.get(chunk.text) ?? this.cache.get(chunk.text)?.documents);
        if (result) checked++;
      }
      // Out of time: documents already cached still report, the others are named by one finding below.
      if (!result) {
        unchecked.push(chunk);
        continue;
      }
      next.set(chunk.text, result);
      for (const f of placedFindings(result, chunk.offset)) findings.push(f);
    }
    // Keep only what this version of the text uses, so memory follows the file, not its history. A run that stopped
    // early keeps the rest too: the next one resumes from there instead of starting over.
    if (unchecked.length === 0) this.cache = next;
    else for (const [chunkText, result] of next) this.cache.set(chunkText, result);
    this.parsedAhead.clear();
    this.lastStats = { chunks: chunks.length, checkedChunks: checked, ...(unchecked.length > 0 ? { uncheckedChunks: unchecked.length } : {}) };
    const severity = this.severityOf(DOCUMENT_TOO_LARGE);
    if (unchecked.length > 0 && budget && severity) {
      const stopped = firstLineFinding(unchecked[0].text, severity, cancelledMessage(budget.ms, unchecked.length));
      findings.push(shiftFinding(stopped, unchecked[0].offset));
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return findings;
  }

  /**
   * Reads the CRDs of the file's chunks, parsing only chunks not seen before that may hold one, and makes the set the
   * chunks are checked with: a CRD applies to the whole file it is in, above it too. The parses it makes wait in
   * parsedAhead for checkChunk. False when it paused (after parsing at least one chunk); what it read is kept.
   */
  private readFileCrds(chunks: ReadonlyArray<{ text: string }>, pause?: Budget): boolean {
    const byChunk = new Map<string, readonly CustomResourceSchema[]>();
    const own: CustomResourceSchema[] = [];
    let parsedSome = false;
    for (const { text } of chunks) {
      let crds = byChunk.get(text) ?? this.crdsByChunk.get(text);
      if (!crds) {
        if (parsedSome && pause?.spent()) {
          for (const [chunkText, read] of byChunk) this.crdsByChunk.set(chunkText, read);
          return false;
        }
        crds = [];
        if (mayDefineCrd(text) && limitFor(text) === 'full') {
          const documents = this.cache.get(text)?.documents ?? this.parsedAhead.get(text) ?? parseChunkText(text);
          this.parsedAhead.set(text, documents);
          crds = readCrdsInChunk(text, documents);
          parsedSome = true;
        }
      }
      byChunk.set(text, crds);
      own.push(...crds);
    }
    this.crdsByChunk = byChunk;
    // The same CRDs as last time give the same set: a cached chunk's dependencies are then checked against a set
    // that has not been rebuilt.
    const last = this.ownCrds;
    if (!last || last.external !== this.external || last.crds.length !== own.length || last.crds.some((crd, i) => crd !== own[i])) {
      this.ownCrds = { external: this.external, crds: own };
      this.resources = this.external.with(own);
    }
    return true;
  }

  /** A chunk's cached result, unless a CRD its objects depend on has changed since. */
  private cached(chunkText: string): ChunkResult | undefined {
    const result = this.cache.get(chunkText);
    if (!result) return undefined;
    if (result.validIn === this.resources) return result;
    if (!result.dependsOn.every(([apiVersion, kind, token]) => this.resources.token(apiVersion, kind) === token)) return undefined;
    result.validIn = this.resources;
    return result;
  }

  /** The parse of a chunk of the last text linted, if it was checked (for the workspace index, which needs one too). */
  documentsOf(chunkText: string): Document.Parsed[] | undefined {
    return this.cache.get(chunkText)?.documents;
  }

  /** The severity a rule runs at, or undefined when it is off. */
  private severityOf(ruleId: string): Severity | undefined {
    return this.rules.find((active) => active.rule.meta.id === ruleId)?.severity;
  }

  /** The document-too-large finding for a chunk over a size limit, when the rule is on. */
  private tooLarge(chunkText: string, limit: Exclude<DocumentLimit, 'full'>): Finding[] {
    const severity = this.severityOf(DOCUMENT_TOO_LARGE);
    return severity ? [firstLineFinding(chunkText, severity, tooLargeMessage(chunkText.length, limit))] : [];
  }

  /** Lints one `---` chunk on its own (offsets relative to it), from the cache when its text was seen last time. */
  lintChunk(chunkText: string): Finding[] {
    // Without a budget checkChunk always finishes.
    const result = this.cached(chunkText) ?? this.checkChunk(chunkText, undefined, this.cache.get(chunkText)?.documents)!;
    this.cache.set(chunkText, result);
    return result.findings;
  }

  /**
   * Parses (unless `parsed` is its parse) and checks one chunk; undefined when the budget ran out first (nothing of it
   * is kept).
   */
  private checkChunk(chunkText: string, budget?: Budget, parsed?: Document.Parsed[]): ChunkResult | undefined {
    const limit = limitFor(chunkText);
    // Other YAML is left alone, however large: only a chunk that looks like Kubernetes hears about its size.
    if (limit === 'unparsed') return { documents: [], findings: looksLikeKubernetes(chunkText) ? this.tooLarge(chunkText, limit) : [], dependsOn: [] };
    const documents = parsed ?? parseChunkText(chunkText);
    const findings: Finding[] = [];
    const dependsOn: ChunkResult['dependsOn'] = [];
    if (isTemplate(chunkText, documents)) return { documents, findings, dependsOn };
    const chunkIsKubernetes = looksLikeKubernetes(chunkText);
    let checkedKubernetes = false;
    for (const document of documents) {
      const identity = kubernetesIdentity(document);
      if (identity) dependsOn.push([identity.apiVersion, identity.kind, this.resources.token(identity.apiVersion, identity.kind)]);
      if (!identity && !chunkIsKubernetes) continue;
      checkedKubernetes = true;
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
        this.runRule(active, fixContext, run, findings);
      }
    }
    if (limit === 'syntax-only' && checkedKubernetes) findings.push(...this.tooLarge(chunkText, limit));
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    // Suppressions are judged against every rule's findings for the chunk, so they come last, and are cached with them.
    const severities = new Map(this.rules.map((a) => [a.rule.meta.id, a.severity] as const));
    return { documents, findings: applySuppressions({ chunkText, documents, findings, active: severities, keepSuppressed: this.options.keepSuppressed }), dependsOn };
  }

  private runRule(active: ActiveRule, fixContext: FixContext, run: (ctx: RuleContext) => void, into: Finding[]): void {
    const found: Finding[] = [];
    const ctx: RuleContext = {
      source: fixContext.chunkText,
      options: active.options,
      kubernetesVersion: this.kubernetesVersion,
      customResources: this.resources,
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
function placedFindings(result: ChunkResult, offset: number): Finding[] {
  if (result.placed?.offset !== offset) result.placed = { offset, findings: result.findings.map((f) => shiftFinding(f, offset)) };
  return result.placed.findings;
}

/** A chunk's finding with its offsets, and those of its fixes, moved to where the chunk sits in the file. */
function shiftFinding(finding: Finding, offset: number): Finding {
  const shifted = { ...finding, start: finding.start + offset, end: finding.end + offset };
  const fixes = finding.fixes;
  if (fixes) shifted.fixes = (request) => shiftFixes(fixes(request), offset);
  const suppressions = finding.suppressions;
  if (suppressions) shifted.suppressions = (request) => shiftFixes(suppressions(request), offset);
  return shifted;
}

/** Lints text once, without keeping a cache. */
export function lintText(text: string, config: LintConfig = {}, options: LintOptions = {}): Finding[] {
  return new ManifestLinter(config, options).lint(text);
}
