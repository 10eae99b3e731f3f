// The suppression step, run on each `---` chunk after its rules: drops the findings that a directive or an ignore
// annotation silences, reports unused-suppression, and gives every remaining finding its "Suppress …" fixes.
import type { Document } from 'yaml';
import type { Finding, FixProposal, Severity, Suppression } from '../types';
import { FixContext, shiftFixes } from '../fix/build';
import { allRules } from '../rules';
import { messages, UNUSED_SUPPRESSION } from '../rules/unused-suppression';
import { closest } from '../schema/spelling';
import { readDirectives } from './directives';
import type { Directive, NamedId } from './directives';
import { readIgnoreAnnotations } from './annotations';
import type { AnnotatedId, IgnoreAnnotations, SilencingAnnotations } from './annotations';
import { removeAnnotationId, removeDirectiveId, suppressLine, suppressObject } from './fixes';

/** Findings no suppression reaches: a document that does not parse has no annotations, and a broken file is broken. */
const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['yaml-syntax', UNUSED_SUPPRESSION]);

export interface SuppressionInput {
  chunkText: string;
  documents: readonly Document.Parsed[];
  /** The rules' findings for the chunk, chunk-relative. */
  findings: readonly Finding[];
  /** The severity each active rule runs at; rules not here are off, and suppressions of them are not judged. */
  active: ReadonlyMap<string, Severity>;
  /** Return silenced findings too, marked with what silenced them (suppressedBy), instead of dropping them. */
  keepSuppressed?: boolean;
}

const within = (at: number, scope: readonly [number, number]) => scope[0] <= at && at < scope[1];

/** The document a chunk offset falls in (the last one starting at or before it). */
function documentAt(documents: readonly Document.Parsed[], at: number): Document.Parsed | undefined {
  let found: Document.Parsed | undefined;
  for (const document of documents) if (document.range[0] <= at) found = document;
  return found ?? documents[0];
}

/** Each directive or annotation in scope that names the finding's rule (chunk-relative), once; adds the ids to `used`. */
export function silencers(
  finding: Finding,
  directives: readonly Directive[],
  annotations: readonly SilencingAnnotations[],
  used: Set<NamedId | AnnotatedId>,
): Suppression[] {
  const found: Suppression[] = [];
  for (const directive of directives) {
    let names = false;
    for (const named of directive.ids) {
      if (named.id === finding.ruleId && within(finding.start, named.scope)) {
        used.add(named);
        names = true;
      }
    }
    if (names) found.push({ via: 'comment', ...(directive.reason ? { reason: directive.reason } : {}) });
  }
  for (const a of annotations) {
    if (!within(finding.start, a.scope)) continue;
    let own = false;
    for (const named of a.own?.ids ?? []) {
      if (named.id === finding.ruleId) {
        used.add(named);
        own = true;
      }
    }
    // kubewright.io/ignore-reason explains kubewright.io/ignore, not another linter's annotation beside it.
    if (own) found.push({ via: 'annotation', ...(a.reason ? { reason: a.reason } : {}) });
    else if (a.foreign.has(finding.ruleId)) {
      // Another linter's annotation may carry its own reason (kube-linter takes the value as one).
      const reason = a.foreign.get(finding.ruleId);
      found.push({ via: 'annotation', ...(reason ? { reason } : {}) });
    }
  }
  return found;
}

export function applySuppressions(input: SuppressionInput): Finding[] {
  const { chunkText, documents, findings, active, keepSuppressed } = input;
  const directives = readDirectives(chunkText).filter((d) => d.kind !== 'enable');
  const annotations = findings.length > 0 || chunkText.includes('kubewright.io/') ? documents.flatMap((d) => readIgnoreAnnotations(d, chunkText)) : [];
  const used = new Set<NamedId | AnnotatedId>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (UNSUPPRESSIBLE.has(finding.ruleId)) {
      kept.push(finding);
      continue;
    }
    const suppressedBy = silencers(finding, directives, annotations, used);
    if (suppressedBy.length === 0) kept.push(withSuppressFixes(finding, input.chunkText, input.documents));
    else if (keepSuppressed) kept.push(markedSuppressed(finding, suppressedBy));
  }
  const severity = active.get(UNUSED_SUPPRESSION);
  if (severity) kept.push(...unusedFindings(directives, annotations, used, severity, input));
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A silenced finding as reports list it: without its fixes (it is listed, not offered for fixing), with what silenced it. */
export function markedSuppressed(finding: Finding, suppressedBy: Suppression[]): Finding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, start: finding.start, end: finding.end, suppressedBy };
}

/**
 * A cross-file finding (file offsets) with the "Suppress …" fixes of its `---` chunk: the workspace pass that made it
 * has no parse of the chunk, the editor's linter has.
 */
export function withChunkSuppressFixes(finding: Finding, chunk: { offset: number; text: string }, documents: readonly Document.Parsed[]): Finding {
  // Built when asked for (a code action at the finding), not on every keystroke that re-lints the file.
  const suppressions: NonNullable<Finding['suppressions']> = (request) => {
    const relative = { ...finding, start: finding.start - chunk.offset, end: finding.end - chunk.offset };
    const made = withSuppressFixes(relative, chunk.text, documents).suppressions;
    return made ? shiftFixes(made(request), chunk.offset) : [];
  };
  return { ...finding, suppressions };
}

/** The finding (chunk offsets) with its "Suppress … for this line" and "… for this object" fixes. */
function withSuppressFixes(finding: Finding, chunkText: string, documents: readonly Document.Parsed[]): Finding {
  const document = documentAt(documents, finding.start);
  if (!document) return finding;
  const proposals = [
    suppressLine(finding.ruleId, chunkText, documents, finding.start),
    suppressObject(finding.ruleId, document),
  ].filter((p): p is FixProposal => p !== undefined);
  if (proposals.length === 0) return finding;
  const context = new FixContext(chunkText, documents, document);
  return { ...finding, suppressions: (request) => context.build(proposals, request) };
}

/** Rules whose findings pass through this step: those checked per document (rules across files run elsewhere). */
const perDocument = (): Set<string> =>
  new Set(allRules.filter((r) => 'checkDocument' in r || 'checkWorkload' in r).map((r) => r.meta.id));

/** What is wrong with naming `id` in a suppression, if anything, and whether removing it is safe to do unasked. */
function judge(id: string, wasUsed: boolean, checked: Set<string>, active: ReadonlyMap<string, Severity>): { message: string; preferred: boolean } | undefined {
  const known = new Set(allRules.map((r) => r.meta.id));
  if (!known.has(id)) return { message: messages.unknown(id, closest(id, known)), preferred: false };
  if (UNSUPPRESSIBLE.has(id)) return { message: messages.unsuppressible(id), preferred: false };
  // A rule that is off cannot report, so whether its suppression is needed cannot be told.
  if (wasUsed || !active.has(id) || !checked.has(id)) return undefined;
  return { message: messages.unused(id), preferred: true };
}

function unusedFindings(
  directives: readonly Directive[],
  annotations: readonly IgnoreAnnotations[],
  used: ReadonlySet<NamedId | AnnotatedId>,
  severity: Severity,
  input: SuppressionInput,
): Finding[] {
  const checked = perDocument();
  const found: Finding[] = [];
  const report = (start: number, end: number, message: string, fix: FixProposal) => {
    const context = new FixContext(input.chunkText, input.documents, documentAt(input.documents, start)!);
    // One list, so that the fix is built once however often it is asked for.
    const fixProposals = [fix];
    found.push({ ruleId: UNUSED_SUPPRESSION, severity, message, start, end, fixes: (request) => context.build(fixProposals, request) });
  };
  for (const directive of directives) {
    if (directive.ids.length === 0) {
      const keyword = `kubewright-${directive.kind}`;
      report(directive.start, directive.end, messages.noIds(keyword), removeDirectiveId('Remove this suppression', directive, undefined, input.chunkText, false));
    }
    for (const named of directive.ids) {
      const problem = judge(named.id, used.has(named), checked, input.active);
      if (!problem) continue;
      const title = directive.ids.length > 1 ? `Remove "${named.id}" from this suppression` : 'Remove this suppression';
      report(named.start, named.end, problem.message, removeDirectiveId(title, directive, named, input.chunkText, problem.preferred));
    }
  }
  for (const a of annotations) {
    for (const named of a.own?.ids ?? []) {
      const problem = judge(named.id, used.has(named), checked, input.active);
      if (!problem) continue;
      const title = a.own!.ids.length > 1 ? `Remove "${named.id}" from kubewright.io/ignore` : 'Remove the kubewright.io/ignore annotation';
      report(named.start, named.end, problem.message, removeAnnotationId(title, a, named, problem.preferred));
    }
  }
  return found;
}
