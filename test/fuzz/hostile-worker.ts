// Lints one hostile case per message in a worker thread, so the test can stop it when a case hangs (synchronous code
// cannot be interrupted from its own thread) and the 50 MB texts never sit in the test runner's heap.
import { parentPort } from 'node:worker_threads';
import { fixAll, lintText } from '../../server/src/engine';
import { HOSTILE_CASES } from './hostile-cases';
import { lostLines } from './lines';

export interface CaseOutcome {
  threw?: string;
  ruleErrors: string[];
  ruleIds: string[];
  /** Messages of the yaml-syntax and document-too-large findings, to show they read as plain words. */
  messages: string[];
  lintMs: number;
  fixMs?: number;
  /** Fix-all problems: a syntax error it introduced, a line it lost, a second run that changed the text. */
  fixProblems: string[];
}

function runCase(index: number): CaseOutcome {
  const hostile = HOSTILE_CASES[index];
  const text = hostile.build();
  const ruleErrors: string[] = [];
  const options = { onRuleError: (id: string, error: unknown) => ruleErrors.push(`${id}: ${String(error)}`), budgetMs: hostile.budgetMs };
  const outcome: CaseOutcome = { ruleErrors, ruleIds: [], messages: [], lintMs: 0, fixProblems: [] };
  try {
    let start = performance.now();
    const findings = lintText(text, {}, options);
    outcome.lintMs = performance.now() - start;
    outcome.ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
    outcome.messages = findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'document-too-large').map((f) => f.message).slice(0, 3);
    if (!hostile.fixAll) return outcome;
    start = performance.now();
    const once = fixAll(text, {}, options);
    outcome.fixMs = performance.now() - start;
    const syntaxBefore = findings.filter((f) => f.ruleId === 'yaml-syntax').length;
    const syntaxAfter = lintText(once.text).filter((f) => f.ruleId === 'yaml-syntax').length;
    if (syntaxAfter > syntaxBefore) outcome.fixProblems.push(`syntax errors went from ${syntaxBefore} to ${syntaxAfter}`);
    const lost = lostLines(text, once.text, once.edits);
    if (lost.length) outcome.fixProblems.push(`lost lines: ${JSON.stringify(lost.slice(0, 2).map((l) => l.slice(0, 60)))}`);
    if (fixAll(once.text).text !== once.text) outcome.fixProblems.push('a second fix-all changed the text');
  } catch (error) {
    outcome.threw = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  return outcome;
}

parentPort?.on('message', (index: number) => parentPort?.postMessage(runCase(index)));
