// The Kubewright language status item on the YAML files Kubewright checks: the profile and Kubernetes version in force
// and the file's finding count, asked of the server (kubewright/status); its command changes either in the workspace
// settings. Other YAML (workflows, compose files) gets no item: the server says which files are which.
import { commands, ConfigurationTarget, languages, LanguageStatusSeverity, Uri, window, workspace } from 'vscode';
import type { Disposable, DocumentSelector } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const CHANGE_COMMAND = 'kubewright.changeProfileOrVersion';

/** The server's answer (server/src/lsp/status.ts). */
interface Status {
  /** Whether the item belongs on the document: a manifest Kubewright checks, one with findings, or a .kubewright.yaml. */
  applies: boolean;
  enabled: boolean;
  profile: string;
  kubernetesVersion: string;
  findings: number;
  configFile?: string;
  profiles: string[];
  kubernetesVersions: string[];
}

const YAML_FILES: DocumentSelector = [{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }];
/** Matches no document: how a language status item is hidden. */
const NO_DOCUMENT: DocumentSelector = [];

export function registerStatus(client: LanguageClient): Disposable[] {
  // Hidden until the server says the file in front is one it checks. VS Code shows language status for the active
  // editor only, so one selector, switched with each answer, serves: every YAML file, or none.
  const item = languages.createLanguageStatusItem('kubewright.status', NO_DOCUMENT);
  let shown = false;
  item.name = 'Kubewright';
  item.command = { title: 'Change…', command: CHANGE_COMMAND, tooltip: 'Change the profile or Kubernetes version' };
  let last: Status | undefined;

  const update = async (): Promise<void> => {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== 'yaml') return;
    const uri = document.uri.toString();
    const status = await client.sendRequest<Status | null>('kubewright/status', { uri }).catch(() => null);
    // An answer about a file no longer in front would show or hide the item on the wrong one.
    if (!status || window.activeTextEditor?.document.uri.toString() !== uri) return;
    last = status;
    if (status.applies !== shown) {
      shown = status.applies;
      item.selector = shown ? YAML_FILES : NO_DOCUMENT;
    }
    item.text = status.enabled ? `${status.profile} · Kubernetes ${status.kubernetesVersion}` : 'Kubewright off';
    item.detail = `${status.findings} ${status.findings === 1 ? 'problem' : 'problems'}${status.configFile ? ` · from ${Uri.parse(status.configFile).fsPath}` : ''}`;
    item.severity = status.findings > 0 ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
  };

  const change = async (): Promise<void> => {
    const status = last;
    if (!status) return;
    const what = await window.showQuickPick(
      [
        { label: 'Profile', description: status.profile, key: 'profile', choices: status.profiles },
        { label: 'Kubernetes version', description: status.kubernetesVersion, key: 'kubernetesVersion', choices: status.kubernetesVersions },
      ],
      { title: 'Kubewright: change for this workspace' },
    );
    if (!what) return;
    const value = await window.showQuickPick(what.choices, { title: `Kubewright: ${what.label}`, placeHolder: what.description });
    // The workspace setting: it applies over a .kubewright.yaml (see README, Configuration file).
    if (value) await workspace.getConfiguration('kubewright').update(what.key, value, ConfigurationTarget.Workspace);
  };

  void update();
  return [
    item,
    commands.registerCommand(CHANGE_COMMAND, change),
    window.onDidChangeActiveTextEditor(() => void update()),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) void update();
    }),
  ];
}

const FILE_KEYS = ['profile', 'kubernetesVersion', 'rules'] as const;

/**
 * What the workspace and folder settings set, apart from the user's: the server layers them over a .kubewright.yaml,
 * which it layers over the rest. VS Code's answer to workspace/configuration merges every level, so this is sent too.
 */
export function workspaceLevel(scopeUri: string | undefined): Record<string, unknown> {
  const config = workspace.getConfiguration('kubewright', scopeUri ? Uri.parse(scopeUri) : undefined);
  const level: Record<string, unknown> = {};
  for (const key of FILE_KEYS) {
    const set = config.inspect(key);
    if (key === 'rules') {
      const rules = { ...(set?.workspaceValue as object | undefined), ...(set?.workspaceFolderValue as object | undefined) };
      if (Object.keys(rules).length > 0) level.rules = rules;
    } else {
      const value = set?.workspaceFolderValue ?? set?.workspaceValue;
      if (value !== undefined) level[key] = value;
    }
  }
  return level;
}
