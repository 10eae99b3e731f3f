// Findings a `# kubewright-disable…` comment or an ignore annotation silences: JSON lists them in ESLint's
// suppressedMessages with their justification (SARIF: sarif.test.ts), stylish leaves them out, and none of them
// counts towards the exit code.
import * as assert from 'node:assert/strict';
import { makeTree, removeTree, runCli, SUPPRESSED_POD } from './harness';

describe('cli: suppressed findings', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({ 'pod.yaml': SUPPRESSED_POD });
  });
  afterEach(() => removeTree(root));

  it("lists them in JSON's suppressedMessages, with ESLint's suppressions, and not in messages or counts", () => {
    const { exitCode, stdout } = runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: root });
    assert.equal(exitCode, 0);
    const [result] = JSON.parse(stdout);
    assert.deepEqual([result.messages, result.errorCount, result.warningCount], [[], 0, 0]);
    assert.deepEqual(result.suppressedMessages, [
      {
        ruleId: 'no-host-network',
        severity: 2,
        message: 'Pod "p" uses the node\'s network (hostNetwork: true): expose it through a Service instead',
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 20,
        suppressions: [{ kind: 'directive', justification: "reads the node's interfaces" }],
      },
    ]);
  });

  it('prints nothing for them in the default format', () => {
    const { exitCode, stdout } = runCli(['lint', 'pod.yaml'], { cwd: root });
    assert.deepEqual([exitCode, stdout], [0, '']);
  });
});
