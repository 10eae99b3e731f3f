// Which files the workspace index takes: the YAML files of the workspace folders as they are now (folders come and
// go), outside skipped folders, outside their folder's kubewright.exclude and files.exclude globs, and outside the
// exclude globs of the .kubewright.yaml that governs them (applied as the CLI applies them).
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import type { Connection, WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../engine';
import { ConfigExcludes, excludedBy } from './configExcludes';
import type { ConfigExclude } from './configFiles';
import { describeError } from './safety';
import { enabledGlobs, keyOfUri, matches, skippedFolder, stringGlobs, YAML_FILE } from './workspacePaths';

export interface Folder {
  /** The folder's key (its `/`-separated path). */
  key: string;
  uri: string;
  /** kubewright.exclude and the enabled files.exclude globs, relative to the folder. */
  excludes: string[];
}

function folderOf(uri: string): Folder | undefined {
  const key = keyOfUri(uri);
  return key === undefined ? undefined : { key: key.replace(/\/$/, ''), uri, excludes: [] };
}

export class WorkspaceScope {
  private folders: Folder[] = [];
  private readonly configExcludes: ConfigExcludes;

  constructor(
    private readonly connection: Connection,
    configExcludesFor: (folderPath: string) => Promise<ConfigExclude | undefined>,
  ) {
    this.configExcludes = new ConfigExcludes(configExcludesFor, (error) =>
      connection.console.error(`Kubewright: could not read the exclude globs of a ${CONFIG_FILE_NAME}: ${describeError(error)}`),
    );
  }

  get all(): readonly Folder[] {
    return this.folders;
  }

  /** The folders the client opened with. */
  set(folders: readonly Pick<WorkspaceFolder, 'uri'>[]): void {
    this.folders = folders.flatMap(({ uri }) => folderOf(uri) ?? []);
  }

  /** Folders added and removed after start-up; returns the added ones (their settings not read yet). */
  change({ added, removed }: WorkspaceFoldersChangeEvent): Folder[] {
    const gone = new Set(removed.map(({ uri }) => folderOf(uri)?.key));
    const known = new Set(this.folders.map(({ key }) => key));
    const fresh = added.flatMap(({ uri }) => folderOf(uri) ?? []).filter(({ key }) => !gone.has(key) && !known.has(key));
    this.folders = [...this.folders.filter(({ key }) => !gone.has(key)), ...fresh];
    return fresh;
  }

  /** A .kubewright.yaml changed, appeared or went away: the folders' config excludes are asked again. */
  configChanged(): void {
    this.configExcludes.clear();
  }

  /** The workspace folder holding a file, if any. */
  folderOf(key: string): Folder | undefined {
    return this.folders.find((f) => key.startsWith(`${f.key}/`));
  }

  /**
   * Whether a file is in the index's scope, answered at once: undefined when only the config excludes of its folder
   * are not known yet (`includes` asks for them).
   */
  includedNow(key: string): boolean | undefined {
    if (!this.inFolders(key)) return false;
    const excluded = this.configExcludes.excludesNow(key);
    return excluded === undefined ? undefined : !excluded;
  }

  async includes(key: string): Promise<boolean> {
    return this.inFolders(key) && !(await this.configExcludes.excludes(key));
  }

  /** Each folder's `kubewright.exclude` and `files.exclude`, asked of the client with the folder as scope. */
  async readExcludes(folders: readonly Folder[]): Promise<void> {
    for (const folder of folders) {
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

  /** The YAML files of `folders` in scope, collected while `current()` holds (a newer scan or shutdown stops it). */
  async collect(folders: readonly Folder[], current: () => boolean): Promise<string[]> {
    const files = new Set<string>(); // nested workspace folders would list their files twice
    for (const folder of folders) await this.walk(folder, folder.key, files, current);
    return [...files];
  }

  /**
   * Collects the YAML files under `dir` in scope, yielding between folders. A folder the config excludes is still
   * walked: a .kubewright.yaml further down governs its own files, as in the CLI.
   */
  private async walk(folder: Folder, dir: string, files: Set<string>, current: () => boolean): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // gone or unreadable: nothing to index there
    }
    const config = entries.some((entry) => entry.isFile() && YAML_FILE.test(entry.name)) ? await this.configExcludes.inFolder(dir) : null;
    if (!current()) return;
    for (const entry of entries) {
      if (!current()) return;
      const key = `${dir}/${entry.name}`;
      const relative = key.slice(folder.key.length + 1);
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name) && !matches(folder.excludes, relative, true)) await this.walk(folder, key, files, current);
      } else if (entry.isFile() && YAML_FILE.test(entry.name) && entry.name !== CONFIG_FILE_NAME && !matches(folder.excludes, relative, false) && !excludedBy(config, key)) {
        files.add(key);
      }
    }
  }

  /** Whether a file lies in a workspace folder, outside skipped and excluded folders, and matches no exclude glob. */
  private inFolders(key: string): boolean {
    const folder = this.folderOf(key);
    if (!folder) return false;
    const parts = key.slice(folder.key.length + 1).split('/');
    // A .kubewright.yaml is configuration, never a manifest (the CLI skips it too).
    if (parts[parts.length - 1] === CONFIG_FILE_NAME) return false;
    for (let i = 1; i < parts.length; i++) {
      if (skippedFolder(parts[i - 1]) || matches(folder.excludes, parts.slice(0, i).join('/'), true)) return false;
    }
    return !matches(folder.excludes, parts.join('/'), false);
  }
}
