// `kubewright` as a function: arguments and an I/O boundary in, exit code out. main.ts wires it to the process;
// tests call it in-process with their own sinks, environment and file reader.
import * as fs from 'node:fs';
import { lintText } from '../engine';
import { parseArgs } from './args';
import type { LintCommand } from './args';
import { ANSI_PALETTE, PLAIN_PALETTE, shouldUseColor } from './colors';
import type { Environment } from './colors';
import { describeError, expandPaths } from './files';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { toFileResult } from './report';
import type { FileResult } from './report';
import { HELP, SYNOPSIS } from './usage';
import { readPackageVersion } from './version';

export const EXIT_OK = 0;
/** At least one error-level finding. */
export const EXIT_LINT_ERRORS = 1;
/** The run itself went wrong: bad usage, a PATH that matches nothing, an unreadable file, a rule that threw. */
export const EXIT_FAILURE = 2;

export interface CliIo {
  /** Relative PATHs resolve against this. */
  cwd: string;
  env: Environment;
  stdoutIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Reads a file as UTF-8; throws a Node file-system error when it cannot. */
  readFile(filePath: string): string;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    readFile: (filePath) => fs.readFileSync(filePath, 'utf8'),
  };
}

const BYTE_ORDER_MARK = '\uFEFF';

export function run(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.writeStderr(`kubewright: ${parsed.error}\n${SYNOPSIS}\nRun "kubewright --help" for more.\n`);
    return EXIT_FAILURE;
  }
  const { command } = parsed;
  switch (command.kind) {
    case 'help':
      io.writeStdout(HELP);
      return EXIT_OK;
    case 'version': {
      const version = readPackageVersion();
      if (!version) {
        io.writeStderr('kubewright: cannot find the package.json beside the program to read its version\n');
        return EXIT_FAILURE;
      }
      io.writeStdout(`${version}\n`);
      return EXIT_OK;
    }
    case 'lint':
      return runLint(command, io);
  }
}

function runLint(command: LintCommand, io: CliIo): number {
  const { files, problems } = expandPaths(command.paths, io.cwd);
  if (problems.length > 0) return fail(problems, io);

  const results: FileResult[] = [];
  const unreadable: string[] = [];
  const ruleFailures: string[] = [];
  for (const filePath of files) {
    let text: string;
    try {
      text = stripByteOrderMark(io.readFile(filePath));
    } catch (error) {
      unreadable.push(`cannot read ${filePath}: ${describeError(error)}`);
      continue;
    }
    // Once a file cannot be read the run fails without a report, so linting the rest would be wasted.
    if (unreadable.length > 0) continue;
    const findings = lintText(text, {}, {
      onRuleError: (ruleId, error) => ruleFailures.push(`rule ${ruleId} failed on ${filePath}: ${describeError(error)}`),
    });
    results.push(toFileResult(filePath, text, findings, command.quiet));
  }
  // A partial report would read as a clean bill for the files left out; stop with only the reason.
  if (unreadable.length > 0) return fail(unreadable, io);

  const palette = shouldUseColor(io.env, io.stdoutIsTTY) ? ANSI_PALETTE : PLAIN_PALETTE;
  io.writeStdout(command.format === 'json' ? formatJson(results) : formatStylish(results, palette));
  // The report is printed, but a rule that threw may have hidden findings: CI must not take that as a pass.
  if (ruleFailures.length > 0) return fail(ruleFailures, io);
  return results.some((result) => result.errorCount > 0) ? EXIT_LINT_ERRORS : EXIT_OK;
}

/**
 * Editors hide a leading byte order mark and report columns without it, as ESLint does; removing it keeps the
 * first line's columns the same as the editor shows.
 */
function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

function fail(messages: readonly string[], io: CliIo): number {
  io.writeStderr(messages.map((message) => `kubewright: ${message}\n`).join(''));
  return EXIT_FAILURE;
}
