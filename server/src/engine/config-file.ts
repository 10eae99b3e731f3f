// Reads a `.kubewright.yaml`: the same keys as the kubewright.* settings, validated field by field with the offsets
// of whatever is wrong, so the editor can mark it and the CLI can name its line. Data only: nothing is evaluated.
import { minimatch } from 'minimatch';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isSeveritySetting } from './config';
import { parseKubernetesVersion } from './k8s/kubernetes-version';
import { isProfileId, PROFILES } from './profiles';
import { ruleById } from './rules';
import { CONFIG_FILE_RULE } from './rules/config-file';
import type { Finding, LintConfig, RuleSetting, SeveritySetting } from './types';

export const CONFIG_FILE_NAME = '.kubewright.yaml';

/** A configuration has a few dozen lines; anything near this is not one, and is not worth parsing. */
const MAX_CONFIG_CHARS = 256 * 1024;
/** Aliases are allowed (a team may share options between rules) but bounded, so a "billion laughs" file stays small. */
const MAX_ALIAS_COUNT = 100;

export const CONFIG_KEYS = ['profile', 'rules', 'kubernetesVersion', 'exclude'] as const;

/** What a `.kubewright.yaml` sets; a key it leaves out is absent. */
export interface FileConfig {
  lint: LintConfig;
  /** Globs relative to the folder holding the file: YAML files the CLI's folder walks and the editor's index leave out. */
  exclude?: string[];
}

/**
 * Whether a `.kubewright.yaml`'s exclude globs leave out a file, given its `/`-separated path relative to the folder
 * holding the config file. A glob naming a folder ("vendor") leaves out what is below it. One definition for the CLI's
 * folder walks and the editor's workspace index, so both leave out the same files.
 */
export function excludedByConfig(globs: readonly string[], relative: string): boolean {
  if (relative.startsWith('../')) return false;
  return globs.some((glob) => minimatch(relative, glob, { dot: true }) || minimatch(relative, `${glob.replace(/\/$/, '')}/**`, { dot: true }));
}

/** Something wrong in the file, at UTF-16 offsets into its text (the key it concerns, where there is one). */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

/** Why a rule that is always on cannot be set, in a .kubewright.yaml or in the settings. */
export function alwaysOnMessage(ruleId: string): string {
  return `rules: ${ruleId} cannot be set: it is always reported, at error`;
}

/**
 * A problem as a finding of the config-file rule (offsets into the config file's text), so that the editor and the CLI
 * report it like any other: with its code and its docs page.
 */
export function configProblemFinding(problem: ConfigProblem): Finding {
  return { ruleId: CONFIG_FILE_RULE, severity: 'error', message: problem.message, start: problem.start, end: problem.end };
}

/** `config` is set only when there is no problem: a file with any mistake is not used at all (see README). */
export interface ConfigFileResult {
  config?: FileConfig;
  problems: ConfigProblem[];
}

/** Parses and validates a `.kubewright.yaml`. Never throws. */
export function parseConfigFile(text: string): ConfigFileResult {
  if (text.length > MAX_CONFIG_CHARS) {
    return { problems: [{ message: `${CONFIG_FILE_NAME} is larger than ${MAX_CONFIG_CHARS / 1024} KB: it cannot be a configuration`, start: 0, end: 0 }] };
  }
  // The core schema knows no custom tags (no !!js/function, no !!binary objects): every value is plain data.
  const documents = parseAllDocuments(text, { schema: 'core', uniqueKeys: true, lineCounter: new LineCounter(), prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  const problems: ConfigProblem[] = [];
  for (const document of list) {
    for (const error of [...document.errors, ...document.warnings]) {
      problems.push({ message: error.message.split('\n')[0], start: error.pos[0], end: error.pos[1] });
    }
  }
  if (problems.length > 0) return { problems };
  if (list.length > 1) {
    const second = list[1].range;
    return { problems: [{ message: `${CONFIG_FILE_NAME} must hold one YAML document, not ${list.length}`, start: second[0], end: second[0] }] };
  }
  const document = list[0];
  if (!document || document.contents === null || (isScalar(document.contents) && document.contents.value === null)) return { config: { lint: {} }, problems };
  try {
    // Counts aliases up front: this throws on an excessive count before anything is expanded.
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { problems: [{ message: `too many aliases in ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`, start: 0, end: 0 }] };
  }
  const reader = new Reader(document, problems);
  const config = reader.read(document.contents);
  return problems.length > 0 ? { problems } : { config, problems };
}

function rangeOf(node: Node | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** Walks the document's nodes rather than its JS value, so each problem keeps the offsets of the key it concerns. */
class Reader {
  constructor(
    private readonly document: Document,
    private readonly problems: ConfigProblem[],
  ) {}

  read(contents: unknown): FileConfig {
    const root = this.resolve(contents);
    const config: FileConfig = { lint: {} };
    if (!isMap(root)) {
      this.report(root, `${CONFIG_FILE_NAME} must be a mapping of ${CONFIG_KEYS.join(', ')}`);
      return config;
    }
    for (const pair of this.pairs(root)) {
      const key = this.keyOf(pair);
      if (key === undefined) continue;
      const value = this.resolve(pair.value);
      switch (key) {
        case 'profile':
          if (isScalar(value) && isProfileId(value.value)) config.lint.profile = value.value;
          else this.report(pair.key, `profile must be one of ${PROFILES.join(', ')}, got ${this.show(value)}`);
          break;
        case 'kubernetesVersion': {
          // `1.30` is a float to YAML (1.3): the digits as written are what the user meant.
          const written = isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'string') ? this.sourceOf(value) : undefined;
          if (written !== undefined && parseKubernetesVersion(written)) config.lint.kubernetesVersion = written;
          else this.report(pair.key, `kubernetesVersion must be a Kubernetes minor version such as "1.36", got ${this.show(value)}`);
          break;
        }
        case 'rules':
          config.lint.rules = this.readRules(pair, value);
          break;
        case 'exclude':
          config.exclude = this.readExclude(pair, value);
          break;
        default:
          this.report(pair.key, `unknown key "${key}": ${CONFIG_FILE_NAME} takes ${CONFIG_KEYS.join(', ')}`);
      }
    }
    return config;
  }

  private readRules(pair: Pair, value: Node | null): NonNullable<LintConfig['rules']> {
    const rules: NonNullable<LintConfig['rules']> = {};
    if (!isMap(value)) {
      if (!(isScalar(value) && value.value === null)) this.report(pair.key, `rules must be a mapping of rule id to severity, got ${this.show(value)}`);
      return rules;
    }
    for (const rulePair of this.pairs(value)) {
      const id = this.keyOf(rulePair);
      if (id === undefined) continue;
      const rule = ruleById(id);
      if (!rule) {
        this.report(rulePair.key, `rules: no rule is called "${id}" (kubewright rules lists them)`);
        continue;
      }
      if (rule.meta.alwaysOn) {
        this.report(rulePair.key, alwaysOnMessage(id));
        continue;
      }
      const setting = this.readRuleSetting(rulePair, this.resolve(rulePair.value), rule.meta.severity);
      if (setting !== undefined) rules[id] = setting;
    }
    return rules;
  }

  private readRuleSetting(pair: Pair, value: Node | null, defaultSeverity: SeveritySetting): SeveritySetting | RuleSetting | undefined {
    const expected = `rules.${String(this.keyOf(pair))} must be off, info, warning or error, or { severity, options }`;
    if (isScalar(value)) {
      if (isSeveritySetting(value.value)) return value.value;
      this.report(pair.key, `${expected}, got ${this.show(value)}`);
      return undefined;
    }
    if (!isMap(value)) {
      this.report(pair.key, `${expected}, got ${this.show(value)}`);
      return undefined;
    }
    let severity: SeveritySetting = defaultSeverity;
    let options: Record<string, unknown> | undefined;
    for (const inner of this.pairs(value)) {
      const name = this.keyOf(inner);
      const innerValue = this.resolve(inner.value);
      if (name === 'severity') {
        if (isScalar(innerValue) && isSeveritySetting(innerValue.value)) severity = innerValue.value;
        else this.report(inner.key, `severity must be off, info, warning or error, got ${this.show(innerValue)}`);
      } else if (name === 'options') {
        if (isMap(innerValue)) options = innerValue.toJS(this.document, { maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
        else this.report(inner.key, `options must be a mapping of option name to value, got ${this.show(innerValue)}`);
      } else if (name !== undefined) {
        this.report(inner.key, `unknown key "${name}" in a rule setting: use severity and options`);
      }
    }
    return options ? { severity, options } : { severity };
  }

  private readExclude(pair: Pair, value: Node | null): string[] {
    if (!isSeq(value)) {
      this.report(pair.key, `exclude must be a list of glob patterns such as "vendor/**", got ${this.show(value)}`);
      return [];
    }
    const globs: string[] = [];
    for (const item of value.items) {
      const resolved = this.resolve(item);
      if (isScalar(resolved) && typeof resolved.value === 'string' && resolved.value !== '') globs.push(resolved.value);
      else this.report(resolved ?? pair.key, `exclude: each entry must be a glob pattern string, got ${this.show(resolved)}`);
    }
    return globs;
  }

  private pairs(map: YAMLMap): Pair[] {
    return map.items as Pair[];
  }

  /** A key must be a plain string; anything else (a number, a mapping) is reported here and skipped. */
  private keyOf(pair: Pair): string | undefined {
    const key = pair.key as Node | null;
    if (isScalar(key) && typeof key.value === 'string') return key.value;
    this.report(key, `keys must be strings, got ${this.show(key)}`);
    return undefined;
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.document) as Node | undefined) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  /** The scalar as written (set by the parser), so `1.30` stays "1.30" rather than the float 1.3. */
  private sourceOf(node: Node): string {
    return isScalar(node) && typeof node.source === 'string' ? node.source : String(isScalar(node) ? node.value : '');
  }

  private show(node: Node | null): string {
    if (node === null || (isScalar(node) && node.value === null)) return 'nothing';
    if (isScalar(node)) return JSON.stringify(node.value);
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    return 'something else';
  }

  private report(node: unknown, message: string): void {
    const [start, end] = rangeOf(node as Node | null);
    this.problems.push({ message, start, end });
  }
}

/**
 * `top` over `base`: a profile or version `top` sets replaces `base`'s, and its rules replace `base`'s rule by rule
 * (a rule only `base` configures keeps that setting).
 */
export function layerConfig(base: LintConfig, top: LintConfig): LintConfig {
  const layered: LintConfig = { ...base };
  if (top.profile !== undefined) layered.profile = top.profile;
  if (top.kubernetesVersion !== undefined) layered.kubernetesVersion = top.kubernetesVersion;
  if (top.rules !== undefined) layered.rules = { ...base.rules, ...top.rules };
  return layered;
}

/** 1-based line and column of an offset, for messages that name a place in the file (the CLI's). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
