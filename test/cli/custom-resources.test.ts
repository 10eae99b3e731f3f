// `kubewright lint` checks a custom resource against its CRD wherever the CRD is among the files it is given: in
// another file (here ../crds), or in the same one; given alone, the object has no CRD and gets nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, makeTree, removeTree, runCli } from './harness';

const FOLDER = path.join(FIXTURES, 'custom-resources');

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

function schemaMessages(argv: string[]): string[] {
  const outcome = runCli(['lint', '--format', 'json', ...argv]);
  assert.equal(outcome.stderr, '');
  return (JSON.parse(outcome.stdout) as JsonResult[]).flatMap((r) =>
    r.messages.filter((m) => m.ruleId.startsWith('schema-')).map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
}

const TYPO = 'widget.yaml:8:3 schema-unknown-field Unknown field `replcas` in Widget.spec: did you mean `replicas`?';

describe('cli: custom resources', () => {
  it('checks the Widget in one file against the CRD in another, given their folder or both files', () => {
    assert.deepEqual(schemaMessages([FOLDER]), [TYPO]);
    assert.deepEqual(schemaMessages([path.join(FOLDER, 'widgets/widget.yaml'), path.join(FOLDER, 'crds/widgets.yaml')]), [TYPO]);
  });

  it('has no CRD for a Widget given alone, and reports nothing on it', () => {
    assert.deepEqual(schemaMessages([path.join(FOLDER, 'widgets/widget.yaml')]), []);
  });

  it('uses a CRD in the same file', () => {
    const read = (name: string) => fs.readFileSync(path.join(FOLDER, name), 'utf8');
    const root = makeTree({ 'all.yaml': `${read('widgets/widget.yaml')}---\n${read('crds/widgets.yaml')}` });
    try {
      assert.deepEqual(schemaMessages([path.join(root, 'all.yaml')]), [TYPO.replace('widget.yaml', 'all.yaml')]);
    } finally {
      removeTree(root);
    }
  });
});
