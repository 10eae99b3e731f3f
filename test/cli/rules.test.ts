// `kubewright rules`: every rule listed with severity, profiles, fixability and summary, as a table or JSON; the
// arguments it takes; and fixability read from each rule's docs example agreeing with what --fix really does.
import * as assert from 'node:assert/strict';
import { runCli } from './harness';
import { parseArgs } from '../../server/src/cli/args';
import { isFixable } from '../../server/src/cli/rules';
import { allRules, fixAll, lintText, profilesOf } from '../../server/src/engine';

describe('cli: rules', () => {
  it('reads `rules`, `rules --format json` and `--format sarif` for lint, and refuses what does not fit', () => {
    assert.deepEqual(parseArgs(['rules']), { ok: true, command: { kind: 'rules', format: 'stylish' } });
    assert.deepEqual(parseArgs(['rules', '-f', 'json']), { ok: true, command: { kind: 'rules', format: 'json' } });
    assert.deepEqual(parseArgs(['rules', 'x.yaml']), { ok: false, error: 'the rules command takes no PATH, got "x.yaml"' });
    assert.deepEqual(parseArgs(['rules', '--format', 'sarif']), { ok: false, error: 'the rules command prints stylish or json, not sarif' });
    assert.deepEqual(parseArgs(['lint', '--format=sarif', 'x.yaml']), {
      ok: true,
      command: { kind: 'lint', format: 'sarif', quiet: false, paths: ['x.yaml'], fix: 'none' },
    });
    assert.deepEqual(parseArgs(['lint', '-f', 'xml', 'x.yaml']), { ok: false, error: 'unknown format "xml": use stylish, json or sarif' });
  });

  it('lists every rule as JSON: id, severity, profiles, fixable, summary', () => {
    const { exitCode, stdout, stderr } = runCli(['rules', '--format', 'json']);
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    const listed = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(listed.map((r) => r.id), allRules.map((r) => r.meta.id));
    const privileged = listed.find((r) => r.id === 'no-privileged');
    assert.deepEqual(privileged, {
      id: 'no-privileged',
      severity: 'error',
      profiles: profilesOf(allRules.find((r) => r.meta.id === 'no-privileged')!.meta),
      fixable: true,
      summary: 'A container runs privileged (`securityContext.privileged: true`).',
    });
    // hostPath volumes change what the pod does: no automatic fix.
    assert.equal(listed.find((r) => r.id === 'no-host-path')?.fixable, false);
    assert.equal(listed.find((r) => r.id === 'unused-suppression')?.fixable, true);
  });

  it('prints an aligned table with a count', () => {
    const { exitCode, stdout } = runCli(['rules']);
    assert.equal(exitCode, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0], /^Rule +Severity +Fix +Profiles +Summary$/);
    const row = lines.find((l) => l.startsWith('no-privileged '));
    assert.ok(row, stdout);
    assert.equal(row.indexOf('error'), lines[0].indexOf('Severity'));
    assert.equal(row.indexOf('yes'), lines[0].indexOf('Fix'));
    const fixable = allRules.filter(isFixable).length;
    assert.equal(lines[lines.length - 1], `${allRules.length} rules, ${fixable} fixable with --fix`);
  });

  it('calls a rule fixable exactly when fix-all, with that rule alone, removes its findings from its docs example', () => {
    for (const rule of allRules) {
      // Alone, but unused-suppression judges only the rules that run: its example's unused id is no-host-port.
      const also = rule.meta.id === 'unused-suppression' ? ['no-host-port'] : [];
      const rules = allRules.filter((r) => r === rule || also.includes(r.meta.id));
      const config = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])) };
      const count = (text: string) => lintText(text, config, { rules }).filter((f) => f.ruleId === rule.meta.id).length;
      const before = count(rule.meta.docs.bad);
      const fixedSome = before > 0 && count(fixAll(rule.meta.docs.bad, config, { rules }).text) < before;
      assert.equal(isFixable(rule), fixedSome, rule.meta.id);
    }
  });
});
