// Validation scheduling and publishing: lint a document when it opens and shortly after it changes, publish its
// findings as LSP diagnostics (toDiagnostic.ts), and never publish a result for text the editor no longer shows.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chunkHolding } from '../engine/chunked-text';
import type { ChunkSlice } from '../engine/chunked-text';
import type { Document } from 'yaml';
import { CustomResources, ManifestLinter } from '../engine';
import { withChunkSuppressFixes } from '../engine/suppress/apply';
import type { Finding, LintConfig, LintSlice } from '../engine';
import type { CustomKindsSource } from '../engine/complete/custom-kinds';
import type { KubewrightSettings, SettingsStore } from './configuration';
import { describeError, runSafe } from './safety';
import { chunksOf, positionsOf } from './documentPositions';
import { toDiagnostic } from './toDiagnostic';
import type { RuleDocsLinks } from './toDiagnostic';

/**
 * How long a burst of keystrokes must pause before it is linted. A change after a quiet spell (no lint of the
 * document for this long) is linted at once: an edit costs a few milliseconds, as only the changed `---` document is
 * re-checked. Changes that follow it within this window are collapsed into one lint when they pause, so squiggles
 * do not flicker on every character. 75 ms is below what reads as a delay.
 */
export const CHANGE_DEBOUNCE_MS = 75;

/**
 * How long one validation may spend on documents it has not checked before; then it stops, publishes what it found
 * and a document-too-large info where it stopped, and logs it. An edit re-checks only its own document (milliseconds),
 * and the largest real file in the corpus (argo-cd's 1.9 MB install.yaml) opens in 1-3 s, so only hostile or
 * machine-generated files reach it; the next edit resumes from the cache. KUBEWRIGHT_VALIDATION_BUDGET_MS overrides
 * it, for tests.
 */
const budgetFromEnv = process.env.KUBEWRIGHT_VALIDATION_BUDGET_MS;
export const VALIDATION_BUDGET_MS = budgetFromEnv && Number(budgetFromEnv) >= 0 ? Number(budgetFromEnv) : 5_000;

/**
 * How long a validation runs before it lets the server answer requests and hear changes. An edit's validation takes a
 * few milliseconds and never pauses; opening a 34k-line file takes about a second, in slices this long, so a hover or a
 * keystroke during it waits at most about a frame. KUBEWRIGHT_VALIDATION_SLICE_MS overrides it, for tests.
 */
const sliceFromEnv = process.env.KUBEWRIGHT_VALIDATION_SLICE_MS;
export const VALIDATION_SLICE_MS = sliceFromEnv && Number(sliceFromEnv) >= 0 ? Number(sliceFromEnv) : 15;

/** Per open document: its linter (which caches per `---` chunk, so it must live as long as the document). */
interface OpenDocument {
  linter?: ManifestLinter;
  /** The rule settings the linter was made with, as JSON: a settings change that changes nothing keeps the cache. */
  linterConfig?: string;
  debounce?: NodeJS.Timeout;
  /** A lint waiting for the changes already received to be applied (see settle). */
  settling?: NodeJS.Immediate;
  /** When the last lint started (performance.now()): a change within CHANGE_DEBOUNCE_MS of it is part of a burst. */
  lastRunAt: number;
  /** Counts validations started; a result is published only if no later one started meanwhile. */
  latestRun: number;
  /** The findings of the last lint, for code actions on the same version. */
  lastFindings?: { version: number; findings: Finding[] };
  /** A validation under way, in slices: requests about the same version wait for it instead of linting the rest at once. */
  validating?: { version: number; done: Promise<void> };
}

/** The parses a linter already made of a document's `---` chunks, by chunk text. */
export type ParsedChunks = (chunkText: string) => Document.Parsed[] | undefined;

/** The cross-file findings of an open document's current text (workspaceIndex.ts), which it also feeds the index. */
export interface CrossFileSource {
  findingsFor(uri: string, chunks: readonly ChunkSlice[], config: LintConfig, parsed?: ParsedChunks): Finding[];
  /** The CRDs of the workspace and the open documents: the same object until one of them changes. */
  customResources(): CustomResources;
}

export class DiagnosticsScheduler {
  private readonly open = new Map<string, OpenDocument>();
  /** Set by the server once the workspace index exists; without it documents get their own findings only. */
  crossFile?: CrossFileSource;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly docs: RuleDocsLinks,
  ) {}

  /**
   * Called on open and on every change. A document not seen yet was just opened: lint it at once (the promise ends
   * with its publish).
   */
  contentChanged(document: TextDocument): Promise<void> | undefined {
    const state = this.open.get(document.uri);
    if (!state) {
      this.open.set(document.uri, { latestRun: 0, lastRunAt: -Infinity });
      return this.validate(document.uri);
    }
    if (state.settling) return; // the lint it waits for will see this change too
    if (state.debounce || performance.now() - state.lastRunAt < CHANGE_DEBOUNCE_MS) {
      clearTimeout(state.debounce);
      state.debounce = setTimeout(() => {
        state.debounce = undefined;
        void this.validate(document.uri);
      }, CHANGE_DEBOUNCE_MS);
      return;
    }
    this.settle(document.uri, state, -1);
  }

  /**
   * Lints once the changes that had already arrived are applied. The connection handles one queued message per turn
   * of the event loop, so a turn that ends with the version unchanged means none was waiting: keystrokes that
   * arrived together get one lint, for the last, and a lone change gets it within a fraction of a millisecond.
   */
  private settle(uri: string, state: OpenDocument, seenVersion: number): void {
    state.settling = setImmediate(() => {
      state.settling = undefined;
      const version = this.documents.get(uri)?.version;
      if (version === undefined || this.open.get(uri) !== state) return;
      if (version !== seenVersion) this.settle(uri, state, version);
      else void this.validate(uri);
    });
  }

  private cancelPending(state: OpenDocument): void {
    clearTimeout(state.debounce);
    state.debounce = undefined;
    clearImmediate(state.settling);
    state.settling = undefined;
  }

  /** Settings changed (or, from the workspace index, what `exceptUri` depends on): lint every other open document again, now. */
  revalidateAll(exceptUri?: string): void {
    for (const [uri, state] of this.open) {
      if (uri === exceptUri) continue;
      this.cancelPending(state);
      void this.validate(uri);
    }
  }

  /** The document closed: stop any pending work, drop its linter and take its diagnostics off the Problems panel. */
  closed(uri: string): Promise<void> {
    const state = this.open.get(uri);
    if (state) this.cancelPending(state);
    this.open.delete(uri);
    return runSafe(this.connection.console, `clearing ${uri}`, undefined, () =>
      this.connection.sendDiagnostics({ uri, diagnostics: [] }),
    );
  }

  dispose(): void {
    for (const state of this.open.values()) this.cancelPending(state);
    this.open.clear();
  }

  private validate(uri: string): Promise<void> {
    return runSafe(this.connection.console, `validating ${uri}`, undefined, async () => {
      const state = this.open.get(uri);
      const document = this.documents.get(uri);
      if (!state || !document) return;
      const run = ++state.latestRun;
      state.lastRunAt = performance.now();
      const version = document.version;

      const settings = await this.settings.forDocument(uri);
      // While settings were on their way the document may have changed, closed, or been queued for another run.
      if (this.open.get(uri) !== state || state.latestRun !== run || this.documents.get(uri)?.version !== version) return;

      if (!settings.enable) {
        state.linter = undefined;
        state.linterConfig = undefined;
        await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      const linter = this.linterFor(state, settings);
      // A long validation (opening a large file) goes in slices, so that requests and changes are heard in between:
      // a change starts a newer run, which resumes from the documents this one checked.
      const slice = { pauseAfterMs: VALIDATION_SLICE_MS, startedAt: performance.now() };
      let finished!: () => void;
      const validating = { version, done: new Promise<void>((resolve) => (finished = resolve)) };
      state.validating = validating;
      let findings: Finding[] | undefined;
      try {
        while (!(findings = this.lintWithCrossFile(uri, chunksOf(document), settings, linter, slice))) {
          await new Promise((resolve) => setImmediate(resolve));
          if (this.open.get(uri) !== state || state.latestRun !== run || this.documents.get(uri)?.version !== version) return;
        }
        state.lastFindings = { version, findings };
      } finally {
        if (state.validating === validating) state.validating = undefined;
        finished();
      }
      // From here to the publish nothing awaits, so the findings are those of the text at `version`.
      const unchecked = linter.lastStats.uncheckedChunks;
      if (unchecked) {
        this.connection.console.warn(`Kubewright: validating ${uri} took over ${VALIDATION_BUDGET_MS} ms; stopped with ${unchecked} of ${linter.lastStats.chunks} documents unchecked`);
      }
      const lines = positionsOf(document);
      const diagnostics = findings.map((finding) => toDiagnostic(finding, lines, this.docs));
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    });
  }

  /**
   * The findings for a document's current text, with the settings in force for it: those of the last validation
   * when it saw this version, else linted now (only changed `---` documents are re-checked). Undefined when the
   * document is not open or Kubewright is off for it. With them, the document's linter, whose parses fix-all reuses.
   */
  async currentFindings(uri: string): Promise<{ document: TextDocument; settings: KubewrightSettings; findings: Finding[]; linter: ManifestLinter } | undefined> {
    const state = this.open.get(uri);
    const settings = await this.settings.forDocument(uri);
    const document = this.documents.get(uri);
    if (!state || !document || !settings.enable) return undefined;
    // A large file's validation under way for this version: wait for it between its slices rather than lint the rest
    // here at once, which would hold up every other request until it is done.
    while (state.validating && state.validating.version === document.version) await state.validating.done;
    if (this.open.get(uri) !== state) return undefined;
    const linter = this.linterFor(state, settings);
    const last = state.lastFindings;
    if (last && last.version === document.version) return { document, settings, findings: last.findings, linter };
    const findings = this.lintWithCrossFile(uri, chunksOf(document), settings, linter);
    state.lastFindings = { version: document.version, findings };
    return { document, settings, findings, linter };
  }

  /**
   * Where completion and hover find a document's custom kinds, as its linter does: the CRDs of the workspace and the
   * open documents (none before the index exists), and those the linter read from the document's chunks.
   */
  customKinds(uri: string): CustomKindsSource {
    const linter = this.open.get(uri)?.linter;
    return { customResources: this.crossFile?.customResources() ?? CustomResources.none, crdsOf: linter && ((chunkText) => linter.crdsOf(chunkText)) };
  }

  /** The parses the document's linter keeps, by chunk text: what a request about the whole text can reuse. */
  parsedChunks(uri: string): ParsedChunks | undefined {
    const linter = this.open.get(uri)?.linter;
    return linter && ((chunkText) => linter.documentsOf(chunkText));
  }

  /**
   * A document's own findings and its cross-file ones, in offset order. Code actions and hovers see both: a cross-file
   * finding has no fix, but explaining its rule on hover is as useful as for any other. The index takes the linter's
   * parses, so an edited chunk is parsed once.
   */
  private lintWithCrossFile(uri: string, chunks: readonly ChunkSlice[], settings: KubewrightSettings, linter: ManifestLinter): Finding[];
  private lintWithCrossFile(uri: string, chunks: readonly ChunkSlice[], settings: KubewrightSettings, linter: ManifestLinter, slice: LintSlice): Finding[] | undefined;
  private lintWithCrossFile(uri: string, chunks: readonly ChunkSlice[], settings: KubewrightSettings, linter: ManifestLinter, slice?: LintSlice): Finding[] | undefined {
    const before = this.crossFile?.customResources() ?? CustomResources.none;
    linter.useCustomResources(before);
    let own = slice ? linter.lintChunks(chunks, slice) : linter.lintChunks(chunks);
    if (!own) return undefined;
    const crossFile = this.crossFile?.findingsFor(uri, chunks, settings.lint, (chunk) => linter.documentsOf(chunk)) ?? [];
    const after = this.crossFile?.customResources();
    if (after && after !== before) {
      // The edit changed the workspace's CRDs (it removed one of this document's, which the index still held): lint
      // again, which re-checks only the objects of the kinds whose schema changed.
      linter.useCustomResources(after);
      own = linter.lintChunks(chunks);
    }
    if (crossFile.length === 0) return own;
    const suppressible = crossFile.map((finding) => {
      const chunk = chunkHolding(chunks, finding.start);
      const documents = chunk && linter.documentsOf(chunk.text);
      return chunk && documents ? withChunkSuppressFixes(finding, chunk, documents) : finding;
    });
    return [...own, ...suppressible].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private linterFor(state: OpenDocument, settings: KubewrightSettings): ManifestLinter {
    const config = JSON.stringify(settings.lint);
    if (!state.linter || state.linterConfig !== config) {
      state.linter = new ManifestLinter(settings.lint, {
        budgetMs: VALIDATION_BUDGET_MS,
        onRuleError: (ruleId, error) =>
          this.connection.console.error(`Kubewright: rule ${ruleId} failed; its findings are left out: ${describeError(error)}`),
      });
      state.linterConfig = config;
    }
    return state.linter;
  }
}
