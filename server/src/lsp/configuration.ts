// The `kubewright` settings for each document: asked of the client with the document as scope when it can answer
// workspace/configuration, else the last didChangeConfiguration push. Values that make no sense become defaults.
import type { ClientCapabilities, Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import { alwaysOnMessage, isProfileId, isSeveritySetting, parseKubernetesVersion, PROFILES, ruleById } from '../engine';
import type { LintConfig, RuleSetting, SeveritySetting } from '../engine';
import { layerConfig } from '../engine';
import { describeError } from './safety';
import type { ConfigFiles } from './configFiles';

export const SETTINGS_SECTION = 'kubewright';

export interface KubewrightSettings {
  /** False when the user turned Kubewright off for this document (or its folder): it gets no diagnostics. */
  enable: boolean;
  lint: LintConfig;
  /** False when the user hid the probe timeline CodeLens (kubewright.probeTimeline.codeLens). */
  probeTimelineCodeLens: boolean;
  /** False when the user hid the CodeLens on a Service that counts the workloads it selects (kubewright.serviceCodeLens). */
  serviceCodeLens: boolean;
  /** False when the user turned Kubewright's completion off (kubewright.completion.enable), e.g. to keep vscode-yaml's alone. */
  completion: boolean;
  /** False when the user turned Kubewright's hovers off (kubewright.hover.enable). */
  hover: boolean;
  /**
   * What the workspace or folder settings set, apart from user-level ones (our client sends them as `workspaceLevel`):
   * these apply over a .kubewright.yaml, which applies over everything else. Absent: nothing set at those levels.
   */
  workspaceLint?: LintConfig;
  /** The .kubewright.yaml (file: URI) whose configuration `lint` includes, if one governs the document. */
  configFile?: string;
}

export const DEFAULT_SETTINGS: KubewrightSettings = Object.freeze({
  enable: true,
  lint: Object.freeze({}),
  probeTimelineCodeLens: true,
  serviceCodeLens: true,
  completion: true,
  hover: true,
});

export interface ReadSettings {
  settings: KubewrightSettings;
  /** What was ignored and why, for the log: a typo in settings.json should be findable, not silent. */
  problems: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRuleSetting(value: unknown, defaultSeverity: SeveritySetting): SeveritySetting | RuleSetting | undefined {
  if (isSeveritySetting(value)) return value;
  if (!isPlainObject(value)) return undefined;
  const { severity, options } = value;
  if (severity !== undefined && !isSeveritySetting(severity)) return undefined;
  if (options !== undefined && !isPlainObject(options)) return undefined;
  // `{ options }` alone means "tune the rule, keep its severity".
  return { severity: severity ?? defaultSeverity, options };
}

/**
 * A dotted switch such as `probeTimeline.codeLens` or `completion.enable`, which VS Code sends as a nested object like
 * every dotted setting; true unless false.
 */
function readSwitch(raw: Record<string, unknown>, section: string, key: string, problems: string[]): boolean {
  const value = isPlainObject(raw[section]) ? (raw[section] as Record<string, unknown>)[key] : raw[section];
  if (typeof value === 'boolean') return value;
  if (value !== undefined && value !== null) problems.push(`${section}.${key} must be true or false, got ${JSON.stringify(value)}`);
  return true;
}

/** Checks the raw `kubewright` section field by field; each unreadable field keeps its default. Never throws. */
export function readSettings(raw: unknown): ReadSettings {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isPlainObject(raw)) {
    problems.push(`expected an object, got ${JSON.stringify(raw)}`);
    return { settings: DEFAULT_SETTINGS, problems };
  }

  let enable = true;
  if (typeof raw.enable === 'boolean') enable = raw.enable;
  else if (raw.enable !== undefined) problems.push(`enable must be true or false, got ${JSON.stringify(raw.enable)}`);

  const rules: NonNullable<LintConfig['rules']> = {};
  if (isPlainObject(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      const rule = ruleById(id);
      if (!rule) {
        problems.push(`rules: no rule is called "${id}"`);
        continue;
      }
      if (rule.meta.alwaysOn) {
        problems.push(alwaysOnMessage(id));
        continue;
      }
      const setting = readRuleSetting(value, rule.meta.severity);
      if (setting === undefined) {
        problems.push(`rules.${id} must be "off", "info", "warning", "error" or { severity, options }`);
        continue;
      }
      rules[id] = setting;
    }
  } else if (raw.rules !== undefined) {
    problems.push(`rules must be an object of rule id to severity, got ${JSON.stringify(raw.rules)}`);
  }

  // Unset means "the newest the engine knows"; the engine fills that in, so only a readable version is passed on.
  const lint: LintConfig = { rules };
  if (parseKubernetesVersion(raw.kubernetesVersion)) lint.kubernetesVersion = raw.kubernetesVersion as string;
  else if (raw.kubernetesVersion !== undefined && raw.kubernetesVersion !== null && raw.kubernetesVersion !== '') {
    problems.push(`kubernetesVersion must be a Kubernetes minor version such as "1.36", got ${JSON.stringify(raw.kubernetesVersion)}`);
  }

  // Unset means the default profile, which the engine fills in; an unknown name is a typo worth a line in the log.
  if (isProfileId(raw.profile)) lint.profile = raw.profile;
  else if (raw.profile !== undefined && raw.profile !== null && raw.profile !== '') {
    problems.push(`profile must be one of ${PROFILES.map((p) => `"${p}"`).join(', ')}, got ${JSON.stringify(raw.profile)}`);
  }

  const probeTimelineCodeLens = readSwitch(raw, 'probeTimeline', 'codeLens', problems);
  let serviceCodeLens = true;
  if (typeof raw.serviceCodeLens === 'boolean') serviceCodeLens = raw.serviceCodeLens;
  else if (raw.serviceCodeLens !== undefined && raw.serviceCodeLens !== null) {
    problems.push(`serviceCodeLens must be true or false, got ${JSON.stringify(raw.serviceCodeLens)}`);
  }
  const completion = readSwitch(raw, 'completion', 'enable', problems);
  const hover = readSwitch(raw, 'hover', 'enable', problems);
  const settings: KubewrightSettings = { enable, lint, probeTimelineCodeLens, serviceCodeLens, completion, hover };
  if (isPlainObject(raw.workspaceLevel)) {
    const workspaceLevel = readSettings(raw.workspaceLevel);
    settings.workspaceLint = workspaceLevel.settings.lint;
    problems.push(...workspaceLevel.problems.map((problem) => `workspaceLevel: ${problem}`));
  }
  return { settings, problems };
}

/**
 * The settings once a .kubewright.yaml governs the document: the file replaces the profile, version and rules of the
 * settings (user-level ones and defaults), and what the workspace or folder settings set applies on top of it.
 */
export function withConfigFile(settings: KubewrightSettings, file: { uri: string; config: { lint: LintConfig } } | undefined): KubewrightSettings {
  if (!file) return settings;
  return { ...settings, lint: layerConfig(file.config.lint, settings.workspaceLint ?? {}), configFile: file.uri };
}

/** Caches each document's settings until the user changes settings; one pull per document, not per keystroke. */
export class SettingsStore {
  private pullFromClient = false;
  private pushed: KubewrightSettings = DEFAULT_SETTINGS;
  private readonly byDocument = new Map<string, Promise<KubewrightSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly configFiles?: ConfigFiles,
  ) {}

  useClientCapabilities(capabilities: ClientCapabilities): void {
    this.pullFromClient = capabilities.workspace?.configuration === true;
  }

  forDocument(uri: string): Promise<KubewrightSettings> {
    const cached = this.byDocument.get(uri);
    if (cached) return cached;
    const loading: Promise<KubewrightSettings> = this.load(uri).then((settings) => {
      if (settings) return settings;
      // The client did not answer: ask again next time rather than keep defaults the user never chose.
      if (this.byDocument.get(uri) === loading) this.byDocument.delete(uri);
      return DEFAULT_SETTINGS;
    });
    this.byDocument.set(uri, loading);
    return loading;
  }

  /** Settings changed somewhere: everything cached may be stale. The caller re-validates the open documents. */
  changed(params: DidChangeConfigurationParams): void {
    this.byDocument.clear();
    if (!this.pullFromClient) {
      const section: unknown = isPlainObject(params.settings) ? params.settings[SETTINGS_SECTION] : undefined;
      this.pushed = this.check(section, 'workspace');
    }
  }

  /** A .kubewright.yaml changed: every document's settings may have. The caller re-validates the open documents. */
  invalidate(): void {
    this.byDocument.clear();
  }

  forget(uri: string): void {
    this.byDocument.delete(uri);
  }

  /**
   * The document's settings, or undefined when the client could not say. The client's answer and the search for a
   * .kubewright.yaml run at once: a document's first lint waits for both, and the client may be slow while it starts.
   */
  private async load(uri: string): Promise<KubewrightSettings | undefined> {
    const [settings, configFile] = await Promise.all([this.loadSettings(uri), this.configFiles?.forDocument(uri)]);
    return settings && withConfigFile(settings, configFile);
  }

  private async loadSettings(uri: string): Promise<KubewrightSettings | undefined> {
    if (!this.pullFromClient) return this.pushed;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return this.check(raw, uri);
    } catch (error) {
      this.connection.console.error(`Kubewright: could not read settings for ${uri}, using defaults: ${describeError(error)}`);
      return undefined;
    }
  }

  private check(raw: unknown, scope: string): KubewrightSettings {
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.connection.console.warn(`Kubewright: ignoring a setting for ${scope}: ${problem}`);
    return settings;
  }
}
