// `kubewright lint` runs the cross-file rules across every file it is given: a Service in one file is judged against
// the Deployments in others, and a file linted alone has nothing to compare with.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, runCli } from './harness';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

function crossFileMessages(argv: string[]): Array<{ file: string; ruleId: string; line: number; column: number }> {
  const outcome = runCli(['lint', '--format', 'json', ...argv]);
  assert.equal(outcome.stderr, '');
  const results = JSON.parse(outcome.stdout) as JsonResult[];
  const crossFile = new Set(['service-no-matching-pods', 'service-target-port-unknown', 'ingress-missing-service', 'missing-reference', 'hpa-missing-target', 'pdb-no-matching-pods', 'networkpolicy-selects-nothing']);
  return results.flatMap((r) =>
    r.messages.filter((m) => crossFile.has(m.ruleId)).map((m) => ({ file: path.relative(FIXTURES, r.filePath).split(path.sep).join('/'), ruleId: m.ruleId, line: m.line, column: m.column })),
  );
}

describe('cli: lint across files', () => {
  it('judges the Service in one file by the Deployment in another, given their folder', () => {
    assert.deepEqual(crossFileMessages([path.join(FIXTURES, 'cross-file/services')]), [
      { file: 'cross-file/services/app/service.yaml', ruleId: 'service-target-port-unknown', line: 14, column: 19 },
      { file: 'cross-file/services/app/service.yaml', ruleId: 'service-no-matching-pods', line: 22, column: 3 },
    ]);
  });

  it('sees the namespace a kustomization beside the files sets', () => {
    const found = crossFileMessages([path.join(FIXTURES, 'cross-file/namespaces/kustomize')]);
    assert.deepEqual(found.map((f) => `${f.file} ${f.ruleId} ${f.line}`), ['cross-file/namespaces/kustomize/deployment.yaml missing-reference 18']);
  });

  it('has nothing to compare a lone Service with', () => {
    assert.deepEqual(crossFileMessages([path.join(FIXTURES, 'cross-file/services/app/service.yaml')]), []);
  });
});
