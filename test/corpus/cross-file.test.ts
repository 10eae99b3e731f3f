// The cross-file rules over the whole shared corpus as one workspace: the finding counts per rule are pinned (each was
// read; see the README's cross-file section), and the index time is printed as a figure, never asserted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lintWorkspace, WorkspaceIndex } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from './corpus-files';

describe('cross-file rules on the corpus', function () {
  before(skipWithoutCorpus);

  it('finds what was read and judged, and nothing else', () => {
    const texts = yamlFiles(CORPUS).map((file) => [file, fs.readFileSync(file, 'utf8')] as const);
    const started = performance.now();
    const index = new WorkspaceIndex();
    for (const [file, text] of texts) index.setFile(file, text);
    const objects = index.all().length;
    const indexed = performance.now();
    const findings = [...lintWorkspace(index).values()].flat();
    console.log(`    ${texts.length} files, ${objects} objects: indexed in ${Math.round(indexed - started)} ms, checked in ${Math.round(performance.now() - indexed)} ms`);
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    // missing-reference: Secrets made at run time by Jobs (argocd-redis, ingress-nginx-admission) and by the examples'
    // READMEs (kubectl create secret), claims and accounts in JSON files; all info. ingress-missing-service: the
    // oauth examples route to a kubernetes-dashboard installed separately. service-no-matching-pods: nfs-server's
    // Deployment is not in the corpus.
    assert.deepEqual(counts, { 'missing-reference': 23, 'ingress-missing-service': 2, 'service-no-matching-pods': 1 });
  });
});
