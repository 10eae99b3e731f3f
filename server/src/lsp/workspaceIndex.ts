// The workspace index as the language server keeps it: the YAML files of the workspace folders (those added later
// too), read in the background with progress, then kept current from open editors (whose unsaved text wins over disk)
// and from file-watcher events; and the CRDs it and the open documents hold, for the schema of custom resources.
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { Connection, DidChangeWatchedFilesParams, InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { CrossFileFindings, CustomResources, WorkspaceIndex } from '../engine';
import type { Finding, LintConfig, TextChunk } from '../engine';
import type { ConfigExclude } from './configFiles';
import type { ParsedChunks } from './diagnostics';
import { describeError } from './safety';
import { keyOfUri, readYaml, YAML_FILE } from './workspacePaths';
import { WorkspaceScope } from './workspaceScope';
import type { Folder } from './workspaceScope';

/**
 * How long the index waits after a change other files depend on before it re-validates the other open documents:
 * typing a label fires a validation every 75 ms, and re-checking every open file on each would storm.
 */
export const REVALIDATE_DEBOUNCE_MS = 200;

/** Files read at once: few enough that a request arriving mid-scan waits for one small batch only. */
const BATCH_SIZE = 16;

/** Puts a file's text, whole or split into chunks, in an index; true when others' findings may change. */
function setText(index: WorkspaceIndex, key: string, text: string | readonly TextChunk[], parsed?: ParsedChunks): boolean {
  return typeof text === 'string' ? index.setFile(key, text, parsed) : index.setChunks(key, text, parsed);
}

export class WorkspaceFiles {
  private readonly index = new WorkspaceIndex();
  /** The open documents' cross-file findings, kept per chunk while nothing they depend on changes. */
  private readonly findings = new CrossFileFindings(this.index);
  /** Open documents outside the workspace folders, by URI: they take no part in cross-file rules, but their CRDs count. */
  private readonly outside = new WorkspaceIndex({ crdsOnly: true });
  private merged?: { inside: CustomResources; outside: CustomResources; set: CustomResources };
  private readonly scope: WorkspaceScope;
  /** Keys of the files open in an editor, with their URIs: their text comes from the editor, never from disk. */
  private readonly open = new Map<string, string>();
  private watchDynamically = false;
  private watching = false;
  private pullSettings = false;
  private clientHasFolders = false;
  private started = false;
  /** Bumped by each scan and by dispose: a scan that sees another number stops. */
  private generation = 0;
  /** Folders whose scan has not finished: a newer scan takes over the ones an older one left. */
  private readonly unscanned = new Set<Folder>();
  /** Set when folders were added: once their scan ends, every open document is checked again, changed or not. */
  private revalidateAfterScan = false;
  private revalidateTimer?: NodeJS.Timeout;
  /** The document whose own edit caused the pending re-validation; undefined re-validates every open document. */
  private revalidateExcept?: string;

  constructor(
    private readonly connection: Connection,
    /** The exclude globs of the .kubewright.yaml governing a folder (a path): ConfigFiles.excludesFor. */
    configExcludesFor: (folderPath: string) => Promise<ConfigExclude | undefined>,
    private readonly revalidate: (exceptUri?: string) => void,
  ) {
    this.scope = new WorkspaceScope(connection, configExcludesFor);
  }

  useInitializeParams(params: InitializeParams): void {
    this.scope.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    this.watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.pullSettings = params.capabilities.workspace?.configuration === true;
    this.clientHasFolders = params.capabilities.workspace?.workspaceFolders === true;
  }

  /**
   * Whether to follow workspace folders added and removed: only a client that said it has workspace folders sends
   * their changes (and vscode-languageserver has no handler to give otherwise).
   */
  get followsFolders(): boolean {
    return this.clientHasFolders;
  }

  /** After `initialized`: asks the client to watch YAML files, then indexes the folders in the background. */
  async start(): Promise<void> {
    this.started = true;
    await this.watch();
    await this.scan(this.scope.all);
  }

  /** Settings changed: the excludes may have, so read the folders again (unchanged files are not re-parsed). */
  settingsChanged(): Promise<void> {
    return this.started ? this.scan(this.scope.all) : Promise.resolve();
  }

  /** The exclude globs of a .kubewright.yaml may have changed: read the folders again with the ones now in force. */
  configExcludesChanged(): Promise<void> {
    this.scope.configChanged();
    return this.started ? this.scan(this.scope.all) : Promise.resolve();
  }

  /**
   * Workspace folders were added or removed. An added folder is read in the background like the first ones; a removed
   * folder's files leave the index, and its open documents are then documents outside the folders. Every open
   * document's findings are checked again, as what they refer to may have come or gone.
   */
  async foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const added = this.scope.change(event);
    for (const folder of this.unscanned) if (!this.scope.all.includes(folder)) this.unscanned.delete(folder);
    let changed = false;
    for (const file of this.index.fileNames()) {
      if (this.scope.folderOf(file)) continue;
      changed = this.index.deleteFile(file) || changed;
      if (this.open.delete(file)) {
        this.findings.forget(file);
        changed = true; // its own cross-file findings go
      }
    }
    if (changed) this.scheduleRevalidation();
    if (!this.started) {
      // The first scan reads every folder there is when it starts; the open documents in added ones join now.
      if (added.length > 0) this.scheduleRevalidation();
      return;
    }
    if (added.length > 0) this.revalidateAfterScan = true;
    await this.watch();
    // Also when nothing was added: a scan a removal stopped resumes with the folders left.
    await this.scan(added);
  }

  /**
   * The cross-file findings of an open document, after putting its current text in the index. When that text changed
   * something other files depend on, the other open documents are re-validated shortly. A document outside the
   * workspace folders, or excluded, takes no part: what it would be compared with is not known. Its CRDs still count.
   * `text` may come split into its `---` chunks already: unchanged chunks, the same strings as before, are not re-read
   * and keep their findings.
   */
  findingsFor(uri: string, text: string | readonly TextChunk[], config: LintConfig, parsed?: ParsedChunks): Finding[] {
    const key = this.track(uri, text, parsed);
    if (key === undefined) {
      this.changeOutside(uri, () => setText(this.outside, uri, text, parsed));
      return [];
    }
    const onRuleError = (ruleId: string, error: unknown) =>
      this.connection.console.error(`Kubewright: rule ${ruleId} failed; its findings are left out: ${describeError(error)}`);
    return this.findings.of(key, config, { onRuleError });
  }

  /**
   * Puts an open document's current text in the index (navigation may ask before its validation ran) and returns its
   * key, or undefined when it takes no part (outside the folders, excluded).
   */
  track(uri: string, text: string | readonly TextChunk[], parsed?: ParsedChunks): string | undefined {
    const key = keyOfUri(uri);
    const included = key === undefined ? false : this.scope.includedNow(key);
    if (key !== undefined && included === undefined) void this.checkConfigExcludes(key);
    if (key === undefined || included === false) {
      if (key !== undefined) this.leave(key, uri);
      return undefined;
    }
    if (this.outside.has(uri)) this.changeOutside(uri, () => this.outside.deleteFile(uri)); // its folder was added
    this.open.set(key, uri);
    if (setText(this.index, key, text, parsed)) this.scheduleRevalidation(uri);
    return key;
  }

  /** The index, for navigation: read it right after `track`, as it may change between requests. */
  get objects(): WorkspaceIndex {
    return this.index;
  }

  /** The URI of an indexed file: the editor's own when it is open (it may spell the path differently), else file:. */
  uriOf(key: string): string {
    return this.open.get(key) ?? pathToFileURL(key).href;
  }

  /** The editor closed a document: what is on disk counts again (or nothing, if it was never saved or is excluded). */
  async closed(uri: string): Promise<void> {
    if (this.outside.has(uri)) this.changeOutside(undefined, () => this.outside.deleteFile(uri));
    const key = keyOfUri(uri);
    if (key === undefined || !this.open.delete(key)) return;
    this.findings.forget(key);
    if (await this.refresh(key)) this.scheduleRevalidation();
  }

  async filesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    let changed = false;
    for (const { uri, type } of params.changes) {
      const key = keyOfUri(uri);
      if (key === undefined || this.open.has(key)) continue; // an open editor's text wins over disk
      if (type === FileChangeType.Deleted) changed = this.index.deleteFile(key) || changed;
      else changed = (await this.refresh(key)) || changed;
    }
    if (changed) this.scheduleRevalidation();
  }

  /**
   * The custom kinds of the CRDs in the workspace folders and in open documents, unsaved text included (the same
   * object while none of them changes). The linted document's own CRDs are added by the linter.
   */
  customResources(): CustomResources {
    const inside = this.index.customResources();
    const outside = this.outside.customResources();
    if (outside.size === 0) return inside;
    if (this.merged?.inside !== inside || this.merged.outside !== outside) {
      this.merged = { inside, outside, set: inside.with(this.outside.crds()) };
    }
    return this.merged.set;
  }

  /** Applies a change to the documents outside the folders; when their CRDs changed, the other open ones are checked again. */
  private changeOutside(exceptUri: string | undefined, change: () => void): void {
    const before = this.outside.customResources();
    change();
    if (this.outside.customResources() !== before) this.scheduleRevalidation(exceptUri);
  }

  dispose(): void {
    this.generation++;
    clearTimeout(this.revalidateTimer);
  }

  /** An open document now excluded (by settings or a .kubewright.yaml): it leaves the index, as if never in it. */
  private leave(key: string, uri: string): void {
    if (this.open.delete(key)) this.findings.forget(key);
    if (this.index.deleteFile(key)) this.scheduleRevalidation(uri);
  }

  /**
   * An open document whose folder's config excludes were not known yet was taken in meanwhile: once they are, if they
   * exclude it, the open documents are checked again (which takes it out).
   */
  private async checkConfigExcludes(key: string): Promise<void> {
    if (!(await this.scope.includes(key)) && this.open.has(key)) this.scheduleRevalidation();
  }

  /** Reads a file that is not open into the index, or drops it when it is gone or not ours; true when others may care. */
  private async refresh(key: string): Promise<boolean> {
    const text = YAML_FILE.test(key) && (await this.scope.includes(key)) ? await readYaml(key) : undefined;
    if (this.open.has(key)) return false; // opened while it was being read
    return text === undefined ? this.index.deleteFile(key) : this.index.setFile(key, text);
  }

  /** Asks the client to watch YAML files, once there is a folder to watch. */
  private async watch(): Promise<void> {
    if (!this.watchDynamically || this.watching || this.scope.all.length === 0) return;
    this.watching = true;
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
  }

  /** Reads `folders`, and those an older scan left unfinished, into the index; stops when a newer scan starts. */
  private async scan(folders: readonly Folder[]): Promise<void> {
    const generation = ++this.generation;
    for (const folder of folders) this.unscanned.add(folder);
    const scanning = [...this.unscanned];
    if (scanning.length === 0) return; // no workspace: the open documents are all there is
    if (this.pullSettings) await this.scope.readExcludes(scanning);
    const started = performance.now();
    const current = () => generation === this.generation;
    const files = await this.scope.collect(scanning, current);
    if (!current()) return;

    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(`Kubewright: indexing ${files.length} YAML files`, 0, undefined, false);
    let changed = false;
    try {
      for (let i = 0; i < files.length; i += BATCH_SIZE) {
        const batch = files.slice(i, i + BATCH_SIZE);
        const texts = await Promise.all(batch.map(readYaml));
        if (!current()) return; // a newer scan (settings or folders changed) or shutdown took over
        batch.forEach((key, j) => {
          const text = texts[j];
          if (this.open.has(key)) return;
          changed = (text === undefined ? this.index.deleteFile(key) : this.index.setFile(key, text)) || changed;
        });
        progress.report(Math.round((100 * (i + batch.length)) / files.length), `${i + batch.length}/${files.length}`);
        // Let queued messages (a keystroke, a hover) be answered before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Files of these folders excluded since the last scan, or deleted while no watcher ran, leave the index.
      const found = new Set(files);
      for (const file of this.index.fileNames()) {
        const folder = this.scope.folderOf(file);
        if (folder && scanning.includes(folder) && !found.has(file) && !this.open.has(file)) changed = this.index.deleteFile(file) || changed;
      }
      for (const folder of scanning) this.unscanned.delete(folder);
      // Before the progress ends, so whoever waits for the end has the figure too.
      this.connection.console.log(`Kubewright: indexed ${files.length} YAML files in ${Math.round(performance.now() - started)} ms`);
    } finally {
      progress.done();
    }
    // At once, not debounced: the documents opened before the scan ended are the only ones missing its findings.
    if (changed || this.revalidateAfterScan) this.revalidate();
    this.revalidateAfterScan = false;
  }

  private scheduleRevalidation(exceptUri?: string): void {
    // Two different causes in one window: every open document may be affected.
    if (!this.revalidateTimer) this.revalidateExcept = exceptUri;
    else if (this.revalidateExcept !== exceptUri) this.revalidateExcept = undefined;
    clearTimeout(this.revalidateTimer);
    this.revalidateTimer = setTimeout(() => {
      this.revalidateTimer = undefined;
      this.revalidate(this.revalidateExcept);
    }, REVALIDATE_DEBOUNCE_MS);
  }
}
