// Bad, huge and hostile input through the engine: each case is linted (and fixed) in a worker with a generous time
// limit, must not throw, must say what is wrong in plain words, and its fixes must not break or lose anything.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HOSTILE_CASES } from './hostile-cases';
import type { CaseOutcome } from './hostile-worker';
import { Timings } from './summary';

/** Far above any case's real time (the slowest takes about 2 s): only a hang reaches it. */
const HANG_MS = 30_000;

describe('fuzz: hostile input', function () {
  this.timeout(HANG_MS + 10_000);
  const timings = new Timings();
  let worker: Worker | undefined;

  const startWorker = () => new Worker(path.join(__dirname, 'hostile-worker.js'));

  /** Runs a case in the worker; rejects (and replaces the worker) when it does not answer within HANG_MS. */
  function lintInWorker(index: number): Promise<CaseOutcome> {
    const current = (worker ??= startWorker());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void current.terminate();
        worker = undefined;
        reject(new Error(`no answer within ${HANG_MS} ms: the engine hangs on this input`));
      }, HANG_MS);
      const answered = (outcome: CaseOutcome) => {
        clearTimeout(timer);
        current.off('error', failed);
        resolve(outcome);
      };
      const failed = (error: Error) => {
        clearTimeout(timer);
        current.off('message', answered);
        worker = undefined;
        reject(error);
      };
      current.once('message', answered);
      current.once('error', failed);
      current.postMessage(index);
    });
  }

  after(async () => {
    await worker?.terminate();
    timings.print(`hostile input: ${HOSTILE_CASES.length} cases, lint and fix-all worst times per class (reported, not asserted)`);
  });

  HOSTILE_CASES.forEach((hostile, index) => {
    it(`${hostile.kind}: ${hostile.name}`, async () => {
      const outcome = await lintInWorker(index);
      assert.equal(outcome.threw, undefined, 'the engine threw');
      assert.deepEqual(outcome.ruleErrors, [], 'no rule failed');
      timings.record(`${hostile.kind} (lint)`, outcome.lintMs);
      if (outcome.fixMs !== undefined) timings.record(`${hostile.kind} (fix-all)`, outcome.fixMs);
      if (hostile.expect === 'syntax-error') assert.ok(outcome.ruleIds.includes('yaml-syntax'), `a syntax error is reported: ${outcome.ruleIds}`);
      if (hostile.expect === 'parses') assert.ok(!outcome.ruleIds.includes('yaml-syntax'), `no syntax error: ${outcome.messages}`);
      if (hostile.expect === 'too-large') assert.ok(outcome.ruleIds.includes('document-too-large'), `the size or time limit is reported: ${outcome.ruleIds}`);
      // Plain words, never a JavaScript error escaping into a diagnostic.
      for (const message of outcome.messages) assert.doesNotMatch(message, /call stack|RangeError|TypeError|undefined/);
      assert.deepEqual(outcome.fixProblems, []);
    });
  });
});
