// Test helpers for the CLI: run it in-process with captured output, and build throw-away folder trees.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { replaceFileAtomically, run } from '../../server/src/cli/run';
import type { CliIo } from '../../server/src/cli/run';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `kubewright ...argv` in-process: no colour (not a TTY, empty environment) unless `io` says otherwise. */
export function runCli(argv: string[], io: Partial<CliIo> = {}): CliOutcome {
  let stdout = '';
  let stderr = '';
  const exitCode = run(argv, {
    cwd: process.cwd(),
    env: {},
    stdoutIsTTY: false,
    readFile: (filePath) => fs.readFileSync(filePath, 'utf8'),
    replaceFile: replaceFileAtomically,
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    ...io,
  });
  return { exitCode, stdout, stderr };
}

/** Creates the files (relative path → content) under a new temporary folder and returns its real path. */
export function makeTree(files: Record<string, string>): string {
  // realpath: on macOS the temp folder is behind a symlink, and the CLI reports paths as it resolves them.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewright-cli-')));
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** A Pod whose only finding is the no-host-network error, on the `hostNetwork: true` pair. */
export const HOST_NETWORK_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostNetwork: true, containers: []}\n';

/** A Pod whose only finding, no-host-network, is silenced by a comment with a reason (line 6). */
export const SUPPRESSED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  "  # kubewright-disable-next-line no-host-network -- reads the node's interfaces",
  '  hostNetwork: true',
  '  containers: []',
  '',
].join('\n');
