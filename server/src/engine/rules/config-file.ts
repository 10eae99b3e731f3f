// config-file: a mistake in a `.kubewright.yaml`, which is then not applied at all. The editor (lsp/configFiles.ts) and
// the CLI (cli/config.ts) report it on the config file; this module holds what the code is and its docs.
import type { DocumentRule } from '../types';

export const CONFIG_FILE_RULE = 'config-file';

export const rule: DocumentRule = {
  meta: {
    id: CONFIG_FILE_RULE,
    severity: 'error',
    alwaysOn: true,
    docs: {
      summary: 'A mistake in a `.kubewright.yaml`: not YAML, an unknown key, a rule id that does not exist, a value of the wrong kind.',
      rationale:
        'The file is what the whole team and CI share, so a mistake in it must not pass unnoticed: a misspelt rule id ' +
        'or severity would otherwise leave a rule on that everyone believes is off, or the reverse. A file with any ' +
        'mistake is not used at all. In the editor the last valid version of it stays in force until the mistake is ' +
        'fixed; `kubewright lint` reports the mistakes and stops with exit code 2 without linting the files it governs.',
      remediation:
        'Fix the key at the reported position: the keys are profile, rules, kubernetesVersion and exclude; a rule takes ' +
        'off, info, warning or error, or { severity, options }.',
      bad: '# .kubewright.yaml\nprofle: pss-baseline\nrules:\n  read-only-root-fs: loud\n  run-as-nonroot: off\n',
      good: '# .kubewright.yaml\nprofile: pss-baseline\nrules:\n  read-only-root-fs: info\n  run-as-non-root: off\n',
    },
  },
  checkDocument() {
    // Nothing to do in a manifest: the config file is read by parseConfigFile (config-file.ts), not linted.
  },
};
