// Completion and hover in the engine, on manifests with `$0` for the cursor: which keys, values and names are offered
// where, how they are inserted, and what a key's hover says; half-typed lines and a 4-space file included.
import * as assert from 'node:assert/strict';
import { complete } from '../../server/src/engine/complete/complete';
import type { CompletionEntry } from '../../server/src/engine/complete/complete';
import { explainField, fieldAt } from '../../server/src/engine/complete/explain';
import { pathTo } from '../../server/src/engine/complete/context';

/** The text without its `$0`, and the offset where it was. */
function cursor(lines: string[]): { text: string; offset: number } {
  const marked = lines.join('\n');
  const offset = marked.indexOf('$0');
  assert.ok(offset >= 0, 'the text marks the cursor with $0');
  return { text: marked.replace('$0', ''), offset };
}

function completeAt(lines: string[], triggerCharacter?: string, kubernetesVersion?: string): CompletionEntry[] {
  const { text, offset } = cursor(lines);
  return complete(text, offset, { triggerCharacter, kubernetesVersion });
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);
/** Labels in the order the editor lists them (by sortText, then label). */
const ranked = (entries: CompletionEntry[]) =>
  [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText) || a.label.localeCompare(b.label)).map((e) => e.label);

const DEPLOYMENT_HEAD = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1',
];

const PROBE_KEYS = [
  'exec',
  'failureThreshold',
  'grpc',
  'httpGet',
  'initialDelaySeconds',
  'periodSeconds',
  'successThreshold',
  'tcpSocket',
  'terminationGracePeriodSeconds',
  'timeoutSeconds',
];

describe('engine: completion', () => {
  it("offers a container's keys in a container map, without those it has, name first as required", () => {
    const entries = completeAt([...DEPLOYMENT_HEAD, '          $0', '          ports: [{containerPort: 8080}]']);
    const offered = labels(entries);
    for (const key of ['livenessProbe', 'readinessProbe', 'securityContext', 'resources', 'env', 'imagePullPolicy']) {
      assert.ok(offered.includes(key), `offers ${key}`);
    }
    for (const key of ['name', 'image', 'ports']) assert.ok(!offered.includes(key), `leaves out ${key}, already there`);
    const withoutName = completeAt([...DEPLOYMENT_HEAD.slice(0, -2), '        - image: web:1', '          $0']);
    assert.equal(ranked(withoutName)[0], 'name', 'the required key comes first');
    assert.equal(withoutName.find((e) => e.label === 'name')?.detail, 'string (required)');
  });

  it('offers the probe keys inside livenessProbe:, each with its type and description', () => {
    const entries = completeAt([...DEPLOYMENT_HEAD, '          livenessProbe:', '            $0']);
    assert.deepEqual(labels(entries).sort(), PROBE_KEYS);
    const httpGet = entries.find((e) => e.label === 'httpGet')!;
    assert.equal(httpGet.detail, 'HTTPGetAction');
    assert.equal(httpGet.documentation, 'HTTPGet specifies an HTTP GET request to perform.');
    assert.equal(httpGet.insertText, 'httpGet:\n              ', 'an object: the key, a new line, one indent deeper');
    assert.equal(entries.find((e) => e.label === 'periodSeconds')!.insertText, 'periodSeconds: ');
  });

  it('leaves out the probe keys the probe already has, above and below the cursor', () => {
    const entries = completeAt([...DEPLOYMENT_HEAD, '          livenessProbe:', '            httpGet: {path: /, port: 80}', '            $0', '            periodSeconds: 3', '          readinessProbe: {}']);
    assert.deepEqual(labels(entries).sort(), PROBE_KEYS.filter((k) => k !== 'httpGet' && k !== 'periodSeconds'));
  });

  it('completes a half-typed key, replacing the word typed so far, while the document does not parse', () => {
    const { text, offset } = cursor([...DEPLOYMENT_HEAD, '          livenessProbe:', '            initialDel$0', '          resources: {}']);
    const entries = complete(text, offset);
    const entry = entries.find((e) => e.label === 'initialDelaySeconds')!;
    assert.ok(entry, 'offered');
    assert.equal(text.slice(entry.replaceStart, entry.replaceEnd), 'initialDel');
  });

  it('inserts lists with a dash, and follows a 4-space file', () => {
    const entries = completeAt([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: web',
      'spec:',
      '    containers:',
      '        -   name: web',
      '            image: web:1',
      '            $0',
    ]);
    assert.equal(entries.find((e) => e.label === 'securityContext')!.insertText, 'securityContext:\n                ');
    assert.equal(entries.find((e) => e.label === 'ports')!.insertText, 'ports:\n                - ');
  });

  it('offers the keys of a new sequence item after its dash, and of the document at the top', () => {
    const item = completeAt([...DEPLOYMENT_HEAD, '          ports:', '            - $0'], ' ');
    assert.deepEqual(labels(item).sort(), ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
    const top = ranked(completeAt(['apiVersion: apps/v1', 'kind: Deployment', '$0']));
    assert.deepEqual(top.slice(0, 2), ['metadata', 'spec']);
    assert.ok(!top.includes('status'), 'status is the cluster\'s to write');
    assert.deepEqual(labels(completeAt(['$0'])), ['apiVersion', 'kind']);
  });

  it('offers nothing on a space in indentation, after a value, or in an unknown kind', () => {
    assert.deepEqual(completeAt([...DEPLOYMENT_HEAD, '          $0'], ' '), []);
    assert.deepEqual(completeAt([...DEPLOYMENT_HEAD, '          livenessProbe: {}$0']), []);
    assert.deepEqual(completeAt(['apiVersion: example.com/v1', 'kind: Widget', 'spec:', '  $0']), []);
  });

  it('offers enum values after `key: `', () => {
    assert.deepEqual(labels(completeAt([...DEPLOYMENT_HEAD, '          imagePullPolicy: $0'], ' ')), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(labels(completeAt([...DEPLOYMENT_HEAD.slice(0, 9), '      restartPolicy: Nev$0'])), ['Always', 'Never', 'OnFailure']);
    const service = ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: $0'];
    assert.deepEqual(labels(completeAt(service)), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    const ports = ['apiVersion: v1', 'kind: Service', 'spec:', '  ports:', '    - port: 80', '      protocol: $0'];
    assert.deepEqual(labels(completeAt(ports)), ['SCTP', 'TCP', 'UDP']);
    const ingress = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'spec:', '  rules:', '    - http:', '        paths:', '          - path: /', '            pathType: $0'];
    assert.deepEqual(labels(completeAt(ingress)), ['Exact', 'ImplementationSpecific', 'Prefix']);
    assert.deepEqual(labels(completeAt([...DEPLOYMENT_HEAD, '          securityContext:', '            readOnlyRootFilesystem: $0'])), ['true', 'false']);
  });

  it('offers the apiVersions of the kind the targeted Kubernetes serves, newest first, and the kinds of the apiVersion', () => {
    const versions = completeAt(['apiVersion: $0', 'kind: Deployment']);
    assert.deepEqual(ranked(versions), ['apps/v1'], 'Kubernetes 1.36 (the default target) serves Deployments only from apps/v1');
    const before116 = completeAt(['apiVersion: $0', 'kind: Deployment'], undefined, '1.15');
    assert.deepEqual(ranked(before116), ['apps/v1', 'apps/v1beta2', 'apps/v1beta1', 'extensions/v1beta1']);
    const kinds = labels(completeAt(['apiVersion: apps/v1', 'kind: $0']));
    assert.deepEqual(kinds, ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
  });

  it("offers the document's container port names for a probe's port, and the file's for a Service's targetPort", () => {
    const deployment = [...DEPLOYMENT_HEAD, '          ports:', '            - {name: http, containerPort: 8080}', '            - name: metrics', '              containerPort: 9090'];
    const probe = completeAt([...deployment, '          livenessProbe:', '            httpGet:', '              port: $0']);
    assert.deepEqual(labels(probe), ['http', 'metrics']);
    assert.equal(probe[0].detail, 'port 8080 of container "web"');
    const service = ['---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  ports:', '    - port: 80', '      targetPort: $0'];
    assert.deepEqual(labels(completeAt([...deployment, ...service])), ['http', 'metrics']);
    const ingress = ['---', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'spec:', '  defaultBackend:', '    service:', '      name: $0'];
    assert.deepEqual(labels(completeAt([...deployment, ...service.slice(0, -1), ...ingress])), ['web']);
  });
});

describe('engine: completion paths', () => {
  it('walks up flush and indented sequences and dash-only items', () => {
    const lines = ['spec:', '  containers:', '  - name: a', '    ports:', '    -', '      name: x', '      '];
    assert.deepEqual(pathTo(lines, 6, 6), ['spec', 'containers', '[]', 'ports', '[]']);
    assert.equal(pathTo(['a: {b: 1}', '  c: 1', '   '], 2, 3), undefined, 'under a flow map');
  });
});

describe('engine: field hover', () => {
  it('explains readOnlyRootFilesystem with its type and description', () => {
    const { text, offset } = cursor([...DEPLOYMENT_HEAD, '          securityContext:', '            readOnlyR$0ootFilesystem: true']);
    const field = fieldAt(text, offset)!;
    assert.equal(text.slice(field.start, field.end), 'readOnlyRootFilesystem');
    assert.equal(
      explainField(field),
      '**readOnlyRootFilesystem** `boolean` (SecurityContext)\n\nWhether this container has a read-only root filesystem.',
    );
  });

  it('says required, and nothing for values, custom maps or unknown keys', () => {
    const { text, offset } = cursor([...DEPLOYMENT_HEAD.slice(0, -2), '        - na$0me: web']);
    assert.match(explainField(fieldAt(text, offset)!), /^\*\*name\*\* `string` \(Container, required\)/);
    const value = cursor([...DEPLOYMENT_HEAD.slice(0, -1), '          image: we$0b:1']);
    assert.equal(fieldAt(value.text, value.offset), undefined);
    const label = cursor(['apiVersion: v1', 'kind: Pod', 'metadata:', '  labels:', '    ap$0p: web']);
    assert.equal(fieldAt(label.text, label.offset), undefined);
  });
});
