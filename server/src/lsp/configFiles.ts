// The `.kubewright.yaml` files as the language server keeps them: which one governs a document (the nearest above it),
// its last good configuration, and its problems published on the file itself; re-read on edit and on disk change.
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver';
import type { Connection, DidChangeWatchedFilesParams, InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, configProblemFinding, LineIndex, parseConfigFile } from '../engine';
import type { FileConfig } from '../engine';
import { toDiagnostic } from './toDiagnostic';
import type { RuleDocsLinks } from './toDiagnostic';

/** The configuration a document follows, and the file it comes from (a file: URI). */
export interface GoverningConfig {
  uri: string;
  config: FileConfig;
}

/** A config file's exclude globs and the folder (a `/`-separated path, like the index's keys) they are relative to. */
export interface ConfigExclude {
  folder: string;
  globs: readonly string[];
}

export function isConfigUri(uri: string): boolean {
  return uri.startsWith('file:') && path.posix.basename(new URL(uri).pathname) === CONFIG_FILE_NAME;
}

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ConfigFiles {
  /** By config path: its last good configuration (a file whose first version is invalid has none: it applies nothing). */
  private readonly lastGood = new Map<string, Promise<FileConfig | undefined>>();
  /** By folder: the config file that governs it, or null; dropped whenever a config file appears or disappears. */
  private readonly nearest = new Map<string, Promise<string | null>>();
  /** Config files open in the editor, by path: their text comes from there, never from disk. */
  private readonly openTexts = new Map<string, TextDocument>();
  /** The workspace folders' paths, in the client's order: the first one's config governs untitled documents. */
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    /** Links the problems, as the rules' findings, to the config-file docs page. */
    private readonly docs: RuleDocsLinks,
    /**
     * Called when what some document follows changed: settings must be read again and documents re-validated.
     * `excludesChanged` when the exclude globs some folder follows may have changed too: the workspace index must
     * be read again.
     */
    private readonly onChanged: (excludesChanged: boolean) => void,
  ) {}

  useInitializeParams(params: InitializeParams): void {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    this.folders = folders.flatMap(({ uri }) => fsPathOf(uri) ?? []);
  }

  /** Workspace folders added or removed: an untitled document follows the config of whichever is first now. */
  foldersChanged({ added, removed }: WorkspaceFoldersChangeEvent): void {
    const first = this.folders[0];
    const gone = new Set(removed.flatMap(({ uri }) => fsPathOf(uri) ?? []));
    this.folders = [...this.folders.filter((folder) => !gone.has(folder)), ...added.flatMap(({ uri }) => fsPathOf(uri) ?? [])];
    if (this.folders[0] !== first) this.onChanged(false);
  }

  /** The config governing a document: the nearest above a file, the first workspace folder's for an untitled one. */
  async forDocument(uri: string): Promise<GoverningConfig | undefined> {
    const documentPath = fsPathOf(uri);
    const folder = documentPath ? path.dirname(documentPath) : this.folders[0];
    if (folder === undefined) return undefined;
    const configPath = await this.find(folder);
    if (configPath === null) return undefined;
    const config = await this.load(configPath);
    return config ? { uri: pathToFileURL(configPath).href, config } : undefined;
  }

  /**
   * The exclude globs in force for the files of `folder` (a path): those of the nearest config file, as the CLI applies
   * them (a config in a subfolder replaces, never adds to, the one above).
   */
  async excludesFor(folder: string): Promise<ConfigExclude | undefined> {
    const configPath = await this.find(folder);
    if (configPath === null) return undefined;
    const globs = (await this.load(configPath))?.exclude ?? [];
    return globs.length === 0 ? undefined : { folder: path.dirname(configPath).split(path.sep).join('/'), globs };
  }

  /** The config file was opened or edited in the editor: check that text, and apply it if it is valid. */
  documentChanged(document: TextDocument): Promise<void> {
    const configPath = fsPathOf(document.uri);
    if (configPath === undefined) return Promise.resolve();
    this.openTexts.set(configPath, document);
    return this.reload(configPath);
  }

  /** The editor closed it: what is on disk counts again. */
  documentClosed(uri: string): Promise<void> {
    const configPath = fsPathOf(uri);
    if (configPath === undefined) return Promise.resolve();
    this.openTexts.delete(configPath);
    return this.reload(configPath);
  }

  /** File-watcher events: a config file created, changed or deleted on disk. */
  async filesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    for (const { uri, type } of params.changes) {
      const configPath = isConfigUri(uri) ? fsPathOf(uri) : undefined;
      if (configPath === undefined) continue;
      // Created or deleted: which file is nearest may have changed, and with it the excludes of the folders below.
      const governingChanged = type !== FileChangeType.Changed;
      if (governingChanged) this.nearest.clear();
      if (type === FileChangeType.Deleted) {
        this.lastGood.delete(configPath);
        await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        this.onChanged(true);
      } else if (!this.openTexts.has(configPath)) {
        await this.reload(configPath, governingChanged);
      }
    }
  }

  private find(folder: string): Promise<string | null> {
    let found = this.nearest.get(folder);
    if (!found) {
      const candidate = path.join(folder, CONFIG_FILE_NAME);
      found = (async () => {
        if (this.openTexts.has(candidate) || isFile(candidate)) return candidate;
        const parent = path.dirname(folder);
        return parent === folder ? null : this.find(parent);
      })();
      this.nearest.set(folder, found);
    }
    return found;
  }

  private load(configPath: string): Promise<FileConfig | undefined> {
    const known = this.lastGood.get(configPath);
    if (known) return known;
    return this.check(configPath, undefined);
  }

  /** Reads the file again; calls onChanged when the configuration in force changed (not on every keystroke). */
  private async reload(configPath: string, governingChanged = false): Promise<void> {
    const previous = this.lastGood.get(configPath);
    const before = previous ? await previous : undefined;
    const after = await this.check(configPath, previous);
    const excludesChanged = governingChanged || JSON.stringify(before?.exclude ?? []) !== JSON.stringify(after?.exclude ?? []);
    if (excludesChanged || JSON.stringify(after) !== JSON.stringify(before)) this.onChanged(excludesChanged);
  }

  /** Parses the file, publishes its problems, and keeps `previous` in force when it is invalid. */
  private check(configPath: string, previous: Promise<FileConfig | undefined> | undefined): Promise<FileConfig | undefined> {
    const checking = (async () => {
      const open = this.openTexts.get(configPath);
      const text = open ? open.getText() : await fs.readFile(configPath, 'utf8').catch(() => undefined);
      const uri = open?.uri ?? pathToFileURL(configPath).href;
      if (text === undefined) {
        await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return undefined;
      }
      const { config, problems } = parseConfigFile(text);
      const lines = new LineIndex(text);
      const diagnostics = problems.map((problem) => toDiagnostic(configProblemFinding(problem), lines, this.docs));
      await this.connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics });
      if (!config && problems.length > 0) {
        this.connection.console.warn(`Kubewright: ${configPath} is invalid; ${previous ? 'its last good version stays in force' : 'it is not applied'}`);
      }
      return config ?? (await previous);
    })();
    this.lastGood.set(configPath, checking);
    return checking;
  }
}

/**
 * Synchronous, and without an exception for a missing file: the first lint of a document waits for this walk up its
 * folders, where a rejected fs.promises.stat per folder (an Error with its stack each) cost 2 ms of 8 folders.
 */
function isFile(candidate: string): boolean {
  try {
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // unreadable: as good as absent
  }
}
