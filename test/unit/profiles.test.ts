// Profiles: which rules each one runs, that the default keeps every rule Kubewright had before profiles, that rule
// settings override the profile, and that each rule's PSS level agrees with the profiles it declares.
import * as assert from 'node:assert/strict';
import { activeRules, allRules, inProfile, PROFILES } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine';

const ids = (config: Parameters<typeof activeRules>[0]) => activeRules(config).map((a) => a.rule.meta.id);

/** The rules that ran, all of them, before there were profiles: `seed` must still run each at its severity. */
const BEFORE_PROFILES = [
  'yaml-syntax', 'run-as-non-root', 'no-privileged', 'no-privilege-escalation', 'no-added-capabilities', 'no-sysctls',
  'no-host-path', 'no-container-socket', 'no-host-network', 'no-host-port', 'read-only-root-fs', 'require-requests-limits',
  'require-liveness-probe', 'require-readiness-probe', 'identical-probes', 'liveness-before-ready',
  'probe-timeout-exceeds-period', 'liveness-failure-threshold-one', 'probe-success-threshold', 'probe-port-name-unknown',
  'deprecated-api', 'schema-unknown-kind', 'schema-unknown-field', 'schema-type', 'schema-enum', 'schema-required',
  'schema-quantity', 'schema-name', 'schema-duplicate', 'schema-selector-mismatch',
];

const rule = (id: string): Rule => allRules.find((r) => r.meta.id === id)!;

describe('profiles', () => {
  it('runs seed by default, with every rule Kubewright ran before profiles at its default severity', () => {
    const active = activeRules({});
    for (const id of BEFORE_PROFILES) {
      const found = active.find((a) => a.rule.meta.id === id);
      assert.ok(found, `${id} is not in seed`);
      assert.equal(found.severity, rule(id).meta.severity, id);
    }
    assert.deepEqual(ids({}), ids({ profile: 'seed' }));
    assert.deepEqual(ids({ profile: 'no-such-profile' }), ids({ profile: 'seed' }), 'an unknown profile runs the default');
  });

  it('runs every rule under all, and the baseline rules under restricted too', () => {
    assert.deepEqual(ids({ profile: 'all' }), allRules.map((r) => r.meta.id));
    const restricted = ids({ profile: 'pss-restricted' });
    for (const id of ids({ profile: 'pss-baseline' })) assert.ok(restricted.includes(id), `${id} is baseline but not restricted`);
    assert.ok(!ids({ profile: 'pss-baseline' }).includes('run-as-non-root'), 'run-as-non-root is a restricted control');
    assert.ok(!restricted.includes('read-only-root-fs'), 'read-only-root-fs is no PSS control');
  });

  it('gives every profile the rules that report invalid manifests', () => {
    for (const profile of PROFILES) {
      for (const id of ['yaml-syntax', 'schema-type', 'deprecated-api', 'probe-success-threshold']) {
        assert.ok(ids({ profile }).includes(id), `${id} in ${profile}`);
      }
    }
  });

  it('lets a severity in rules turn on a rule outside the profile, and off one inside it', () => {
    const config = { profile: 'pss-baseline', rules: { 'read-only-root-fs': 'info' as const, 'no-privileged': 'off' as const } };
    const active = activeRules(config);
    assert.equal(active.find((a) => a.rule.meta.id === 'read-only-root-fs')?.severity, 'info');
    assert.ok(!active.some((a) => a.rule.meta.id === 'no-privileged'));
    // Options alone do not turn a rule on: they tune it where it runs.
    assert.ok(!ids({ profile: 'pss-baseline', rules: { 'read-only-root-fs': { severity: undefined as never, options: {} } } }).includes('read-only-root-fs'));
  });

  it('declares, for each PSS rule, the profiles its level belongs to, and no PSS profile without a level unless core', () => {
    for (const { meta } of allRules) {
      const baseline = inProfile(meta, 'pss-baseline');
      const restricted = inProfile(meta, 'pss-restricted');
      if (meta.pss === 'baseline') assert.ok(baseline && restricted, `${meta.id}: a baseline control runs in both PSS profiles`);
      else if (meta.pss === 'restricted') assert.ok(!baseline && restricted, `${meta.id}: a restricted control runs in pss-restricted only`);
      else assert.equal(baseline, restricted, `${meta.id}: without a PSS level a rule is in both PSS profiles (core) or neither`);
    }
  });
});
