// The committed rule docs and README rule table equal what scripts/gen-docs.mjs would write from the rules' meta,
// and there is exactly one page per rule: the language server links every diagnostic to its page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { allRules } from '../../server/src/engine';
import type { RuleMeta } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');

/** The generator's pure half, shared with scripts/gen-docs.mjs (plain CommonJS, so typed here by hand). */
interface RuleDocsModule {
  RULES_DIR: string;
  generatedFiles(metas: readonly RuleMeta[], readme: string): Map<string, string>;
}
// Loaded at run time by absolute path: the script sits outside the TypeScript projects, and out/ is one level deeper.
const ruleDocs = require(path.join(ROOT, 'scripts/rule-docs.cjs')) as RuleDocsModule;

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const metas = allRules.map((r) => r.meta);

describe('rule docs', () => {
  const expected = ruleDocs.generatedFiles(metas, read('README.md'));

  for (const [rel, text] of expected) {
    it(`${rel} is up to date (else: npx tsc -b && npm run docs)`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, rel)), `${rel} is missing`);
      assert.equal(read(rel), text, `${rel} differs from what the generator writes`);
    });
  }

  it('has a page for every rule and no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(ROOT, ruleDocs.RULES_DIR)).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(pages.map((f) => f.replace(/\.md$/, '')).sort(), metas.map((m) => m.id).sort());
  });

  it('puts each rule in the README table, linked to its page', () => {
    const readme = read('README.md');
    for (const { id } of metas) assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), `${id} is not in the README table`);
  });

  it('writes each page with the title, severity, sections and yaml examples', () => {
    for (const meta of metas) {
      const page = expected.get(`${ruleDocs.RULES_DIR}/${meta.id}.md`) ?? '';
      assert.ok(page.startsWith(`# ${meta.id}\n`), `${meta.id}: title`);
      assert.ok(page.includes(`Default severity: **${meta.severity}**`), `${meta.id}: severity`);
      for (const heading of ['## Why', '## How to fix', '## Bad', '## Good']) assert.ok(page.includes(`\n${heading}\n`), `${meta.id}: ${heading}`);
      assert.equal(page.includes('## Options'), Object.keys(meta.docs.options ?? {}).length > 0, `${meta.id}: options section`);
      assert.ok(page.includes('```yaml\n' + meta.docs.bad.trimEnd() + '\n```'), `${meta.id}: bad example`);
      assert.ok(page.includes('```yaml\n' + meta.docs.good.trimEnd() + '\n```'), `${meta.id}: good example`);
    }
  });

  it('gen-docs.mjs --check agrees (the script CI and people run)', () => {
    const run = spawnSync(process.execPath, ['scripts/gen-docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
