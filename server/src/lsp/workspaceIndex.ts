// The workspace index as the language server keeps it: the YAML files of the workspace folders, read in the background
// with progress, then kept current from open editors (whose unsaved text wins over disk) and from file-watcher events;
// and the CRDs it and the open documents hold, for the schema of custom resources.
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { Connection, DidChangeWatchedFilesParams, InitializeParams } from 'vscode-languageserver';
import { CrossFileFindings, CustomResources, WorkspaceIndex } from '../engine';
import type { Finding, LintConfig, TextChunk } from '../engine';
import type { ParsedChunks } from './diagnostics';
import { describeError } from './safety';
import { enabledGlobs, keyOfUri, matches, readYaml, skippedFolder, stringGlobs, YAML_FILE } from './workspacePaths';

/**
 * How long the index waits after a change other files depend on before it re-validates the other open documents:
 * typing a label fires a validation every 75 ms, and re-checking every open file on each would storm.
 */
export const REVALIDATE_DEBOUNCE_MS = 200;

/** Files read at once: few enough that a request arriving mid-scan waits for one small batch only. */
const BATCH_SIZE = 16;

interface Folder {
  /** The folder's key (its `/`-separated path). */
  key: string;
  uri: string;
  /** kubewright.exclude and the enabled files.exclude globs, relative to the folder. */
  excludes: string[];
}

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
  private folders: Folder[] = [];
  /** Keys of the files open in an editor, with their URIs: their text comes from the editor, never from disk. */
  private readonly open = new Map<string, string>();
  private watchDynamically = false;
  private pullSettings = false;
  /** Bumped by each scan and by dispose: a scan that sees another number stops. */
  private generation = 0;
  private revalidateTimer?: NodeJS.Timeout;
  /** The document whose own edit caused the pending re-validation; undefined re-validates every open document. */
  private revalidateExcept?: string;

  constructor(
    private readonly connection: Connection,
    private readonly revalidate: (exceptUri?: string) => void,
  ) {}

  useInitializeParams(params: InitializeParams): void {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.folders = folders.flatMap(({ uri }) => {
      const key = keyOfUri(uri);
      return key === undefined ? [] : [{ key: key.replace(/\/$/, ''), uri, excludes: [] }];
    });
    this.watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.pullSettings = params.capabilities.workspace?.configuration === true;
  }

  /** After `initialized`: asks the client to watch YAML files, then indexes the folders in the background. */
  async start(): Promise<void> {
    if (this.watchDynamically && this.folders.length > 0) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    await this.scan();
  }

  /** Settings changed: the excludes may have, so read the folders again (unchanged files are not re-parsed). */
  settingsChanged(): Promise<void> {
    return this.scan();
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
    if (key === undefined || !this.included(key)) return undefined;
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

  /** Reads a file that is not open into the index, or drops it when it is gone or not ours; true when others may care. */
  private async refresh(key: string): Promise<boolean> {
    const text = this.included(key) && YAML_FILE.test(key) ? await readYaml(key) : undefined;
    if (this.open.has(key)) return false; // opened while it was being read
    return text === undefined ? this.index.deleteFile(key) : this.index.setFile(key, text);
  }

  private async scan(): Promise<void> {
    const generation = ++this.generation;
    if (this.folders.length === 0) return; // no workspace: the open documents are all there is
    await this.readExcludes();
    const started = performance.now();
    const files: string[] = [];
    for (const folder of this.folders) await this.walk(folder, folder.key, files, generation);
    if (generation !== this.generation) return;

    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(`Kubewright: indexing ${files.length} YAML files`, 0, undefined, false);
    let changed = false;
    try {
      for (let i = 0; i < files.length; i += BATCH_SIZE) {
        const batch = files.slice(i, i + BATCH_SIZE);
        const texts = await Promise.all(batch.map(readYaml));
        if (generation !== this.generation) return; // a newer scan (settings changed) or shutdown took over
        batch.forEach((key, j) => {
          const text = texts[j];
          if (this.open.has(key)) return;
          changed = (text === undefined ? this.index.deleteFile(key) : this.index.setFile(key, text)) || changed;
        });
        progress.report(Math.round((100 * (i + batch.length)) / files.length), `${i + batch.length}/${files.length}`);
        // Let queued messages (a keystroke, a hover) be answered before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Files excluded since the last scan, or deleted while no watcher ran, leave the index.
      const found = new Set(files);
      for (const object of this.index.all()) {
        if (!found.has(object.file) && !this.open.has(object.file)) changed = this.index.deleteFile(object.file) || changed;
      }
      // Before the progress ends, so whoever waits for the end has the figure too.
      this.connection.console.log(`Kubewright: indexed ${files.length} YAML files in ${Math.round(performance.now() - started)} ms`);
    } finally {
      progress.done();
    }
    // At once, not debounced: the documents opened before the scan ended are the only ones missing its findings.
    if (changed) this.revalidate();
  }

  /** Collects the YAML files under `dir` that are not excluded, yielding between folders. */
  private async walk(folder: Folder, dir: string, files: string[], generation: number): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // gone or unreadable: nothing to index there
    }
    for (const entry of entries) {
      if (generation !== this.generation) return;
      const key = `${dir}/${entry.name}`;
      const relative = key.slice(folder.key.length + 1);
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name) && !matches(folder.excludes, relative, true)) await this.walk(folder, key, files, generation);
      } else if (entry.isFile() && YAML_FILE.test(entry.name) && !matches(folder.excludes, relative, false)) {
        files.push(key);
      }
    }
  }

  private folderOf(key: string): Folder | undefined {
    return this.folders.find((f) => key.startsWith(`${f.key}/`));
  }

  /** Whether a file lies in a workspace folder, outside skipped and excluded folders, and matches no exclude glob. */
  private included(key: string): boolean {
    const folder = this.folderOf(key);
    if (!folder) return false;
    const parts = key.slice(folder.key.length + 1).split('/');
    for (let i = 1; i < parts.length; i++) {
      if (skippedFolder(parts[i - 1]) || matches(folder.excludes, parts.slice(0, i).join('/'), true)) return false;
    }
    return !matches(folder.excludes, parts.join('/'), false);
  }

  /** Each folder's `kubewright.exclude` and `files.exclude`, asked of the client with the folder as scope. */
  private async readExcludes(): Promise<void> {
    if (!this.pullSettings) return;
    for (const folder of this.folders) {
      try {
        const [kubewright, files] = (await this.connection.workspace.getConfiguration([
          { scopeUri: folder.uri, section: 'kubewright' },
          { scopeUri: folder.uri, section: 'files' },
        ])) as unknown[];
        const own = typeof kubewright === 'object' && kubewright !== null ? (kubewright as { exclude?: unknown }).exclude : undefined;
        const fileExcludes = typeof files === 'object' && files !== null ? (files as { exclude?: unknown }).exclude : undefined;
        folder.excludes = [...stringGlobs(own), ...enabledGlobs(fileExcludes)];
      } catch (error) {
        this.connection.console.error(`Kubewright: could not read the excludes of ${folder.uri}: ${describeError(error)}`);
      }
    }
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
