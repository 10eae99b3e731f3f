// `kubewright` as a function: arguments and an I/O boundary in, exit code out. main.ts wires it to the process;
// tests call it in-process with their own sinks, environment and file reader.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CustomResources, fixAll, lintText, readCrdsInText } from '../engine';
import { parseArgs } from './args';
import type { LintCommand } from './args';
import { ANSI_PALETTE, PLAIN_PALETTE, shouldUseColor } from './colors';
import type { Environment } from './colors';
import { describeError, expandPaths } from './files';
import { ConfigResolver, isInvalidConfig } from './config';
import type { InvalidConfig } from './config';
import { CONFIG_FILE_NAME, layerConfig, lineAndColumn } from '../engine';
import type { LintConfig } from '../engine';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatRulesJson, formatRulesTable, listRules } from './rules';
import { formatStylish } from './formatters/stylish';
import { unifiedDiff } from './diff';
import { toFileResult } from './report';
import { addCrossFileFindings } from './cross-file';
import type { LintedFile } from './cross-file';
import type { FileResult } from './report';
import { HELP, SYNOPSIS } from './usage';
import { packageRoot, readPackageVersion } from './version';

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
  /** Replaces a file's content all at once (or not at all); throws a Node file-system error when it cannot. */
  replaceFile(filePath: string, text: string): void;
}

/**
 * Writes beside the file, then renames over it: a crash or a full disk leaves the old file or the new one, never
 * half of one. The file keeps its permissions.
 */
export function replaceFileAtomically(filePath: string, text: string): void {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.kubewright-${process.pid}.tmp`);
  removeStaleTemporaries(filePath);
  try {
    fs.writeFileSync(temporary, text, { mode: fs.statSync(filePath).mode });
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A run killed while writing (SIGKILL, power loss) leaves its temporary file beside the one it fixed, never in its
 * place. Walks and globs ignore it (it ends in .tmp); the next --fix of that file removes it once its process is gone.
 */
function removeStaleTemporaries(filePath: string): void {
  const prefix = `.${path.basename(filePath)}.kubewright-`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(filePath));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) fs.rmSync(path.join(path.dirname(filePath), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    readFile: (filePath) => fs.readFileSync(filePath, 'utf8'),
    replaceFile: replaceFileAtomically,
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
    case 'rules':
      io.writeStdout(command.format === 'json' ? formatRulesJson(listRules()) : formatRulesTable(listRules()));
      return EXIT_OK;
  }
}

function runLint(command: LintCommand, io: CliIo): number {
  const { files, problems } = expandPaths(command.paths, io.cwd);
  if (problems.length > 0) return fail(problems, io);
  const configs = new ConfigResolver(io.readFile, command.config === undefined ? undefined : path.resolve(io.cwd, command.config));
  // A file named on the command line is linted even if an exclude glob matches it, as ESLint lints what it is told to.
  const named = new Set(command.paths.map((given) => path.resolve(io.cwd, given)));
  // Command-line options override the file, which is the project's shared default.
  const flags = { ...(command.kubernetesVersion ? { kubernetesVersion: command.kubernetesVersion } : {}), ...(command.profile ? { profile: command.profile } : {}) };

  const linted: LintedFile[] = [];
  const unreadable: string[] = [];
  const invalidConfigs = new Set<InvalidConfig>(); // once per config, not per file it governs
  const ruleFailures: string[] = [];
  const diffs: string[] = [];
  // JSON and SARIF list silenced findings as suppressed (per document and across files); fix-all never sees them.
  const keepSuppressed = command.format !== 'stylish';
  const read: Array<{ filePath: string; original: string; config: LintConfig }> = [];
  for (const filePath of files) {
    const applied = configs.forFile(filePath);
    if (typeof applied === 'string') {
      if (!unreadable.includes(applied)) unreadable.push(applied); // once per config, not per file it governs
      continue;
    }
    if (isInvalidConfig(applied)) {
      invalidConfigs.add(applied);
      continue;
    }
    if (!named.has(filePath) && (path.basename(filePath) === CONFIG_FILE_NAME || ConfigResolver.excludes(applied, filePath))) continue;
    try {
      read.push({ filePath, original: io.readFile(filePath), config: layerConfig(applied.config.lint, flags) });
    } catch (error) {
      unreadable.push(`cannot read ${filePath}: ${describeError(error)}`);
      continue;
    }
    // A NUL never occurs in YAML (nor in any text file): this is an image, an archive or a binary. Saying so beats
    // a screenful of syntax errors; like an unreadable file, it stops the run (see the README).
    if (read[read.length - 1].original.slice(0, 8000).includes('\u0000')) unreadable.push(`cannot read ${filePath}: not a text file`);
  }
  // A partial report would read as a clean bill for the files left out; stop with only the reason.
  if (unreadable.length > 0) return fail([...unreadable, ...[...invalidConfigs].flatMap(describeMistakes)], io);
  if (invalidConfigs.size > 0) return reportInvalidConfigs([...invalidConfigs], command, io);
  // Every file's CRDs, before any file is linted: a custom resource is checked whatever file its CRD is in.
  const customResources = new CustomResources(read.flatMap(({ original }) => readCrdsInText(stripByteOrderMark(original))));
  for (const { filePath, original, config } of read) {
    // Once a file cannot be written the run fails without a report, so fixing the rest would be wasted.
    if (unreadable.length > 0) break;
    const options = {
      customResources,
      onRuleError: (ruleId: string, error: unknown) => ruleFailures.push(`rule ${ruleId} failed on ${filePath}: ${describeError(error)}`),
    };
    let text = stripByteOrderMark(original);
    let output: string | undefined;
    if (command.fix !== 'none') {
      const fixed = fixAll(text, config, options);
      if (fixed.edits.length > 0) {
        if (command.fix === 'dry-run') diffs.push(unifiedDiff(filePath, text, fixed.edits));
        else {
          try {
            io.replaceFile(filePath, original.slice(0, original.length - text.length) + fixed.text);
          } catch (error) {
            unreadable.push(`cannot write ${filePath}: ${describeError(error)}`);
            continue;
          }
        }
        text = fixed.text;
        output = fixed.text;
      }
    }
    linted.push({ filePath, text, findings: lintText(text, config, { ...options, keepSuppressed }), config, output });
  }
  // A file that could not be written stops the run the same way.
  if (unreadable.length > 0) return fail(unreadable, io);
  addCrossFileFindings(linted, (ruleId, error) => ruleFailures.push(`rule ${ruleId} failed: ${describeError(error)}`), keepSuppressed);
  const results: FileResult[] = linted.map(({ filePath, text, findings, output }) => ({
    ...toFileResult(filePath, text, findings, command.quiet),
    ...(command.fix === 'dry-run' && output !== undefined ? { output } : {}),
  }));

  writeReport(results, command, io, diffs);
  // The report is printed, but a rule that threw may have hidden findings: CI must not take that as a pass.
  if (ruleFailures.length > 0) return fail(ruleFailures, io);
  return results.some((result) => result.errorCount > 0) ? EXIT_LINT_ERRORS : EXIT_OK;
}

function writeReport(results: readonly FileResult[], command: LintCommand, io: CliIo, diffs: readonly string[] = []): void {
  const palette = shouldUseColor(io.env, io.stdoutIsTTY) ? ANSI_PALETTE : PLAIN_PALETTE;
  if (command.format === 'json') io.writeStdout(formatJson(results));
  else if (command.format === 'sarif') io.writeStdout(formatSarif(results, sarifContext(io.cwd)));
  else io.writeStdout(diffs.join('') + formatStylish(results, palette));
}

/**
 * A .kubewright.yaml with mistakes stops the run before any file is linted under settings nobody meant. Its mistakes
 * are the report, as config-file findings in the format asked for (code scanning marks them in the file, JSON
 * readers see them), and stderr says why nothing else was linted.
 */
function reportInvalidConfigs(configs: readonly InvalidConfig[], command: LintCommand, io: CliIo): number {
  writeReport(configs.map(({ configPath, text, findings }) => toFileResult(configPath, text, findings, command.quiet)), command, io);
  const names = configs.map(({ configPath }) => configPath).join(', ');
  return fail([`${names} ${configs.length === 1 ? 'has mistakes' : 'have mistakes'} (config-file): no file was linted`], io);
}

/** A config's mistakes as stderr lines, for a run that stops for another reason before any report. */
function describeMistakes({ configPath, text, findings }: InvalidConfig): string[] {
  return findings.map((finding) => {
    const { line, column } = lineAndColumn(text, finding.start);
    return `${configPath}:${line}:${column}: ${finding.message} (${finding.ruleId})`;
  });
}

/** What the SARIF log says about Kubewright: its version, and where its rule pages are (beside the program). */
function sarifContext(cwd: string) {
  const root = packageRoot();
  return { cwd, version: readPackageVersion(), ...(root ? { docsFolder: path.join(root, 'docs', 'rules') } : {}) };
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
