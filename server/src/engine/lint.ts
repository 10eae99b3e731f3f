// The engine's entry point: lint a file's text with the active rules. A ManifestLinter remembers each chunk's
// parse and findings by its text, so re-linting after an edit only re-parses and re-checks the chunks that changed
// (and those whose custom kind's CRD changed).
import type { Document } from 'yaml';
import { splitChunks, parseChunkText } from './parse';
import type { ChunkSlice } from './chunked-text';
import { Budget, cancelledMessage, DOCUMENT_TOO_LARGE, firstLineFinding, limitFor } from './limits';
import { activeRules } from './config';
import { parseKubernetesVersion } from './k8s/kubernetes-version';
import { LATEST_KUBERNETES_VERSION } from './k8s/api-lifecycle';
import { ChunkChecker, placedFindings, shiftFinding } from './check-chunk';
import type { ChunkResult } from './check-chunk';
import { CustomResources } from './schema/crd/custom-resources';
import type { CustomResourceSchema } from './schema/crd/custom-resources';
import { mayDefineCrd, readCrdsInChunk } from './schema/crd/read';
import type { Finding, LintConfig, Rule } from './types';

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

export class ManifestLinter {
  private readonly checker: ChunkChecker;
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
    // The settings reader and the CLI reject a malformed version; here it falls back rather than fail a lint.
    const kubernetesVersion = parseKubernetesVersion(config.kubernetesVersion) ?? parseKubernetesVersion(LATEST_KUBERNETES_VERSION)!;
    this.checker = new ChunkChecker(activeRules(config, options.rules), kubernetesVersion, options);
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
        result = this.checker.check(chunk.text, this.resources, budget, this.parsedAhead.get(chunk.text) ?? this.cache.get(chunk.text)?.documents);
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
    const severity = this.checker.severityOf(DOCUMENT_TOO_LARGE);
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
   * parsedAhead for the check. False when it paused (after parsing at least one chunk); what it read is kept.
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

  /** The CRDs a chunk of the last text linted defines (most define none); undefined for a chunk not read. */
  crdsOf(chunkText: string): readonly CustomResourceSchema[] | undefined {
    return this.crdsByChunk.get(chunkText);
  }

  /** Lints one `---` chunk on its own (offsets relative to it), from the cache when its text was seen last time. */
  lintChunk(chunkText: string): Finding[] {
    // Without a budget the check always finishes.
    const result = this.cached(chunkText) ?? this.checker.check(chunkText, this.resources, undefined, this.cache.get(chunkText)?.documents)!;
    this.cache.set(chunkText, result);
    return result.findings;
  }

}

/** Lints text once, without keeping a cache. */
export function lintText(text: string, config: LintConfig = {}, options: LintOptions = {}): Finding[] {
  return new ManifestLinter(config, options).lint(text);
}
