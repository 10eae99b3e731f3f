// Snippets typed inside an object (probes inside a container, rules and paths inside an Ingress), inserted the way
// VS Code inserts them (first line at the cursor, the rest re-indented to it) into clean manifests at two depths:
// the result means what the snippet says and gets no finding.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../../server/src/engine';
import { CURSOR, expandSnippet, insertAt, isWholeObject, loadSnippets } from '../support/snippets';

type Obj = Record<string, any>;

const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'];
const HOST_PROBES: Record<string, string[]> = {
  startupProbe: ['startupProbe:', '  httpGet: {path: /startupz, port: http}', '  periodSeconds: 5', '  failureThreshold: 30'],
  livenessProbe: ['livenessProbe:', '  httpGet: {path: /livez, port: http}', '  periodSeconds: 10', '  timeoutSeconds: 2'],
  readinessProbe: ['readinessProbe:', '  httpGet: {path: /readyz, port: http}', '  periodSeconds: 5', '  timeoutSeconds: 2'],
};

/** A clean container whose keys sit at column `at`, with the probes not in `omit`, and the cursor among its keys. */
function container(at: number, omit: readonly string[]): string[] {
  const lines = [
    '- name: web',
    '  image: registry.example.com/web:1.0.0',
    '  ports:',
    '    - {name: http, containerPort: 8080}',
    '    - {name: grpc, containerPort: 9090}',
    '  securityContext:',
    '    allowPrivilegeEscalation: false',
    '    readOnlyRootFilesystem: true',
    '    capabilities:',
    '      drop: [ALL]',
    '  resources:',
    '    requests: {cpu: 100m, memory: 128Mi}',
    '    limits: {memory: 128Mi}',
    ...PROBES.filter((p) => !omit.includes(p)).flatMap((p) => HOST_PROBES[p].map((l) => '  ' + l)),
    `  ${CURSOR}`,
    '  volumeMounts:',
    '    - {name: tmp, mountPath: /tmp}',
  ];
  return lines.map((l) => ' '.repeat(at - 2) + l);
}

const POD_SECURITY = ['securityContext:', '  runAsNonRoot: true', '  runAsUser: 10001', '  seccompProfile: {type: RuntimeDefault}'];
const VOLUMES = ['volumes:', '  - name: tmp', '    emptyDir: {}'];
const indent = (n: number, lines: string[]) => lines.map((l) => ' '.repeat(n) + l);

/** Clean workloads to type a container fragment into, with the path to their first container. */
const CONTAINER_HOSTS = [
  {
    name: 'a Deployment (container keys at column 10)',
    path: ['spec', 'template', 'spec', 'containers', 0],
    text: (omit: string[]) => [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels: {app.kubernetes.io/name: web}',
      '  template:', '    metadata:', '      labels: {app.kubernetes.io/name: web}', '    spec:',
      ...indent(6, POD_SECURITY), '      containers:', ...container(10, omit), ...indent(6, VOLUMES), '',
    ].join('\n'),
  },
  {
    name: 'a Pod (container keys at column 6)',
    path: ['spec', 'containers', 0],
    text: (omit: string[]) => [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...indent(2, POD_SECURITY), '  containers:', ...container(6, omit), ...indent(2, VOLUMES), '',
    ].join('\n'),
  },
];

const INGRESS = [
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', 'spec:', '  ingressClassName: nginx', '  rules:',
  '    - host: shop.example.com', '      http:', '        paths:', '          - path: /', '            pathType: Prefix',
  '            backend:', '              service: {name: shop, port: {number: 80}}', 'PATH', 'RULE', '',
].join('\n');

/** Where each kind of fragment goes: a host with the cursor, and the path at which the fragment must land. */
function placementOf(fragment: unknown): Array<{ name: string; host: string; path: Array<string | number>; omit: string[] }> | undefined {
  if (fragment && typeof fragment === 'object' && !Array.isArray(fragment) && Object.keys(fragment).every((k) => PROBES.includes(k))) {
    const omit = Object.keys(fragment);
    return CONTAINER_HOSTS.map((h) => ({ name: h.name, host: h.text(omit), path: h.path, omit }));
  }
  const item = Array.isArray(fragment) && fragment.length === 1 ? (fragment[0] as Obj) : undefined;
  if (item?.host && item.http) {
    return [{ name: 'an Ingress, after its first rule', host: INGRESS.replace('PATH\n', '').replace('RULE', `    ${CURSOR}`), path: ['spec', 'rules', 1], omit: [] }];
  }
  if (item?.path && item.backend) {
    return [{ name: 'an Ingress rule, after its first path', host: INGRESS.replace('PATH', `          ${CURSOR}`).replace('RULE\n', ''), path: ['spec', 'rules', 0, 'http', 'paths', 1], omit: [] }];
  }
  return undefined;
}

function parseOne(text: string): Obj {
  const documents = parseAllDocuments(text);
  assert.equal(documents.length, 1);
  assert.deepEqual(documents[0].errors, [], text);
  return documents[0].toJS() as Obj;
}

const at = (object: unknown, path: Array<string | number>): any => path.reduce<any>((node, key) => node?.[key], object);

/** What the fragment put at `path`, in the same shape as the fragment parsed on its own. */
function landed(text: string, path: Array<string | number>, fragment: unknown): unknown {
  const found = at(parseOne(text), path);
  if (Array.isArray(fragment)) return [found];
  return Object.fromEntries(Object.keys(fragment as Obj).map((k) => [k, found?.[k]]));
}

const fragments = loadSnippets().filter((s) => !isWholeObject(s));

describe('fragment snippets', () => {
  it('are there: 12 probes, the probe trio, an Ingress rule and an Ingress path', () => {
    assert.equal(fragments.length, 15);
  });

  for (const snippet of fragments) {
    describe(`${snippet.prefix} (${snippet.name})`, () => {
      const text = expandSnippet(snippet.body);
      const fragment = parseAllDocuments(text)[0]?.toJS();
      const placements = placementOf(fragment);

      it('is a piece of YAML with a known place: a container\'s probes, an Ingress rule or path', () => {
        assert.deepEqual(parseAllDocuments(text)[0].errors, []);
        assert.ok(placements, `no test knows where ${snippet.prefix} goes:\n${text}`);
      });

      for (const { name, host, path, omit } of placements ?? []) {
        describe(`typed into ${name}`, () => {
          const result = insertAt(host, text);

          it('lands where it belongs, meaning what it says', () => {
            assert.deepEqual(landed(result, path, fragment), fragment);
          });

          it('leaves a manifest with no findings', () => {
            assert.deepEqual(lintText(result), []);
          });

          const required = omit.filter((p) => p !== 'startupProbe');
          if (required.length) {
            it('is what makes it clean: without it the missing probes are reported', () => {
              const without = lintText(host.replace(new RegExp(`\\n *${CURSOR}`), '')).map((f) => f.ruleId).sort();
              assert.deepEqual(without, required.map((p) => `require-${p.replace('Probe', '')}-probe`).sort());
            });
          }
        });
      }
    });
  }

  it('would be caught with its body flattened: the handler lands beside the probe, not in it', () => {
    const snippet = fragments.find((s) => s.prefix === 'k8s-probe-readiness-tcp');
    assert.ok(snippet);
    const [placement] = placementOf({ readinessProbe: {} }) ?? [];
    const flat = expandSnippet(snippet.body).split('\n').map((l) => l.trimStart()).join('\n');
    const fragment = parseAllDocuments(expandSnippet(snippet.body))[0].toJS();
    const result = insertAt(placement.host, flat);
    assert.throws(() => assert.deepEqual(landed(result, placement.path, fragment), fragment));
  });
});
