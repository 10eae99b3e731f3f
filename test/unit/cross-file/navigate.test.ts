// Navigation across files in the engine: definition from each kind of reference, references back from names and pod
// labels, the Service CodeLens text, each looked up in the referring object's namespace only. `$0` marks the cursor.
import * as assert from 'node:assert/strict';
import { definitionAt, referencesAt, serviceLenses, WorkspaceIndex } from '../../../server/src/engine';
import type { Navigation } from '../../../server/src/engine';
import { yaml } from '../../support/rule-tester';

const deployment = (name: string, labels: string, namespace = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    selector: {matchLabels: {${labels}}}
    template:
      metadata:
        labels: {${labels}}
      spec: {containers: [{name: c, image: "x:1"}]}`;

const service = (name: string, selector: string, namespace = '') => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    selector:
      ${selector}
    ports: [{name: http, port: 80}]`;

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {a: b}\n`;

/** An index of `files`; the one whose text holds `$0` has the cursor there (the marker is taken out). */
function indexWith(files: Record<string, string>): { index: WorkspaceIndex; file: string; offset: number } {
  const index = new WorkspaceIndex();
  let cursor: { file: string; offset: number } | undefined;
  for (const [file, text] of Object.entries(files)) {
    const offset = text.indexOf('$0');
    if (offset >= 0) cursor = { file, offset };
    index.setFile(file, text.replace('$0', ''));
  }
  assert.ok(cursor, 'a file marks the cursor with $0');
  return { index, ...cursor };
}

/** A navigation as `origin text -> file: target text` lines, the texts read from the index. */
function render(index: WorkspaceIndex, file: string, navigation: Navigation | undefined): string[] | undefined {
  if (!navigation) return undefined;
  const text = (f: string, [start, end]: readonly [number, number]) => index.fileText(f)!.slice(start, end);
  const from = text(file, navigation.origin);
  return navigation.targets.map((t) => `${from} -> ${t.file}: ${text(t.file, t.span)}`);
}

const definition = (files: Record<string, string>) => {
  const { index, file, offset } = indexWith(files);
  return render(index, file, definitionAt(index, file, offset));
};
const references = (files: Record<string, string>) => {
  const { index, file, offset } = indexWith(files);
  return render(index, file, referencesAt(index, file, offset));
};

describe('navigation across files', () => {
  it('goes from a Service selector to the pod template labels of the workloads it selects, not to others', () => {
    assert.deepEqual(
      definition({
        '/w/svc.yaml': service('web', 'app: w$0eb'),
        '/w/web.yaml': deployment('web', 'app: web, tier: a'),
        '/w/api.yaml': deployment('api', 'app: api'),
      }),
      ['selector:\n    app: web -> /w/web.yaml: labels: {app: web, tier: a}'],
    );
  });

  it('stays in the namespace: a Service in prod does not go to a Deployment in dev', () => {
    const files = {
      '/w/svc.yaml': service('web', 'app: $0web', 'prod'),
      '/w/dev.yaml': deployment('web-dev', 'app: web', 'dev'),
      '/w/prod.yaml': deployment('web-prod', 'app: web', 'prod'),
    };
    assert.deepEqual(definition(files), ['selector:\n    app: web -> /w/prod.yaml: labels: {app: web}']);
    delete (files as Record<string, string>)['/w/prod.yaml'];
    assert.deepEqual(definition(files), []);
  });

  it('goes from an Ingress backend (v1 and v1beta1) to the Service of its namespace', () => {
    const ingress = (backend: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend: ${backend}\n`;
    const services = { '/w/svc.yaml': service('web', 'app: web'), '/w/other/svc.yaml': service('web', 'app: web', 'other') };
    assert.deepEqual(definition({ ...services, '/w/i.yaml': ingress('{service: {name: w$0eb, port: {number: 80}}}') }), ['web -> /w/svc.yaml: web']);
    const legacy = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  backend: {serviceName: $0web, servicePort: 80}\n';
    assert.deepEqual(definition({ ...services, '/w/i.yaml': legacy }), ['web -> /w/svc.yaml: web']);
  });

  it('goes from each way a pod names a ConfigMap, Secret, ServiceAccount or claim to the object', () => {
    const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}\n`;
    const defined = [
      configMap('settings'),
      'apiVersion: v1\nkind: Secret\nmetadata: {name: token}\n',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n',
    ].join('---\n');
    const cases: Array<[string, string]> = [
      ['  containers: [{name: c, image: x, env: [{name: A, valueFrom: {configMapKeyRef: {name: set$0tings, key: a}}}]}]', 'settings'],
      ['  containers: [{name: c, image: x, env: [{name: A, valueFrom: {secretKeyRef: {name: $0token, key: a}}}]}]', 'token'],
      ['  containers: [{name: c, image: x, envFrom: [{configMapRef: {name: settings$0}}]}]', 'settings'],
      ['  containers: [{name: c, image: x, envFrom: [{secretRef: {name: tok$0en}}]}]', 'token'],
      ['  volumes: [{name: v, configMap: {name: sett$0ings}}]', 'settings'],
      ['  volumes: [{name: v, secret: {secretName: tok$0en}}]', 'token'],
      ['  volumes: [{name: v, persistentVolumeClaim: {claimName: da$0ta}}]', 'data'],
      ['  serviceAccountName: run$0ner', 'runner'],
    ];
    for (const [spec, name] of cases) {
      assert.deepEqual(definition({ '/w/pod.yaml': pod(spec), '/w/defs.yaml': defined }), [`${name} -> /w/defs.yaml: ${name}`], spec);
    }
  });

  it('goes to what makes a Secret exist when no Secret is written (a cert-manager Certificate)', () => {
    const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: cert}\nspec: {secretName: tls}\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: v, secret: {secretName: t$0ls}}]\n';
    assert.deepEqual(definition({ '/w/pod.yaml': pod, '/w/cert.yaml': certificate }), ['tls -> /w/cert.yaml: cert']);
  });

  it('goes from an autoscaler to the workload it scales, and nowhere from a field that names nothing', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: w$0eb}\n';
    assert.deepEqual(definition({ '/w/hpa.yaml': hpa, '/w/web.yaml': deployment('web', 'app: web') }), ['web -> /w/web.yaml: web']);
    assert.equal(definition({ '/w/web.yaml': deployment('web', 'app: web').replace('image: "x:1"', 'image: "x$0:1"') }), undefined);
  });

  it("finds the Services, PDBs, autoscalers and Ingresses that reach a workload, from its pod labels or its name", () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n';
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n';
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend: {service: {name: web-svc, port: {number: 80}}}\n';
    const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n';
    const others = {
      '/w/svc.yaml': service('web-svc', 'app: web') + '\n---\n' + service('api', 'app: api'),
      '/w/prod/svc.yaml': service('web-prod', 'app: web', 'prod'),
      '/w/pdb.yaml': pdb,
      '/w/hpa.yaml': hpa,
      '/w/ingress.yaml': ingress,
      '/w/deny.yaml': denyAll,
    };
    const expected = [
      '/w/svc.yaml: selector:\n    app: web',
      '/w/pdb.yaml: selector: {matchLabels: {app: web}}',
      '/w/hpa.yaml: web',
      '/w/ingress.yaml: web-svc',
    ];
    const fromLabels = references({ ...others, '/w/web.yaml': deployment('web', 'app: web').replace('labels: {app', 'labels: {a$0pp') });
    assert.deepEqual(fromLabels, expected.map((e) => `labels: {app: web} -> ${e}`));
    const fromName = references({ ...others, '/w/web.yaml': deployment('web', 'app: web').replace('name: web', 'name: w$0eb') });
    assert.deepEqual(fromName, expected.map((e) => `web -> ${e}`));
  });

  it("finds a ConfigMap's users and a Service's Ingresses from their names, in their namespace only", () => {
    const user = (namespace: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${namespace}}\nspec:\n  volumes: [{name: v, configMap: {name: settings}}]\n`;
    assert.deepEqual(references({ '/w/cm.yaml': configMap('set$0tings'), '/w/a.yaml': user('default'), '/w/b.yaml': user('dev') }), [
      'settings -> /w/a.yaml: settings',
    ]);
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n';
    assert.deepEqual(references({ '/w/svc.yaml': service('w$0eb', 'app: web'), '/w/i.yaml': ingress }), ['web -> /w/i.yaml: web']);
  });

  it('labels a Service with the workloads it selects, in its namespace', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/svc.yaml', [service('web', 'app: web'), service('none', 'app: nothing'), service('prod', 'app: web', 'prod')].join('\n---\n'));
    index.setFile('/w/d.yaml', [deployment('web', 'app: web'), deployment('api', 'app: web'), deployment('other', 'app: other')].join('\n---\n'));
    index.setFile('/w/external.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {type: ExternalName, externalName: db.example.com}\n');
    const text = index.fileText('/w/svc.yaml')!;
    assert.deepEqual(
      serviceLenses(index, '/w/svc.yaml').map((l) => [text.slice(l.at, l.at + 9), l.title]),
      [
        ['selector:', 'selects 2 workloads: api, web'],
        ['selector:', 'selects no workloads in this workspace'],
        ['selector:', 'selects no workloads in this workspace'],
      ],
    );
    assert.deepEqual(serviceLenses(index, '/w/external.yaml'), []);
  });
});
