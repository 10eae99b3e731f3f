// Every whole-object snippet, expanded as VS Code would with its defaults, is one valid Kubernetes object that
// Kubewright finds nothing wrong with: a snippet that draws squiggles the moment it is inserted teaches the wrong thing.
import * as assert from 'node:assert/strict';
import { parseAllDocuments, stringify } from 'yaml';
import { lintText } from '../../server/src/engine';
import { expandSnippet, isWholeObject, loadSnippets } from '../support/snippets';

/** A parsed manifest, navigated freely: the assertions say what shape they expect. */
type Obj = Record<string, any>;

const objects = loadSnippets().filter(isWholeObject);

/** Where each workload kind keeps its pod spec. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function parseOne(text: string): Obj {
  const documents = parseAllDocuments(text);
  assert.equal(documents.length, 1, 'one document');
  assert.deepEqual(documents[0].errors, []);
  assert.deepEqual(documents[0].warnings, []);
  return documents[0].toJS() as Obj;
}

function podSpecOf(object: Obj): Obj | undefined {
  const where = POD_SPEC[object.kind];
  return where?.reduce<Obj | undefined>((node, key) => node?.[key], object);
}

/**
 * Copies of a workload with one thing broken, each with the rule that must then report it: if a snippet's clean
 * result came from a rule not looking, these fail.
 */
function brokenCopies(object: Obj): Array<[string, string, Obj]> {
  const copies: Array<[string, string, Obj]> = [];
  const breakIt = (what: string, ruleId: string, change: (pod: Obj, container: Obj) => void) => {
    const copy = structuredClone(object);
    const pod = podSpecOf(copy) as Obj;
    change(pod, pod.containers[0]);
    copies.push([what, ruleId, copy]);
  };
  const pod = podSpecOf(object);
  if (!pod) return copies;
  const container = pod.containers[0];
  breakIt('running as root', 'run-as-non-root', (p) => Object.assign(p.securityContext, { runAsNonRoot: false, runAsUser: 0 }));
  breakIt('allowing privilege escalation', 'no-privilege-escalation', (_p, c) => (c.securityContext.allowPrivilegeEscalation = true));
  breakIt('a writable root filesystem', 'read-only-root-fs', (_p, c) => (c.securityContext.readOnlyRootFilesystem = false));
  breakIt('no memory limit', 'require-requests-limits', (_p, c) => delete c.resources.limits);
  if (container.livenessProbe) {
    breakIt('no liveness probe', 'require-liveness-probe', (_p, c) => delete c.livenessProbe);
    breakIt('liveness the same as readiness', 'identical-probes', (_p, c) => (c.livenessProbe = structuredClone(c.readinessProbe)));
  }
  return copies;
}

describe('whole-object snippets', () => {
  it('are there: workloads, Services, Ingress, config and policy objects', () => {
    assert.ok(objects.length >= 18, `${objects.length} whole-object snippets`);
  });

  for (const snippet of objects) {
    describe(`${snippet.prefix} (${snippet.name})`, () => {
      const text = expandSnippet(snippet.body);

      it('is one Kubernetes object that parses cleanly, with a DNS-1123 name', () => {
        const object = parseOne(text);
        assert.match(object.apiVersion, /^([a-z0-9.]+\/)?v\d+$/);
        assert.match(object.kind, /^[A-Z][A-Za-z]+$/);
        assert.match(object.metadata.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      });

      it('gets no findings', () => {
        assert.deepEqual(lintText(text), []);
      });

      it('gets no findings either when the user types another name at the first tab stop', () => {
        const renamed = expandSnippet(snippet.body, { 1: 'shop-api' });
        assert.equal(parseOne(renamed).metadata.name, 'shop-api');
        assert.deepEqual(lintText(renamed), []);
      });

      const object = parseOne(text);
      if (object.spec?.selector?.matchLabels && object.spec.template) {
        it('selects its own pods whatever name is typed: selector.matchLabels mirrors the template labels', () => {
          for (const name of [undefined, 'shop-api']) {
            const typed = parseOne(expandSnippet(snippet.body, name ? { 1: name } : {}));
            assert.deepEqual(typed.spec.selector.matchLabels, typed.spec.template.metadata.labels);
            assert.deepEqual(typed.metadata.labels, typed.spec.template.metadata.labels);
            if (name) assert.equal(typed.spec.template.metadata.labels['app.kubernetes.io/name'], name);
          }
        });
      }

      const pod = podSpecOf(object);
      if (pod) {
        it('runs its pods hardened: non-root, seccomp RuntimeDefault, no escalation, read-only, no capabilities, requests', () => {
          assert.equal(pod.securityContext.runAsNonRoot, true);
          assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault');
          for (const c of pod.containers) {
            assert.deepEqual(
              { ...c.securityContext },
              { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            );
            assert.ok(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.memory);
          }
        });

        for (const [what, ruleId, copy] of brokenCopies(object)) {
          it(`is checked: ${what} would be reported (${ruleId})`, () => {
            const findings = lintText(stringify(copy));
            assert.ok(findings.some((f) => f.ruleId === ruleId), `${ruleId} not in ${JSON.stringify(findings.map((f) => f.ruleId))}`);
          });
        }
      }

      if (pod && ['Job', 'CronJob'].includes(object.kind) === false) {
        it('probes a slow start with a startupProbe, and liveness apart from readiness', () => {
          for (const c of pod.containers) {
            assert.ok(c.startupProbe && c.livenessProbe && c.readinessProbe);
            assert.notDeepEqual(c.livenessProbe, c.readinessProbe);
            assert.notDeepEqual(c.livenessProbe.httpGet.path, c.readinessProbe.httpGet.path);
          }
        });
      }
    });
  }

  it('fit together: the Deployment, Service, Ingress, HPA, PDB and NetworkPolicy of one app, in one file, agree and get no findings', () => {
    const byPrefix = (prefix: string) => expandSnippet(objects.find((s) => s.prefix === prefix)?.body ?? []).trimEnd();
    const prefixes = ['k8s-deployment', 'k8s-service', 'k8s-ingress', 'k8s-hpa', 'k8s-pdb', 'k8s-networkpolicy'];
    const text = prefixes.map(byPrefix).join('\n---\n') + '\n';
    const [deployment, service, ingress, hpa, pdb, netpol] = parseAllDocuments(text).map((d) => d.toJS() as Obj);
    const podLabels = deployment.spec.template.metadata.labels;
    assert.deepEqual(service.spec.selector, podLabels);
    assert.deepEqual(pdb.spec.selector.matchLabels, podLabels);
    assert.deepEqual(netpol.spec.podSelector.matchLabels, podLabels);
    assert.deepEqual([hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name], ['Deployment', deployment.metadata.name]);
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    assert.deepEqual([backend.name, backend.port.number], [service.metadata.name, service.spec.ports[0].port]);
    assert.equal(service.spec.ports[0].targetPort, deployment.spec.template.spec.containers[0].ports[0].name);
    assert.deepEqual(lintText(text), []);
  });
});
