// Reads the command line into a Command: `kubewright lint [--format stylish|json|sarif] [--quiet] [--fix | --fix-dry-run]
// [--profile NAME] [--kubernetes-version 1.N] [--config PATH] PATH...`, `kubewright rules [--format json]`, help or version.
// Pure: no I/O, so every usage error can be tested as data.
import { parseKubernetesVersion } from '../engine/k8s/kubernetes-version';
import { isProfileId, PROFILES } from '../engine/profiles';
import type { ProfileId } from '../engine/profiles';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface LintCommand {
  kind: 'lint';
  format: OutputFormat;
  /** Report errors only, as ESLint's --quiet does. */
  quiet: boolean;
  /** Files, folders and globs exactly as given. */
  paths: string[];
  /** `write`: apply the fixes to the files; `dry-run`: print them as a diff; `none`: only report. */
  fix: 'none' | 'write' | 'dry-run';
  /** The Kubernetes version to check against ("1.22"); absent: the newest the engine knows. */
  kubernetesVersion?: string;
  /** The profile whose rules run; absent: the default profile. */
  profile?: ProfileId;
  /** The `.kubewright.yaml` for every file, as given; absent: each file's nearest one (see cli/config.ts). */
  config?: string;
}

/** `kubewright rules`: every rule, as a table (stylish) or as JSON. */
export interface RulesCommand {
  kind: 'rules';
  format: 'stylish' | 'json';
}

export type Command = { kind: 'help' } | { kind: 'version' } | LintCommand | RulesCommand;

export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

/** "stylish, json or sarif", for messages. */
const FORMAT_CHOICES = `${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS[OUTPUT_FORMATS.length - 1]}`;

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Parses the arguments after `node cli.js`. Options may come before or after the PATHs; `--` ends options. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  let format: OutputFormat = 'stylish';
  let quiet = false;
  let fix: LintCommand['fix'] = 'none';
  let kubernetesVersion: string | undefined;
  let profile: ProfileId | undefined;
  let config: string | undefined;
  let wantsHelp = false;
  let wantsVersion = false;
  // The first problem found; reported only if the user did not ask for help, which always wins.
  let error: string | undefined;
  const fail = (message: string) => {
    error ??= message;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone `-` is a path-like word (stdin by convention), not an option; `lint` will say it matches nothing.
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    const inlineValue = name === arg ? undefined : arg.slice(equals + 1);
    switch (name) {
      case '-h':
      case '--help':
        wantsHelp = true;
        break;
      case '--version':
        wantsVersion = true;
        break;
      case '--quiet':
        if (inlineValue !== undefined) fail(`option --quiet takes no value`);
        quiet = true;
        break;
      case '--fix':
      case '--fix-dry-run': {
        const mode = name === '--fix' ? 'write' : 'dry-run';
        if (inlineValue !== undefined) fail(`option ${name} takes no value`);
        else if (fix !== 'none' && fix !== mode) fail('use --fix or --fix-dry-run, not both');
        fix = mode;
        break;
      }
      case '-f':
      case '--format': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value === '') fail(`option ${name} needs a value: ${FORMAT_CHOICES}`);
        else if (!isOutputFormat(value)) fail(`unknown format "${value}": use ${FORMAT_CHOICES}`);
        else format = value;
        break;
      }
      case '--kubernetes-version': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value === '') fail(`option ${name} needs a value: a Kubernetes minor version such as 1.36`);
        else if (!parseKubernetesVersion(value)) fail(`bad Kubernetes version "${value}": give a minor version such as 1.36`);
        else kubernetesVersion = value;
        break;
      }
      case '--profile': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value === '') fail(`option ${name} needs a value: ${PROFILES.join(', ')}`);
        else if (!isProfileId(value)) fail(`unknown profile "${value}": use ${PROFILES.join(', ')}`);
        else profile = value;
        break;
      }
      case '--config': {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value === '') fail(`option ${name} needs a value: the path of a .kubewright.yaml`);
        else config = value;
        break;
      }
      default:
        fail(`unknown option "${arg}"`);
    }
  }

  if (wantsHelp) return { ok: true, command: { kind: 'help' } };
  if (error) return { ok: false, error };
  if (wantsVersion) return { ok: true, command: { kind: 'version' } };

  const [commandName, ...paths] = positionals;
  if (commandName === undefined) return { ok: false, error: 'no command given' };
  if (commandName === 'rules') {
    if (paths.length > 0) return { ok: false, error: `the rules command takes no PATH, got "${paths[0]}"` };
    if (format === 'sarif') return { ok: false, error: 'the rules command prints stylish or json, not sarif' };
    return { ok: true, command: { kind: 'rules', format } };
  }
  if (commandName !== 'lint') return { ok: false, error: `unknown command "${commandName}"` };
  if (paths.length === 0) return { ok: false, error: 'no PATH given: name the files, folders or globs to lint' };
  return { ok: true, command: { kind: 'lint', format, quiet, paths, fix, ...(kubernetesVersion ? { kubernetesVersion } : {}), ...(profile ? { profile } : {}), ...(config ? { config } : {}) } };
}
