// deprecated-api: on the apiVersion value; removed is an error and deprecated a warning at the target version, the
// user's severity moves both; the message names versions and the replacement; a migration only where it is served.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { ManifestLinter } from '../../../server/src/engine';
import type { LintConfig } from '../../../server/src/engine';
import { shiftSeverity } from '../../../server/src/engine/config';
import { rule } from '../../../server/src/engine/rules/deprecated-api';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}`,
    // Only built-in groups are judged: a custom resource's beta is its own business.
    yaml`
      apiVersion: example.com/v1beta1
      kind: Ingress
      metadata: {name: web}`,
    yaml`
      kind: Ingress
      name: not a Kubernetes object`,
  ],
  invalid: [
    yaml`
      apiVersion: extensions/v1beta1   # from 2017
      #           ^^^^^^^^^^^^^^^^^^ extensions/v1beta1 Deployment was removed in Kubernetes 1.16: use apps/v1
      kind: Deployment
      metadata: {name: web}`,
    yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: web}
      ---
      kind: RoleBindingList
      apiVersion: "rbac.authorization.k8s.io/v1beta1"
      #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ rbac.authorization.k8s.io/v1beta1 RoleBinding was removed in Kubernetes 1.22
      items: []`,
  ],
});

/** The deprecated-api findings of `text` as "severity message", with `config`. */
function judged(text: string, config: LintConfig = {}): string[] {
  return new ManifestLinter(config, { rules: [rule] }).lint(text).map((f) => `${f.severity} ${f.message}`);
}

function withFixes(text: string, config: LintConfig = {}): string[] {
  return new ManifestLinter(config, { rules: [rule] }).lint(text).flatMap((f) => (f.fixes?.() ?? []).map((x) => x.title));
}

const doc = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec: {}\n`;
const INGRESS_V1BETA1 = doc('networking.k8s.io/v1beta1', 'Ingress');

describe('rule deprecated-api: target versions and severities', () => {
  it('is an error once removed, a warning while deprecated, and silent before', () => {
    assert.deepEqual(judged(INGRESS_V1BETA1), ['error networking.k8s.io/v1beta1 Ingress was removed in Kubernetes 1.22: use networking.k8s.io/v1']);
    assert.deepEqual(judged(INGRESS_V1BETA1, { kubernetesVersion: '1.21' }), [
      'warning networking.k8s.io/v1beta1 Ingress is deprecated since Kubernetes 1.19 and removed in 1.22: use networking.k8s.io/v1',
    ]);
    assert.deepEqual(judged(INGRESS_V1BETA1, { kubernetesVersion: '1.18' }), []);
  });

  it('moves both severities by the user\'s setting: warning lowers each one step, info makes both infos', () => {
    const both = INGRESS_V1BETA1 + '---\n' + doc('storage.k8s.io/v1beta1', 'VolumeAttributesClass');
    const severities = (config: LintConfig) => judged(both, config).map((line) => line.split(' ')[0]);
    assert.deepEqual(severities({}), ['error', 'warning']);
    assert.deepEqual(severities({ rules: { 'deprecated-api': 'warning' } }), ['warning', 'info']);
    assert.deepEqual(severities({ rules: { 'deprecated-api': 'info' } }), ['info', 'info']);
    assert.deepEqual(severities({ rules: { 'deprecated-api': 'error' } }), ['error', 'warning']);
    assert.deepEqual(severities({ rules: { 'deprecated-api': 'off' } }), []);
    assert.equal(shiftSeverity('warning', 'warning', 'error'), 'error');
    assert.equal(shiftSeverity('error', 'warning', 'error'), 'error', 'clamped at error');
  });

  it('names a deprecation without a removal date, a replacement not yet served, and a kind nothing replaces', () => {
    assert.deepEqual(judged(doc('storage.k8s.io/v1beta1', 'VolumeAttributesClass')), [
      'warning storage.k8s.io/v1beta1 VolumeAttributesClass is deprecated since Kubernetes 1.34: use storage.k8s.io/v1',
    ]);
    assert.deepEqual(judged(doc('extensions/v1beta1', 'Ingress'), { kubernetesVersion: '1.16' }), [
      'warning extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed in 1.22: use networking.k8s.io/v1 (served from Kubernetes 1.19 on)',
    ]);
    assert.deepEqual(judged(doc('policy/v1beta1', 'PodSecurityPolicy')), [
      'error policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25, with no replacement: ' +
        'enforce the Pod Security Standards with Pod Security Admission (namespace labels) instead',
    ]);
    assert.deepEqual(judged(doc('extensions/v1beta1', 'PodSecurityPolicy')), [
      'error extensions/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.16, and its replacement policy/v1beta1 in 1.25; ' +
        'nothing replaces them: enforce the Pod Security Standards with Pod Security Admission (namespace labels) instead',
    ]);
    assert.deepEqual(judged(doc('extensions/v1beta1', 'PodSecurityPolicy'), { kubernetesVersion: '1.20' }), [
      'error extensions/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.16: use policy/v1beta1',
    ]);
  });

  it('offers a migration only to a version the target serves, and none for a kind without a safe one', () => {
    assert.deepEqual(withFixes(doc('extensions/v1beta1', 'Ingress'), { kubernetesVersion: '1.18' }), []);
    assert.deepEqual(withFixes(doc('extensions/v1beta1', 'Ingress'), { kubernetesVersion: '1.19' }), ['Migrate this Ingress to networking.k8s.io/v1']);
    assert.deepEqual(withFixes(doc('policy/v1beta1', 'PodSecurityPolicy')), []);
  });
});
