// Finds and reads the `.kubewright.yaml` that applies to each linted file: the one --config names, else the nearest
// one in the file's folder or above it. Each is read once; an invalid one stops the run, its mistakes reported as
// config-file findings in it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, configProblemFinding, excludedByConfig, parseConfigFile } from '../engine';
import type { FileConfig, Finding } from '../engine';
import { describeError } from './files';

/** The configuration in force for a file, and the folder its exclude globs are relative to. */
export interface AppliedConfig {
  config: FileConfig;
  folder: string;
}

/** A config file with mistakes: it is not applied; its text and its config-file findings, to report like a file's. */
export interface InvalidConfig {
  configPath: string;
  text: string;
  findings: Finding[];
}

export function isInvalidConfig(value: AppliedConfig | InvalidConfig | string): value is InvalidConfig {
  return typeof value === 'object' && 'findings' in value;
}

const NONE: AppliedConfig = { config: { lint: {} }, folder: '' };

export class ConfigResolver {
  /** By absolute config path: what it holds, its mistakes, or the message saying why it cannot be read. */
  private readonly loaded = new Map<string, AppliedConfig | InvalidConfig | string>();
  /** By folder: the config file that governs it, or null when none does. */
  private readonly nearest = new Map<string, string | null>();

  constructor(
    private readonly readFile: (filePath: string) => string,
    /** --config, resolved: it applies to every file, and no other is looked for. */
    private readonly explicit?: string,
  ) {}

  /** The configuration for `filePath`, the invalid config that governs it, or why its config cannot be read. */
  forFile(filePath: string): AppliedConfig | InvalidConfig | string {
    const configPath = this.explicit ?? this.find(path.dirname(filePath));
    return configPath === null ? NONE : this.load(configPath);
  }

  /** Whether the configuration's exclude globs leave `filePath` out (relative to the config file's folder). */
  static excludes(applied: AppliedConfig, filePath: string): boolean {
    const globs = applied.config.exclude ?? [];
    if (globs.length === 0) return false;
    return excludedByConfig(globs, path.relative(applied.folder, filePath).split(path.sep).join('/'));
  }

  private find(folder: string): string | null {
    const cached = this.nearest.get(folder);
    if (cached !== undefined) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let found: string | null;
    if (this.exists(candidate)) found = candidate;
    else found = path.dirname(folder) === folder ? null : this.find(path.dirname(folder));
    this.nearest.set(folder, found);
    return found;
  }

  /** Whether a config file is there (asked of the disk: `readFile` is the CLI's seam for the files it lints). */
  private exists(candidate: string): boolean {
    if (this.loaded.has(candidate)) return true;
    try {
      if (!fs.statSync(candidate).isFile()) return false;
    } catch {
      return false;
    }
    try {
      this.loaded.set(candidate, this.parse(candidate, this.readFile(candidate)));
    } catch (error) {
      this.loaded.set(candidate, `cannot read ${candidate}: ${describeError(error)}`);
    }
    return true;
  }

  private load(configPath: string): AppliedConfig | InvalidConfig | string {
    if (!this.exists(configPath)) return `cannot read ${configPath}: no such file`;
    return this.loaded.get(configPath)!;
  }

  private parse(configPath: string, text: string): AppliedConfig | InvalidConfig {
    const { config, problems } = parseConfigFile(text);
    if (config) return { config, folder: path.dirname(configPath) };
    return { configPath, text, findings: problems.map(configProblemFinding) };
  }
}
