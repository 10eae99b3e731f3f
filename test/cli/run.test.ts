// `kubewright lint` in-process: the exact JSON and stylish reports, --quiet, colour, BOM columns, non-Kubernetes
// YAML, and the exit code and message for each way a run can fail.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOST_NETWORK_POD, FIXTURES, makeTree, removeTree, runCli } from './harness';

const LIVENESS_HTTP = path.join(FIXTURES, 'liveness-http.yaml');
const PRIVILEGED = path.join(FIXTURES, 'cli/privileged-host-network.yaml');
const CLEAN = path.join(FIXTURES, 'following-all-practices.yaml');

/** Every liveness-http finding is on the container's name, `liveness`, at line 10, columns 5 to 19 (exclusive). */
const onLivenessName = { line: 10, column: 5, endLine: 10, endColumn: 19 };
const ESLINT_EMPTY_FIELDS = { fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };

/** Lints `text` as a file's content: PATH expansion needs a real file, and the injected reader supplies the text. */
function lintContent(text: string, ...options: string[]) {
  return runCli(['lint', ...options, LIVENESS_HTTP], { readFile: () => text });
}

describe('cli: lint', () => {
  describe('--format json', () => {
    it("gives ESLint's result shape for liveness-http.yaml: five warnings on the container name, none on the Service", () => {
      const { exitCode, stdout, stderr } = runCli(['lint', '--format', 'json', LIVENESS_HTTP]);
      assert.equal(stderr, '');
      assert.equal(exitCode, 0, 'warnings alone do not fail the run');
      assert.ok(stdout.endsWith(']\n') && !stdout.slice(0, -1).includes('\n'), 'one line of JSON');
      assert.deepEqual(JSON.parse(stdout), [
        {
          filePath: LIVENESS_HTTP,
          messages: [
            {
              ruleId: 'run-as-non-root',
              severity: 1,
              message: 'Container "liveness" may run as root: set securityContext.runAsNonRoot: true (pod or container), or a runAsUser above 0',
              ...onLivenessName,
            },
            {
              ruleId: 'no-privilege-escalation',
              severity: 1,
              message: 'Container "liveness" allows privilege escalation: set securityContext.allowPrivilegeEscalation: false',
              ...onLivenessName,
            },
            {
              ruleId: 'read-only-root-fs',
              severity: 1,
              message: 'Container "liveness" has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true',
              ...onLivenessName,
            },
            {
              ruleId: 'require-requests-limits',
              severity: 1,
              message: 'Container "liveness" has no cpu request, memory request and memory limit: set them under resources',
              ...onLivenessName,
            },
            {
              ruleId: 'require-readiness-probe',
              severity: 1,
              message:
                'Container "liveness" has no readinessProbe: Services send it traffic before it can answer; add one that succeeds only when it can serve',
              ...onLivenessName,
            },
          ],
          suppressedMessages: [],
          errorCount: 0,
          warningCount: 5,
          ...ESLINT_EMPTY_FIELDS,
          usedDeprecatedRules: [],
        },
      ]);
    });

    it("keeps ESLint's key order, so saved results diff cleanly", () => {
      const [result] = JSON.parse(runCli(['lint', '-f', 'json', PRIVILEGED]).stdout);
      assert.deepEqual(Object.keys(result), [
        'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount',
        'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules',
      ]);
      assert.deepEqual(Object.keys(result.messages[0]), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    });

    it('lists clean files too, sorted by path, with errors as severity 2, and exits 1 on an error', () => {
      const { exitCode, stdout } = runCli(['lint', '--format=json', PRIVILEGED, CLEAN]);
      assert.equal(exitCode, 1);
      const results = JSON.parse(stdout);
      assert.deepEqual(
        results.map((r: { filePath: string; errorCount: number; warningCount: number }) => [r.filePath, r.errorCount, r.warningCount]),
        [
          [PRIVILEGED, 2, 2],
          [CLEAN, 0, 0],
        ],
      );
      assert.deepEqual(
        results[0].messages.map((m: { ruleId: string; severity: number; line: number; column: number; endColumn: number }) =>
          `${m.line}:${m.column}-${m.endColumn} ${m.severity} ${m.ruleId}`,
        ),
        ['6:3-20 2 no-host-network', '9:7-16 1 require-readiness-probe', '14:9-25 2 no-privileged', '14:9-25 1 no-privilege-escalation'],
      );
    });
  });

  describe('--format stylish', () => {
    it('prints each file with problems, aligned rows, a blank line between files, and the summary', () => {
      const root = makeTree({ 'b/pod.yaml': HOST_NETWORK_POD, 'a/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {}\ndata: {}\n' });
      try {
        const { exitCode, stdout, stderr } = runCli(['lint', PRIVILEGED, CLEAN, root]);
        assert.equal(exitCode, 1);
        assert.equal(stderr, '');
        const readiness = 'Container "web" has no readinessProbe: Services send it traffic before it can answer; add one that succeeds only when it can serve';
        // One block per file, in the CLI's order: paths sorted by code unit, wherever the clone and temp folder are.
        const blocks: Array<[string, string[]]> = [
          [`${root}/a/config.yaml`, ['  5:1  error  Duplicate key "data": a key may appear only once in a map  yaml-syntax']],
          [`${root}/b/pod.yaml`, [`  4:8  error  Pod "p" uses the node's network (hostNetwork: true): expose it through a Service instead  no-host-network`]],
          [
            PRIVILEGED,
            [
              `   6:3  error    ${`Pod "web" uses the node's network (hostNetwork: true): expose it through a Service instead`.padEnd(readiness.length)}  no-host-network`,
              `   9:7  warning  ${readiness}  require-readiness-probe`,
              `  14:9  error    ${'Container "web" runs privileged: it has full access to the node'.padEnd(readiness.length)}  no-privileged`,
              `  14:9  warning  ${'Container "web" is privileged, which always allows privilege escalation despite allowPrivilegeEscalation: false'.padEnd(readiness.length)}  no-privilege-escalation`,
            ],
          ],
        ];
        blocks.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        assert.equal(
          stdout,
          [
            '',
            ...blocks.flatMap(([file, rows]) => [file, ...rows, '']),
            '✖ 6 problems (4 errors, 2 warnings)',
            '',
          ].join('\n'),
        );
      } finally {
        removeTree(root);
      }
    });

    it('says "1 problem (1 error, 0 warnings)": singular where it is one', () => {
      const { exitCode, stdout } = lintContent(HOST_NETWORK_POD);
      assert.equal(exitCode, 1);
      assert.ok(stdout.endsWith('\n\n✖ 1 problem (1 error, 0 warnings)\n'), stdout);
    });

    it('prints nothing at all when there are no problems', () => {
      assert.deepEqual(runCli(['lint', CLEAN]), { exitCode: 0, stdout: '', stderr: '' });
    });

    it('colours a terminal, and never piped output', () => {
      const coloured = runCli(['lint', PRIVILEGED], { stdoutIsTTY: true }).stdout;
      assert.ok(coloured.includes(`\u001b[4m${PRIVILEGED}\u001b[24m`), 'underlined path');
      assert.ok(coloured.includes('\u001b[31merror\u001b[39m  '), 'red error, padded outside the colour');
      assert.ok(coloured.includes('\u001b[33mwarning\u001b[39m'), 'yellow warning');
      assert.ok(coloured.includes('\u001b[1m\u001b[31m✖ 4 problems (2 errors, 2 warnings)\u001b[39m\u001b[22m'), 'bold red summary');
      // Without the escapes it is the plain report, column for column.
      const plain = runCli(['lint', PRIVILEGED]).stdout;
      assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
      assert.ok(!plain.includes('\u001b'));
    });

    it('lets NO_COLOR turn colour off on a terminal, and FORCE_COLOR turn it on in a pipe or off anywhere', () => {
      const hasColour = (io: Parameters<typeof runCli>[1]) => runCli(['lint', PRIVILEGED], io).stdout.includes('\u001b[');
      assert.equal(hasColour({ stdoutIsTTY: true, env: { NO_COLOR: '1' } }), false);
      assert.equal(hasColour({ stdoutIsTTY: true, env: { NO_COLOR: '' } }), true, 'an empty NO_COLOR is unset');
      assert.equal(hasColour({ stdoutIsTTY: true, env: { TERM: 'dumb' } }), false);
      assert.equal(hasColour({ stdoutIsTTY: false, env: { FORCE_COLOR: '1' } }), true);
      assert.equal(hasColour({ stdoutIsTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), true);
      assert.equal(hasColour({ stdoutIsTTY: true, env: { FORCE_COLOR: '0' } }), false);
      assert.equal(hasColour({ stdoutIsTTY: false, env: { FORCE_COLOR: '' } }), true, 'set but empty forces colour, as in Node');
    });
  });

  describe('--quiet', () => {
    it('drops warnings from the report and the counts, keeping errors and the exit code', () => {
      const { exitCode, stdout } = runCli(['lint', '--quiet', '--format', 'json', PRIVILEGED, LIVENESS_HTTP]);
      assert.equal(exitCode, 1);
      const results = JSON.parse(stdout);
      assert.deepEqual(
        results.map((r: { filePath: string; messages: Array<{ ruleId: string }>; errorCount: number; warningCount: number }) => ({
          file: path.basename(r.filePath),
          rules: r.messages.map((m) => m.ruleId),
          errorCount: r.errorCount,
          warningCount: r.warningCount,
        })),
        [
          { file: 'privileged-host-network.yaml', rules: ['no-host-network', 'no-privileged'], errorCount: 2, warningCount: 0 },
          { file: 'liveness-http.yaml', rules: [], errorCount: 0, warningCount: 0 },
        ],
      );
    });

    it('prints nothing in stylish when only warnings were found', () => {
      assert.deepEqual(runCli(['lint', '--quiet', LIVENESS_HTTP]), { exitCode: 0, stdout: '', stderr: '' });
    });
  });

  describe('files', () => {
    it('reports columns without a leading byte order mark, as editors show them', () => {
      const line = '{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostNetwork: true, containers: []}}\n';
      const positions = (text: string) =>
        JSON.parse(lintContent(text, '-f', 'json').stdout)[0].messages.map(
          (m: { line: number; column: number; endColumn: number }) => [m.line, m.column, m.endColumn],
        );
      const expectedColumn = line.indexOf('hostNetwork') + 1;
      assert.deepEqual(positions(line), [[1, expectedColumn, expectedColumn + 'hostNetwork: true'.length]]);
      assert.deepEqual(positions(`\uFEFF${line}`), positions(line));
    });

    it('counts columns in UTF-16 code units, like ESLint and VS Code', () => {
      // The emoji is two UTF-16 units: hostNetwork's column moves by two, not one.
      const plain = '{metadata: {name: "ab"}, apiVersion: v1, kind: Pod, spec: {hostNetwork: true, containers: []}}\n';
      const emoji = plain.replace('ab', '\u{1F600}');
      // The hostNetwork finding's column (the emoji is no DNS name: schema-name reports the name too).
      const column = (text: string) =>
        JSON.parse(lintContent(text, '-f', 'json').stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'no-host-network').column;
      assert.equal(column(plain), plain.indexOf('hostNetwork') + 1);
      assert.equal(column(emoji), column(plain));
      assert.equal(emoji.indexOf('hostNetwork'), plain.indexOf('hostNetwork'), 'same UTF-16 offset');
    });

    it('gives no messages for YAML that is not Kubernetes, even with Kubernetes-like keys', () => {
      const folder = path.join(FIXTURES, 'not-kubernetes');
      const { exitCode, stdout } = runCli(['lint', '-f', 'json', folder]);
      assert.equal(exitCode, 0);
      const results: Array<{ filePath: string; messages: unknown[] }> = JSON.parse(stdout);
      assert.deepEqual(results.map((r) => path.basename(r.filePath)), [
        'ansible-playbook.yaml', 'docker-compose.yaml', 'github-workflow.yaml', 'helm-values.yaml', 'openapi.yaml',
      ]);
      assert.deepEqual(results.map((r) => r.messages), [[], [], [], [], []]);
    });
  });

  describe('exit codes and failures', () => {
    it('exits 2 naming a PATH that does not exist, and prints no report', () => {
      const { exitCode, stdout, stderr } = runCli(['lint', LIVENESS_HTTP, 'no/such/file.yaml']);
      assert.deepEqual({ exitCode, stdout, stderr }, { exitCode: 2, stdout: '', stderr: 'kubewright: "no/such/file.yaml": no such file or folder\n' });
    });

    it('exits 2 naming a glob that matches nothing', () => {
      const { exitCode, stderr } = runCli(['lint', 'test/fixtures/**/*.nothing.yaml'], { cwd: path.resolve(FIXTURES, '../..') });
      assert.equal(exitCode, 2);
      assert.equal(stderr, 'kubewright: "test/fixtures/**/*.nothing.yaml" matches no .yaml or .yml files\n');
    });

    it('exits 2 naming each file it cannot read, with the reason, and prints no partial report', () => {
      const denied = Object.assign(new Error("EACCES: permission denied, open '…'"), { code: 'EACCES' });
      const { exitCode, stdout, stderr } = runCli(['lint', PRIVILEGED, LIVENESS_HTTP], {
        readFile: (filePath) => {
          throw filePath === PRIVILEGED ? denied : Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
        },
      });
      assert.equal(exitCode, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `kubewright: cannot read ${PRIVILEGED}: permission denied\nkubewright: cannot read ${LIVENESS_HTTP}: is a folder\n`);
    });

    it('exits 2 with the error and the synopsis on stderr for a usage error', () => {
      const { exitCode, stdout, stderr } = runCli(['lint', '--format', 'xml', LIVENESS_HTTP]);
      assert.equal(exitCode, 2);
      assert.equal(stdout, '');
      assert.equal(
        stderr,
        'kubewright: unknown format "xml": use stylish, json or sarif\n' +
          'Usage: kubewright lint [--format stylish|json|sarif] [--quiet] [--fix | --fix-dry-run] [--profile NAME] [--kubernetes-version 1.N] [--config PATH] PATH...\n' +
          '       kubewright rules [--format stylish|json]\n' +
          'Run "kubewright --help" for more.\n',
      );
    });

    it('exits 0 on warnings, 1 on an error', () => {
      assert.equal(runCli(['lint', LIVENESS_HTTP]).exitCode, 0);
      assert.equal(runCli(['lint', LIVENESS_HTTP, PRIVILEGED]).exitCode, 1);
    });

    it('prints usage for --help and the package version for --version, exit 0', () => {
      const help = runCli(['--help']);
      assert.equal(help.exitCode, 0);
      assert.ok(help.stdout.startsWith('Usage: kubewright lint [--format stylish|json|sarif] [--quiet] [--fix | --fix-dry-run] [--profile NAME] [--kubernetes-version 1.N] [--config PATH] PATH...\n'));
      assert.match(help.stdout, /--quiet\s+report errors only/);
      const version = runCli(['--version']);
      const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
      assert.match(manifest.version, /^\d+\.\d+\.\d+/);
      assert.deepEqual(version, { exitCode: 0, stdout: `${manifest.version}\n`, stderr: '' });
    });
  });
});
