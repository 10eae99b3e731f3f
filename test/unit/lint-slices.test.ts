// A validation done in slices (ManifestLinter.lintChunks with a LintSlice): each call pauses once its time is up,
// keeps what it checked, and the next call resumes there; the findings at the end are those of one whole lint. The
// clock is fake, so how far each slice gets is known.
import * as assert from 'node:assert/strict';
import { lintText, ManifestLinter } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';
import type { Finding } from '../../server/src/engine';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: a, image: x:1}]}\n`;
const crd = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata: {name: widgets.example.com}',
  'spec:',
  '  group: example.com',
  '  names: {kind: Widget, plural: widgets}',
  '  scope: Namespaced',
  '  versions:',
  '    - name: v1',
  '      served: true',
  '      storage: true',
  '      schema:',
  '        openAPIV3Schema:',
  '          type: object',
  '          properties:',
  '            spec: {type: object, properties: {size: {type: integer}}}',
  '',
].join('\n');
// The Widget comes before its CRD: a CRD applies to the whole file, so slices must read every CRD before checking.
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big, colour: red}\n';
const FILE = [pod('a'), widget, pod('b'), crd, pod('c'), crd.replace('widgets.example.com', 'gadgets.example.com').replace(/Widget/g, 'Gadget').replace('widgets', 'gadgets')].join('---\n');

const plain = (findings: Finding[]) => findings.map(({ ruleId, start, end, message }) => ({ ruleId, start, end, message }));

/** A clock that moves one ms each time it is read. */
function ticking(): () => number {
  let now = 0;
  return () => ++now;
}

describe('lint in slices', () => {
  const chunks = splitChunks(FILE);

  it('pauses, resumes where it stopped, and ends with the findings of one whole lint', () => {
    const linter = new ManifestLinter({}, { clock: ticking() });
    let calls = 0;
    let findings: Finding[] | undefined;
    while (!(findings = linter.lintChunks(chunks, { pauseAfterMs: 1, startedAt: 0 }))) {
      calls++;
      assert.ok(calls < 20, 'every call makes progress');
    }
    assert.ok(calls >= 3, `paused ${calls} times`);
    const whole = lintText(FILE);
    assert.ok(whole.some((f) => f.ruleId === 'schema-unknown-field' || f.ruleId === 'schema-type'), 'the Widget is checked against its CRD');
    assert.deepEqual(plain(findings), plain(whole));
    // Everything is cached now: the next lint checks nothing again.
    linter.lintChunks(chunks);
    assert.equal(linter.lastStats.checkedChunks, 0);
  });

  it('does not pause when the slice is long enough, nor on an edit that re-checks one document', () => {
    const linter = new ManifestLinter({}, { clock: ticking() });
    assert.ok(linter.lintChunks(chunks, { pauseAfterMs: 1e9, startedAt: 0 }));
    const edited = splitChunks(FILE.replace('name: b}', 'name: bx}'));
    assert.ok(linter.lintChunks(edited, { pauseAfterMs: 0, startedAt: 0 }), 'one document to check: it is checked before any pause');
    assert.equal(linter.lastStats.checkedChunks, 1);
  });

  it('counts its time budget from the start of the first slice', () => {
    const clock = ticking();
    const linter = new ManifestLinter({}, { clock, budgetMs: 1_000_000 });
    const found = linter.lintChunks(chunks, { pauseAfterMs: 1e9, startedAt: -2_000_000 });
    assert.ok(found);
    assert.equal(found.filter((f) => f.ruleId === 'document-too-large').length, 1, 'the budget had run out before this slice');
  });
});
