// When the background scan of the workspace folders begins: after the first document opened has its diagnostics,
// so the file the user is looking at does not wait behind reading and parsing every YAML file of the workspace.

/**
 * How long after `initialized` the scan waits for a first document to open before it starts anyway (a workspace
 * opened with no YAML editor). VS Code opens the document that activated the extension right after `initialized`.
 */
export const NO_DOCUMENT_WAIT_MS = 300;

/** How long the scan waits for that first document's diagnostics at most: a client slow to answer settings holds it no longer. */
export const FIRST_CHECK_WAIT_MS = 2_000;

export class IndexingStart {
  private initializedYet = false;
  private startedYet = false;
  private firstSeen = false;
  private firstDone = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly startScan: () => void,
    /** Called when the first document's handling ends (whether or not the scan waited for it). */
    private readonly firstDocumentDone: () => void = () => undefined,
  ) {}

  /** True once the scan was asked to start: from then on a settings change must scan again. */
  get started(): boolean {
    return this.startedYet;
  }

  /** The client sent `initialized`: the scan starts once the first document is checked, or after the waits above. */
  initialized(): void {
    if (this.initializedYet) return;
    this.initializedYet = true;
    if (this.firstDone) return this.start();
    this.timer = setTimeout(() => {
      if (!this.firstSeen) return this.start();
      this.timer = setTimeout(() => this.start(), FIRST_CHECK_WAIT_MS - NO_DOCUMENT_WAIT_MS);
    }, NO_DOCUMENT_WAIT_MS);
  }

  /** Called with each content change's handling; only the first (the first open) counts, when its handling ends. */
  firstDocumentChecked(handled: Promise<unknown>): void {
    if (this.firstSeen) return;
    this.firstSeen = true;
    void handled.finally(() => {
      this.firstDone = true;
      this.firstDocumentDone();
      if (this.initializedYet) this.start();
    });
  }

  /** Shutdown before the scan began: it never will. */
  dispose(): void {
    clearTimeout(this.timer);
    this.startedYet = true;
  }

  private start(): void {
    if (this.startedYet) return;
    clearTimeout(this.timer);
    this.startedYet = true;
    this.startScan();
  }
}
