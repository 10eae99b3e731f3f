// `kubewright/status`: whether the status item belongs on a document at all, what it shows there (profile, Kubernetes
// version, finding count, the config file in force) and the choices its quick pick offers. The client asks on editor
// switch and new diagnostics.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_PROFILE, holdsKubernetes, LATEST_KUBERNETES_VERSION, PROFILES } from '../engine';
import { isConfigUri } from './configFiles';
import type { DiagnosticsScheduler } from './diagnostics';
import type { SettingsStore } from './configuration';
import { chunksOf } from './documentPositions';

export const STATUS_REQUEST = 'kubewright/status';

export interface StatusParams {
  uri: string;
}

export interface StatusResult {
  /**
   * Whether the item shows on the document: it holds a Kubernetes object that Kubewright checks, it has findings, or it
   * is a .kubewright.yaml. Other YAML (workflows, compose files, Helm templates) gets no item, as it gets no findings.
   */
  applies: boolean;
  /** False when kubewright.enable is off for the document. */
  enabled: boolean;
  profile: string;
  kubernetesVersion: string;
  /** The findings in the document now (0 when it is not open or Kubewright is off). */
  findings: number;
  /** The .kubewright.yaml in force for the document (file: URI), if any. */
  configFile?: string;
  /** What the quick pick offers: every profile, and the Kubernetes versions Kubewright knows, newest first. */
  profiles: readonly string[];
  kubernetesVersions: readonly string[];
}

/** The oldest version offered: extensions/v1beta1 workloads were removed in 1.16, the first removal worth choosing. */
const OLDEST_OFFERED_MINOR = 16;
const LATEST_MINOR = Number(LATEST_KUBERNETES_VERSION.split('.')[1]);
const KUBERNETES_VERSIONS = Array.from({ length: LATEST_MINOR - OLDEST_OFFERED_MINOR + 1 }, (_, i) => `1.${LATEST_MINOR - i}`);

export class StatusProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly diagnostics: DiagnosticsScheduler,
    private readonly settings: SettingsStore,
  ) {}

  async status(params: unknown): Promise<StatusResult | null> {
    const uri = (params as Partial<StatusParams> | null)?.uri;
    if (typeof uri !== 'string') return null;
    const settings = await this.settings.forDocument(uri);
    const current = await this.diagnostics.currentFindings(uri);
    const findings = current?.findings.length ?? 0;
    return {
      applies: findings > 0 || isConfigUri(uri) || this.holdsKubernetes(uri),
      enabled: settings.enable,
      profile: settings.lint.profile ?? DEFAULT_PROFILE,
      kubernetesVersion: settings.lint.kubernetesVersion ?? LATEST_KUBERNETES_VERSION,
      findings,
      ...(settings.configFile ? { configFile: settings.configFile } : {}),
      profiles: PROFILES,
      kubernetesVersions: KUBERNETES_VERSIONS,
    };
  }

  /** Decided on the text, so that with Kubewright off the item still shows where it would check (saying it is off). */
  private holdsKubernetes(uri: string): boolean {
    const document = this.documents.get(uri);
    return document !== undefined && holdsKubernetes(chunksOf(document), this.diagnostics.parsedChunks(uri));
  }
}
