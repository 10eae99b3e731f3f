// Findings of the rules across files that a comment or annotation silences are listed like the per-document ones:
// SARIF results suppressed inSource with the reason as justification, JSON suppressedMessages; stylish leaves them
// out, and none of them counts towards the exit code (the rule runs at error here, so that it would).
import * as assert from 'node:assert/strict';
import { makeTree, removeTree, runCli } from './harness';
import { assertValidSarif } from './sarif-schema';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1.0',
  '',
].join('\n');

/** Two Services that select no pods of deployment.yaml, one silenced by a comment, one by the annotations. */
const SERVICES = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: canary}',
  'spec:',
  '  # kubewright-disable-next-line service-no-matching-pods -- the canary chart deploys its pods',
  '  selector: {app: canary}',
  '  ports: [{port: 80}]',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: legacy',
  '  annotations:',
  '    kubewright.io/ignore: service-no-matching-pods',
  '    kubewright.io/ignore-reason: endpoints are managed by hand',
  'spec:',
  '  selector: {app: legacy}',
  '  ports: [{port: 80}]',
  '',
].join('\n');

const MESSAGE = (name: string) => `Service "${name}" selects no pods: no workload in namespace "default" has the pod labels app=${name}`;

describe('cli: suppressed findings of the rules across files', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({
      '.kubewright.yaml': 'rules: {service-no-matching-pods: error}\n',
      'deployment.yaml': DEPLOYMENT,
      'service.yaml': SERVICES,
    });
  });
  afterEach(() => removeTree(root));

  it('lists them in SARIF as results suppressed inSource, with the reason as justification, and stays valid', () => {
    const { exitCode, stdout, stderr } = runCli(['lint', '--format', 'sarif', '.'], { cwd: root });
    assert.deepEqual([exitCode, stderr], [0, '']);
    const log = JSON.parse(stdout);
    assertValidSarif(log);
    const results = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'service-no-matching-pods');
    assert.deepEqual(
      results.map((r: { level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; suppressions: unknown }) => ({
        level: r.level,
        text: r.message.text,
        uri: r.locations[0].physicalLocation.artifactLocation.uri,
        line: r.locations[0].physicalLocation.region.startLine,
        suppressions: r.suppressions,
      })),
      [
        { level: 'error', text: MESSAGE('canary'), uri: 'service.yaml', line: 6, suppressions: [{ kind: 'inSource', justification: 'the canary chart deploys its pods' }] },
        { level: 'error', text: MESSAGE('legacy'), uri: 'service.yaml', line: 17, suppressions: [{ kind: 'inSource', justification: 'endpoints are managed by hand' }] },
      ],
    );
  });

  it("lists them in JSON's suppressedMessages, not in messages or the counts", () => {
    const { exitCode, stdout } = runCli(['lint', '--format', 'json', 'service.yaml', 'deployment.yaml'], { cwd: root });
    assert.equal(exitCode, 0);
    const service = JSON.parse(stdout).find((r: { filePath: string }) => r.filePath.endsWith('service.yaml'));
    assert.deepEqual([service.messages, service.errorCount, service.warningCount], [[], 0, 0]);
    assert.deepEqual(
      service.suppressedMessages.map((m: { ruleId: string; severity: number; line: number; column: number; suppressions: unknown }) => [m.ruleId, m.severity, m.line, m.column, m.suppressions]),
      [
        ['service-no-matching-pods', 2, 6, 3, [{ kind: 'directive', justification: 'the canary chart deploys its pods' }]],
        ['service-no-matching-pods', 2, 17, 3, [{ kind: 'directive', justification: 'endpoints are managed by hand' }]],
      ],
    );
  });

  it('prints nothing for them in the default format', () => {
    const { exitCode, stdout } = runCli(['lint', 'service.yaml', 'deployment.yaml'], { cwd: root });
    assert.equal(exitCode, 0);
    assert.doesNotMatch(stdout, /service-no-matching-pods/);
  });

  it('reports them, and fails the run, once the suppressions are gone (so the tests above test something)', () => {
    const bare = SERVICES.split('\n').filter((line) => !/kubewright-disable|kubewright\.io\//.test(line)).join('\n').replace('  annotations:\n', '');
    removeTree(root);
    root = makeTree({ '.kubewright.yaml': 'rules: {service-no-matching-pods: error}\n', 'deployment.yaml': DEPLOYMENT, 'service.yaml': bare });
    const { exitCode, stdout } = runCli(['lint', 'service.yaml', 'deployment.yaml'], { cwd: root });
    assert.equal(exitCode, 1);
    assert.equal(stdout.match(/service-no-matching-pods/g)?.length, 2);
  });
});
