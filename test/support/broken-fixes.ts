// Test rules whose fixes include one that breaks the YAML, for the tests of the check every fix passes before it
// reaches a user (the engine's, fix-all's, and the language server's when a fix is resolved).
import { isScalar } from 'yaml';
import { yaml } from './rule-tester';
import { pairOf, valueOf } from '../../server/src/engine/k8s/nodes';
import type { DocumentRule, FixProposal, LintConfig, RuleDocs } from '../../server/src/engine/types';

const DOCS: RuleDocs = { summary: '', rationale: '', remediation: '', bad: '', good: '' };

export const BREAK_TITLE = 'Break the YAML';

/** Removes `kind`'s colon: `kind ConfigMap` is a key without a value, which does not parse. */
const BREAK_KIND: FixProposal = {
  title: BREAK_TITLE,
  preferred: true,
  apply(editor) {
    const at = editor.source.indexOf('kind:') + 'kind'.length;
    editor.removeText(at, at + 1);
  },
};

/** Reports a ConfigMap named anything but "fixed"; its fixes: one that breaks the YAML, then a rename (both preferred). */
export const renames: DocumentRule = {
  meta: { id: 'test-rename', severity: 'warning', docs: DOCS },
  checkDocument(document, ctx) {
    const name = pairOf(valueOf(document.contents, 'metadata'), 'name');
    if (!name || !isScalar(name.value) || name.value.value === 'fixed') return;
    const value = name.value;
    const rename: FixProposal = { title: 'Rename to fixed', preferred: true, apply: (editor) => editor.setScalar(value, 'fixed') };
    ctx.report({ at: name, message: 'not named fixed', fixes: [BREAK_KIND, rename] });
  },
};

/** Reports a ConfigMap without data; its only fix breaks the YAML. */
export const breaksOnly: DocumentRule = {
  meta: { id: 'test-breaks', severity: 'warning', docs: DOCS },
  checkDocument(document, ctx) {
    const kind = pairOf(document.contents, 'kind');
    if (kind && !pairOf(document.contents, 'data')) ctx.report({ at: kind, message: 'no data', fixes: [BREAK_KIND] });
  },
};

export const BROKEN_FIX_RULES = [renames, breaksOnly];
export const BROKEN_FIX_CONFIG: LintConfig = { rules: { 'test-rename': 'warning', 'test-breaks': 'warning' } };

/** A ConfigMap both rules report on. */
export const CONFIG_MAP = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
`;
