// Every cross-file fixture workspace gives exactly the findings its caret lines mark, with namespaces and
// kustomizations, and every cross-file rule's docs examples behave (bad: a finding; good: none).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertWorkspace, CROSS_FILE_FIXTURES, lintFiles, workspaceRules } from '../../support/workspace-tester';

describe('cross-file fixtures', () => {
  for (const name of fs.readdirSync(CROSS_FILE_FIXTURES).sort()) {
    it(`${name}: exactly the marked findings`, () => assertWorkspace(path.join(CROSS_FILE_FIXTURES, name)));
  }

  for (const rule of workspaceRules) {
    it(`${rule.meta.id}: its docs "bad" example gives a finding of it, its "good" one none`, () => {
      const bad = lintFiles(new Map([['bad.yaml', rule.meta.docs.bad]]), [rule]).get('bad.yaml')!;
      assert.ok(bad.length > 0 && bad.every((f) => f.includes(` ${rule.meta.id}: `)), bad.join('\n'));
      assert.deepEqual(lintFiles(new Map([['good.yaml', rule.meta.docs.good]]), [rule]).get('good.yaml'), []);
    });
  }
});
