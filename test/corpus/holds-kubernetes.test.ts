// The editor's status item shows on the files holdsKubernetes accepts: on the corpus it must accept every file in which
// the linter finds something (under every rule), or a person would see problems without the item that explains them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { holdsKubernetes, lintText } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

describe('corpus: which files hold Kubernetes', function () {
  before(skipWithoutCorpus);

  it('holds Kubernetes wherever the linter finds something', function () {
    this.timeout(120_000);
    const files = yamlFiles(CORPUS).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    const withFindings = files.filter(({ text }) => lintText(text, { profile: 'all' }).length > 0);
    const held = files.filter(({ text }) => holdsKubernetes(text));
    console.log(`      ${files.length} files: ${held.length} hold Kubernetes, ${withFindings.length} have findings`);
    assert.ok(withFindings.length > 0);
    assert.deepEqual(withFindings.filter(({ text }) => !holdsKubernetes(text)).map(({ file }) => path.relative(CORPUS, file)), []);
  });
});
