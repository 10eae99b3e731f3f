// The engine's plain types: severities, findings and the shape of a rule. No editor or LSP types here.
import type { Document } from 'yaml';
import type { Workload } from './k8s/workload';
import type { Located } from './k8s/nodes';
import type { FixEdit, YamlEditor } from './fix/editor';
import type { KubernetesVersion } from './k8s/kubernetes-version';
import type { IndexedObject, Span } from './workspace/model';
import type { WorkspaceIndex } from './workspace/workspace-index';
import type { ProfileMembership, PssLevel } from './profiles';
import type { CustomResources } from './schema/crd/custom-resources';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A problem found in a file; offsets are UTF-16 code unit offsets into the whole file text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /**
   * The fixes on offer, computed only when asked for (a light bulb, fix-all): each checked to keep the file valid, or
   * unchecked, each with its check(), when the request says so.
   */
  fixes?: (request?: FixRequest) => Fix[];
  /**
   * Fixes that silence the finding rather than fix it ("Suppress <id> for this line", "… for this object"): offered
   * after `fixes`, never applied by fix-all, and not what makes a finding fixable.
   */
  suppressions?: (request?: FixRequest) => Fix[];
  /**
   * Set only on a finding that a comment or annotation silences, which lint() returns only when asked
   * (LintOptions.keepSuppressed): what silenced it, for reports that list such findings as suppressed.
   */
  suppressedBy?: Suppression[];
}

/** A `# kubewright-disable…` comment or an ignore annotation that silences a finding, and the reason written with it. */
export interface Suppression {
  via: 'comment' | 'annotation';
  reason?: string;
}

/** How a finding's fixes are wanted. */
export interface FixRequest {
  /**
   * True: every fix the rule could build, each with check(), for a caller that lists fixes before one is picked and
   * checks only that one (the editor's code actions, resolved when picked). Unset: only fixes already checked.
   */
  unchecked?: boolean;
}

/** A way to fix a finding, as edits on the file text (offsets as in Finding). */
export interface Fix {
  title: string;
  /** The fix that fix-all and `lint --fix` apply for this finding. */
  preferred: boolean;
  edits: FixEdit[];
  /**
   * Only on a fix asked for unchecked: applies it in memory and re-parses its `---` chunk (once, however often it is
   * called); undefined when the YAML stays valid, otherwise why the fix must not be applied.
   */
  check?: () => string | undefined;
}

/** What a rule offers for a finding: a title, and the intent, carried out on the source by the YAML editor. */
export interface FixProposal {
  title: string;
  preferred?: boolean;
  /** Records the edits on `editor`; calls decline() (throws) when the YAML has a shape it will not edit. */
  apply(editor: YamlEditor): void;
}

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  /** A manifest the rule reports on (at least once). */
  bad: string;
  /** The same manifest fixed: the rule reports nothing. */
  good: string;
  /** Options the rule takes, by name, with what each does. */
  options?: Record<string, string>;
}

export interface RuleMeta extends ProfileMembership {
  /** Fixed forever: users write it in settings and suppressions. Equals the file name and docs page. */
  id: string;
  severity: Severity;
  docs: RuleDocs;
  /** The Pod Security Standards level whose control the rule checks; such a rule is in that level's profile. */
  pss?: PssLevel;
  /**
   * Reported whatever the settings say, so settings refuse it: config-file, a mistake in the file that holds settings,
   * which is then not applied (turning the report off would hide that).
   */
  alwaysOn?: true;
}

export interface Report {
  /** The node or pair that is wrong, or an explicit [start, end) range relative to the chunk. */
  at: Located;
  message: string;
  fixes?: FixProposal[];
  /**
   * This finding's severity when the rule runs at its default severity, for a rule whose findings differ in weight
   * (deprecated-api: removed is an error, deprecated a warning). A user's severity for the rule moves every finding
   * by as many steps as it moves the rule's default (clamped to info…error), so `"warning"` lowers both by one.
   */
  severity?: Severity;
}

export interface RuleContext {
  report(report: Report): void;
  /** The source text the node offsets point into (the document's chunk of the file). */
  source: string;
  /** The rule's options as the user set them (defaults are the rule's business). */
  options: Readonly<Record<string, unknown>>;
  /** The Kubernetes version the manifests are meant for. */
  kubernetesVersion: KubernetesVersion;
  /** The custom kinds whose CRDs are known: the caller's (workspace, CLI files) and the linted file's own. */
  customResources: CustomResources;
}

/** A rule over the pod spec of one workload object (Pod, Deployment, CronJob, …). */
export interface WorkloadRule {
  meta: RuleMeta;
  checkWorkload(workload: Workload, ctx: RuleContext): void;
}

/** A rule over one parsed YAML document, Kubernetes object or not. */
export interface DocumentRule {
  meta: RuleMeta;
  checkDocument(document: Document.Parsed, ctx: RuleContext): void;
}

/** What a cross-file rule reports: a span of the object's chunk (see IndexedObject.offset) and a message. */
export interface WorkspaceReport {
  at: Span;
  message: string;
}

export interface WorkspaceRuleContext {
  report(report: WorkspaceReport): void;
  options: Readonly<Record<string, unknown>>;
}

/**
 * A rule across files: checks one indexed object against the whole workspace index. It runs in its own pass
 * (workspace/check.ts), so single-file linting and its per-chunk cache never depend on other files.
 */
export interface WorkspaceRule {
  meta: RuleMeta;
  checkObject(object: IndexedObject, index: WorkspaceIndex, ctx: WorkspaceRuleContext): void;
}

export type Rule = WorkloadRule | DocumentRule | WorkspaceRule;

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

/** What the user configured: per rule id, a severity or off, and options. Unlisted rules use their defaults. */
export interface LintConfig {
  rules?: Record<string, SeveritySetting | RuleSetting | undefined>;
  /** The Kubernetes version to check against, e.g. "1.36"; unset or unreadable: the newest the engine knows. */
  kubernetesVersion?: string;
  /** The profile whose rules run (see profiles.ts); unset or unknown: the default. Settings in `rules` override it. */
  profile?: string;
}
