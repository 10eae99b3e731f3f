// The `.kubewright.yaml` exclude globs as the workspace index applies them: which config governs each folder is asked
// once per folder and kept, so whether an open document is excluded can be answered at once while it is validated.
import * as path from 'node:path';
import { excludedByConfig } from '../engine';
import type { ConfigExclude } from './configFiles';

/** The folder part of an index key (`/`-separated); a root (`/`, `C:/`) keeps its slash. */
function parentOf(key: string): string {
  const folder = key.slice(0, Math.max(0, key.lastIndexOf('/')));
  return folder === '' || folder.endsWith(':') ? `${folder}/` : folder;
}

/** Whether `entry`, the excludes in force in the file's folder, leave the file out. */
export function excludedBy(entry: ConfigExclude | null, key: string): boolean {
  if (entry === null) return false;
  const base = entry.folder.endsWith('/') ? entry.folder : `${entry.folder}/`;
  return key.startsWith(base) && excludedByConfig(entry.globs, key.slice(base.length));
}

export class ConfigExcludes {
  /** By folder key: the excludes in force there, null for none. A folder not asked about yet is missing. */
  private readonly known = new Map<string, ConfigExclude | null>();
  private readonly asking = new Map<string, Promise<ConfigExclude | null>>();
  /** Bumped by clear: an answer asked for before then is not kept. */
  private generation = 0;

  constructor(
    /** The excludes in force in a folder (a file-system path): ConfigFiles.excludesFor. */
    private readonly lookup: (folderPath: string) => Promise<ConfigExclude | undefined>,
    private readonly onLookupError: (error: unknown) => void,
  ) {}

  /** A config file changed, appeared or went away: every folder is asked again. */
  clear(): void {
    this.generation++;
    this.known.clear();
    this.asking.clear();
  }

  /** Whether the file's config excludes it; undefined when its folder was not asked about yet (see `excludes`). */
  excludesNow(key: string): boolean | undefined {
    const entry = this.known.get(parentOf(key));
    return entry === undefined ? undefined : excludedBy(entry, key);
  }

  async excludes(key: string): Promise<boolean> {
    return excludedBy(await this.inFolder(parentOf(key)), key);
  }

  /** The excludes in force in a folder (a key), asked once however many files of it want to know. */
  inFolder(folder: string): Promise<ConfigExclude | null> {
    const known = this.known.get(folder);
    if (known !== undefined) return Promise.resolve(known);
    let asked = this.asking.get(folder);
    if (!asked) {
      const generation = this.generation;
      asked = this.lookup(folder.split('/').join(path.sep)).then(
        (found) => found ?? null,
        (error: unknown) => {
          // A config that cannot be read excludes nothing, as it configures nothing.
          this.onLookupError(error);
          return null;
        },
      );
      void asked.then((entry) => {
        if (generation !== this.generation) return;
        this.known.set(folder, entry);
        this.asking.delete(folder);
      });
      this.asking.set(folder, asked);
    }
    return asked;
  }
}
