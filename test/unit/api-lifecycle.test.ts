// The API lifecycle table against two outside sources: Fairwinds Pluto's table (every Kubernetes entry of it is in
// ours with the same versions and replacement, or is a known difference with its reason), and the Kubernetes 1.36
// OpenAPI spec (what we call removed by 1.36 is not in it; what we call still served is). Both skip without ../shared.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { API_LIFECYCLES, LATEST_KUBERNETES_VERSION, lifecycleOf, successorAt } from '../../server/src/engine/k8s/api-lifecycle';
import { compareVersions, formatVersion, parseKubernetesVersion } from '../../server/src/engine/k8s/kubernetes-version';
import type { KubernetesVersion } from '../../server/src/engine/k8s/kubernetes-version';

const DATA = path.resolve(__dirname, '../../../../shared/data');
const PLUTO = path.join(DATA, 'pluto-versions.yaml');
const SPEC = path.join(DATA, 'kubernetes-v1.36-swagger.json');
const ROOT = path.resolve(__dirname, '../../..');

function skipWithout(file: string): (this: Mocha.Context) => void {
  return function () {
    if (!fs.existsSync(file)) {
      console.warn(`  skipped: ${file} not found (check out ../shared beside the project to compare the API lifecycle table)`);
      this.skip();
    }
  };
}

const v = (text: string) => parseKubernetesVersion(text)!;
const shown = (version: KubernetesVersion | undefined) => (version ? formatVersion(version) : '');

/**
 * Pluto entries whose values we do not share, by "apiVersion kind", with why. Each must really differ (a test
 * checks), so the list shrinks when either table is corrected.
 */
const REPLICA_SET =
  'Pluto gives no deprecated-in; the guide deprecates the ReplicaSet of these versions with their Deployment and DaemonSet, when apps/v1 arrived in 1.9';
const FLOWCONTROL_V1BETA1 =
  'the guide: v1beta1 is no longer served as of 1.26, migrate to v1beta2 (available since 1.23); Pluto\'s own "FlowControl" entry for v1beta1 says the same';
const FLOWCONTROL_V1BETA3 = 'v1beta3 arrived in 1.26 and was deprecated when v1 arrived in 1.29; Pluto\'s dates differ per kind, one before v1beta3 existed';
const RESOURCE_V1BETA1 =
  'the Kubernetes 1.36 OpenAPI spec still has it (the spec test below), so it is not removed in 1.36; and v1, GA since 1.34, replaces it rather than the beta v1beta2';
const KNOWN_DIFFERENCES: Record<string, string> = {
  'extensions/v1beta1 ReplicaSet': REPLICA_SET,
  'apps/v1beta1 ReplicaSet': REPLICA_SET,
  'apps/v1beta2 ReplicaSet': REPLICA_SET,
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowControl': 'not a kind: the flowcontrol kinds are FlowSchema and PriorityLevelConfiguration, which we list',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema': FLOWCONTROL_V1BETA1,
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration': FLOWCONTROL_V1BETA1,
  'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema': FLOWCONTROL_V1BETA3,
  'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration': FLOWCONTROL_V1BETA3,
  'resource.k8s.io/v1beta1 ResourceSlice': RESOURCE_V1BETA1,
  'resource.k8s.io/v1beta1 ResourceClaim': RESOURCE_V1BETA1,
  'resource.k8s.io/v1beta1 DeviceClass': RESOURCE_V1BETA1,
  'resource.k8s.io/v1beta1 ResourceClaimTemplate': RESOURCE_V1BETA1,
};

interface PlutoEntry {
  version: string;
  kind: string;
  'deprecated-in': string;
  'removed-in': string;
  'replacement-api': string;
  component: string;
}

/** "v1.16.0" → "1.16"; "" stays "". */
const plutoVersion = (text: string) => (text ? text.replace(/^v(\d+\.\d+)\.\d+$/, '$1') : '');

describe('API lifecycle table', () => {
  it('reads and compares minor versions, and rejects anything else', () => {
    assert.deepEqual(parseKubernetesVersion('1.22'), { major: 1, minor: 22 });
    for (const bad of ['v1.22', '1.22.3', '2.0', '1.', '1.022', '', 1.22, undefined]) assert.equal(parseKubernetesVersion(bad), undefined, String(bad));
    assert.ok(compareVersions(v('1.9'), v('1.16')) < 0);
  });

  it('knows no version newer than LATEST_KUBERNETES_VERSION, the default of the VS Code setting', () => {
    const latest = v(LATEST_KUBERNETES_VERSION);
    for (const e of API_LIFECYCLES) {
      for (const version of [e.deprecatedIn, e.removedIn, e.replacementSince]) {
        assert.ok(!version || compareVersions(version, latest) <= 0, `${e.apiVersion} ${e.kind}: ${shown(version)}`);
      }
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.configuration.properties['kubewright.kubernetesVersion'].default, LATEST_KUBERNETES_VERSION);
  });

  it('follows replacements that are themselves gone or going, and says when nothing replaces a kind', () => {
    const flowSchema = lifecycleOf('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema')!;
    assert.deepEqual(successorAt(flowSchema, v('1.25')), { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', notBefore: undefined });
    // v1beta2 is deprecated by then and v1beta3 served: straight there.
    assert.deepEqual(successorAt(flowSchema, v('1.26')), { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', notBefore: undefined });
    assert.deepEqual(successorAt(flowSchema, v('1.36')), { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', notBefore: undefined });
    const ingress = lifecycleOf('extensions/v1beta1', 'Ingress')!;
    assert.deepEqual(successorAt(ingress, v('1.16')), { apiVersion: 'networking.k8s.io/v1', notBefore: v('1.19') });
    const psp = lifecycleOf('extensions/v1beta1', 'PodSecurityPolicy')!;
    assert.deepEqual(successorAt(psp, v('1.20')), { apiVersion: 'policy/v1beta1', notBefore: undefined });
    const gone = successorAt(psp, v('1.36'));
    assert.equal(gone.goneToo, lifecycleOf('policy/v1beta1', 'PodSecurityPolicy'));
    assert.match(gone.advice!, /Pod Security Admission/);
  });

  it('treats a typed list (RoleList) as its item kind', () => {
    assert.equal(lifecycleOf('rbac.authorization.k8s.io/v1beta1', 'RoleList'), lifecycleOf('rbac.authorization.k8s.io/v1beta1', 'Role'));
    assert.equal(lifecycleOf('apps/v1', 'Deployment'), undefined);
  });

  describe("against Pluto's table", () => {
    before(skipWithout(PLUTO));

    const entries = () =>
      (parse(fs.readFileSync(PLUTO, 'utf8')) as { 'deprecated-versions': PlutoEntry[] })['deprecated-versions'].filter((e) => e.component === 'k8s');

    it('has every Kubernetes entry with the same deprecated-in, removed-in and replacement, or a known difference', () => {
      const mismatches: string[] = [];
      for (const p of entries()) {
        const key = `${p.version} ${p.kind}`;
        if (KNOWN_DIFFERENCES[key]) continue;
        const ours = lifecycleOf(p.version, p.kind);
        const theirs = `${plutoVersion(p['deprecated-in'])} → ${plutoVersion(p['removed-in'])} → ${p['replacement-api']}`;
        const mine = ours ? `${shown(ours.deprecatedIn)} → ${shown(ours.removedIn)} → ${ours.replacement ?? ''}` : 'missing';
        if (mine !== theirs) mismatches.push(`${key}: pluto ${theirs}, ours ${mine}`);
      }
      assert.deepEqual(mismatches, []);
    });

    it('lists only differences that are real', () => {
      const byKey = new Map(entries().map((p) => [`${p.version} ${p.kind}`, p]));
      for (const key of Object.keys(KNOWN_DIFFERENCES)) {
        const p = byKey.get(key);
        assert.ok(p, `${key} is not in Pluto's table any more`);
        const ours = lifecycleOf(p.version, p.kind);
        const same =
          ours &&
          shown(ours.deprecatedIn) === plutoVersion(p['deprecated-in']) &&
          shown(ours.removedIn) === plutoVersion(p['removed-in']) &&
          (ours.replacement ?? '') === p['replacement-api'];
        assert.ok(!same, `${key} no longer differs: drop it from KNOWN_DIFFERENCES`);
      }
    });
  });

  describe('against the Kubernetes 1.36 OpenAPI spec', () => {
    before(skipWithout(SPEC));

    it('calls removed by 1.36 exactly the served kinds the spec lacks', () => {
      const spec = JSON.parse(fs.readFileSync(SPEC, 'utf8')) as { definitions: Record<string, { 'x-kubernetes-group-version-kind'?: Array<Record<string, string>> }> };
      const served = new Set<string>();
      for (const definition of Object.values(spec.definitions)) {
        for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) served.add(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version} ${gvk.kind}`);
      }
      const wrong: string[] = [];
      for (const e of API_LIFECYCLES) {
        // The audit policy file's kinds are read from disk by the API server, never served.
        if (e.apiVersion.startsWith('audit.k8s.io/')) continue;
        const removed = e.removedIn !== undefined && compareVersions(e.removedIn, v('1.36')) <= 0;
        const key = `${e.apiVersion} ${e.kind}`;
        if (removed === served.has(key)) wrong.push(`${key}: ${removed ? 'removed by us, served in 1.36' : 'served by us, absent from 1.36'}`);
        if (e.replacement && !lifecycleOf(e.replacement, e.kind) && !served.has(`${e.replacement} ${e.kind}`)) {
          wrong.push(`${key}: its replacement ${e.replacement} is not served in 1.36`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
});
