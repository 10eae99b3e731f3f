// The rule registry equals the rule files on disk, ids equal file names, and every rule's docs are complete.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';

const RULES_DIR = path.resolve(__dirname, '../../../server/src/engine/rules');

describe('rule registry', () => {
  it('lists exactly the rule files, each once', () => {
    const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual([...allRules.map((r) => r.meta.id)].sort(), files.sort());
  });

  it('has complete docs for every rule', () => {
    for (const { meta } of allRules) {
      for (const field of ['summary', 'rationale', 'remediation', 'bad', 'good'] as const) {
        assert.ok(meta.docs[field].trim().length > 10, `${meta.id}: docs.${field} is empty`);
      }
      assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/, `${meta.id}: ids are kebab-case`);
    }
  });
});
