// The text of `kubewright --help`, and the one-line synopsis printed after a usage error.
import { LATEST_KUBERNETES_VERSION } from '../engine/k8s/api-lifecycle';

export const SYNOPSIS =
  'Usage: kubewright lint [--format stylish|json|sarif] [--quiet] [--fix | --fix-dry-run] [--profile NAME] [--kubernetes-version 1.N] [--config PATH] PATH...\n' +
  '       kubewright rules [--format stylish|json]';

export const HELP = `${SYNOPSIS}

Lints Kubernetes manifests with the same rules as the Kubewright VS Code extension.
"kubewright rules" lists the rules: id, default severity, whether --fix fixes it, profiles and summary.

PATH is a file, a folder or a glob:
  file            linted whatever its extension
  folder          every *.yaml and *.yml file below it, skipping node_modules and folders whose name starts with "."
  glob            e.g. 'manifests/**/*.yaml' (quote it so the shell leaves it alone); selects among YAML files

Options:
  -f, --format FORMAT         stylish (default): for people; json: ESLint's JSON result format;
                              sarif: SARIF 2.1.0, for code scanning (paths relative to the working directory)
      --quiet                 report errors only
      --fix                   apply every automatic fix to the files, then report what is left
      --fix-dry-run           print the fixes as a unified diff (json: an "output" field), change nothing
      --profile NAME          the rules to run: seed (default), pss-baseline, pss-restricted
                              (Pod Security Standards) or all
      --kubernetes-version V  check against Kubernetes V (e.g. 1.22): apiVersions it removed are errors,
                              deprecated ones warnings, and migrations go only to versions it serves
                              (default: the newest Kubewright knows, ${LATEST_KUBERNETES_VERSION})
      --config PATH           read this .kubewright.yaml for every file (default: the nearest
                              .kubewright.yaml in each file's folder or above it); --profile and
                              --kubernetes-version override what it says
  -h, --help                  show this help
      --version               show the version

Exit status: 0 no errors (warnings allowed), 1 at least one error, 2 usage error, unreadable file,
a PATH that matches nothing, or a rule that failed.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 (or 0) overrides both.
`;
