// document-too-large: documents over the size limits get syntax-only or no checks, a lint past its time budget stops
// and says where, and its cache lets the next lint resume; everything else is checked as before.
import * as assert from 'node:assert/strict';
import { allRules, lintText, ManifestLinter } from '../../../server/src/engine';
import { SYNTAX_ONLY_CHARS, UNPARSED_CHARS } from '../../../server/src/engine/limits';

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.25\n      securityContext: {privileged: true}\n';

/** The Pod with a block scalar annotation that brings the document to `chars` characters. */
function padded(chars: number, broken = false): string {
  const line = `      ${'x'.repeat(93)}\n`;
  const head = PRIVILEGED_POD.replace('  name: p\n', `  name: p\n  annotations:\n    blob: |\n${line.repeat(Math.ceil(chars / line.length))}`);
  return broken ? head + 'spec: [\n' : head;
}

const ids = (text: string, linter = new ManifestLinter()) => linter.lint(text).map((f) => f.ruleId);

describe('document-too-large', () => {
  it('checks a document under 1.5 MB in full, with no finding of its own', () => {
    const ruleIds = ids(padded(SYNTAX_ONLY_CHARS - 10_000));
    assert.ok(ruleIds.includes('no-privileged'));
    assert.ok(!ruleIds.includes('document-too-large'));
  });

  it('checks only the syntax of a document over 1.5 MB, and says so on its first line', () => {
    const findings = lintText(padded(SYNTAX_ONLY_CHARS + 10_000, true));
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), ['document-too-large', 'yaml-syntax']);
    const info = findings.find((f) => f.ruleId === 'document-too-large')!;
    assert.deepEqual({ severity: info.severity, start: info.start, end: info.end }, { severity: 'info', start: 0, end: 'apiVersion: v1'.length });
    assert.match(info.message, /^This document is 1\.5 MB, over the 1\.5 MB etcd stores: Kubewright checks only its YAML syntax$/);
  });

  it('does not parse a document over 3 MB, and checks the other documents of the file in full', () => {
    const text = `${PRIVILEGED_POD}---\n${padded(UNPARSED_CHARS + 10_000, true)}`;
    const findings = lintText(text);
    assert.deepEqual(findings.filter((f) => f.start >= PRIVILEGED_POD.length).map((f) => f.ruleId), ['document-too-large']);
    assert.match(findings.find((f) => f.ruleId === 'document-too-large')!.message, /over the 3\.0 MB the API server accepts: Kubewright does not check it, not even its YAML syntax/);
    assert.ok(findings.some((f) => f.ruleId === 'no-privileged' && f.start < PRIVILEGED_POD.length));
  });

  it('leaves large YAML that is not Kubernetes alone', () => {
    assert.deepEqual(lintText(`openapi: 3.0.0\ninfo: |\n${'  text\n'.repeat(UNPARSED_CHARS / 6)}`), []);
  });

  it('can be turned off, limits and all', () => {
    assert.deepEqual(lintText(padded(UNPARSED_CHARS + 10), { rules: { 'document-too-large': 'off' } }), []);
  });

  describe('time budget', () => {
    const three = [1, 2, 3].map((n) => PRIVILEGED_POD.replace('name: p', `name: p${n}`)).join('---\n');
    /** A clock that moves `step` ms each time it is read: the budget runs out after a known number of checks. */
    const ticking = (step: number) => {
      let now = 0;
      return () => (now += step);
    };

    it('has none unless asked: every document is checked however slow the clock', () => {
      const linter = new ManifestLinter({}, { clock: ticking(1_000_000) });
      assert.equal(ids(three, linter).filter((id) => id === 'no-privileged').length, 3);
    });

    it('stops when it runs out, reports where, keeps what it found, and the next lint resumes', () => {
      // 0 ms: nothing is checked at all; the finding names all three documents.
      const none = new ManifestLinter({}, { budgetMs: 0 }).lint(three);
      assert.deepEqual(none.map((f) => [f.ruleId, f.start, f.message]), [
        ['document-too-large', 0, 'Kubewright stopped checking after 0 s: this document and the 2 after it were not checked; the next edit resumes where it stopped'],
      ]);
      // The clock is read before each document and each rule: this budget runs out halfway through the second
      // document, whose partial results are dropped, not cached half-done.
      const readsPerDocument = allRules.length + 1;
      const linter = new ManifestLinter({}, { budgetMs: readsPerDocument * 1.5, clock: ticking(1) });
      const first = linter.lint(three);
      assert.equal(linter.lastStats.uncheckedChunks, 2, 'stopped in the second document');
      assert.equal(first.filter((f) => f.ruleId === 'no-privileged').length, 1);
      assert.ok(first.some((f) => f.ruleId === 'document-too-large' && three.slice(f.start).startsWith('---\napiVersion') && /the 1 after it/.test(f.message)));
      const second = linter.lint(three);
      assert.equal(second.filter((f) => f.ruleId === 'no-privileged').length, 2, 'the next lint goes further from the cache');
    });

    it('leaves a normal edit unaffected: only the changed document is checked, within any sane budget', () => {
      const linter = new ManifestLinter({}, { budgetMs: 5_000 });
      linter.lint(three);
      const edited = three.replace('name: p2', 'name: q2');
      assert.deepEqual(ids(edited, linter), ids(edited));
      assert.deepEqual(linter.lastStats, { chunks: 3, checkedChunks: 1 });
    });
  });
});
