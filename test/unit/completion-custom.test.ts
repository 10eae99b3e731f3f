// Completion and hover on custom resources, with `$0` for the cursor: a Route whose CRD is in the same text (or handed
// over, as the workspace's) gets its keys, enum values, required marks and descriptions, stays quiet where the CRD keeps
// unknown fields, and a kind without a CRD gets nothing.
import * as assert from 'node:assert/strict';
import { complete } from '../../server/src/engine/complete/complete';
import type { CompletionEntry, CompletionOptions } from '../../server/src/engine/complete/complete';
import { explainField, fieldAt } from '../../server/src/engine/complete/explain';
import { CustomResources, ManifestLinter, readCrdsInText } from '../../server/src/engine';

const ROUTE_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: routes.example.com}
spec:
  group: example.com
  names: {kind: Route, plural: routes}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion:
              type: string
              description: |-
                APIVersion defines the versioned schema of this representation of an object. Servers should convert
                recognized schemas to the latest internal value.
            spec:
              type: object
              required: [host, rules]
              properties:
                host: {type: string, description: 'The host name requests are routed for. Wildcards match one label.'}
                protocol: {type: string, enum: [HTTP, HTTPS, GRPC], description: How clients connect.}
                mirror: {type: boolean}
                rules:
                  type: array
                  description: Where matching requests go, first match wins.
                  items:
                    type: object
                    required: [backend]
                    properties:
                      match:
                        type: object
                        properties:
                          prefix: {type: string}
                          method: {type: string, enum: [GET, POST]}
                      backend:
                        type: object
                        required: [service]
                        properties:
                          service: {type: string, description: "The Service that receives the request, in the Route's namespace."}
                          port: {type: integer, format: int32}
                extra:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                zones:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      weight: {type: integer}
                      failover: {type: boolean}
`;

const ROUTE_HEAD = ['apiVersion: example.com/v1', 'kind: Route', 'metadata: {name: web}', 'spec:'];

/** The lines with the CRD below them, the text without `$0`, and the offset where it was. */
function cursor(lines: string[], crd = ROUTE_CRD): { text: string; offset: number } {
  const marked = `${lines.join('\n')}\n---\n${crd}`;
  const offset = marked.indexOf('$0');
  assert.ok(offset >= 0, 'the text marks the cursor with $0');
  return { text: marked.replace('$0', ''), offset };
}

function completeAt(lines: string[], options: CompletionOptions & { crd?: string } = {}): CompletionEntry[] {
  const { text, offset } = cursor(lines, options.crd);
  return complete(text, offset, options);
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);
/** Labels in the order the editor lists them (by sortText, then label). */
const ranked = (entries: CompletionEntry[]) =>
  [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText) || a.label.localeCompare(b.label)).map((e) => e.label);

function hoverAt(lines: string[], options: { crd?: string; customResources?: CustomResources } = {}): string | undefined {
  const { text, offset } = cursor(lines, options.crd);
  const field = fieldAt(text, offset, undefined, { customResources: options.customResources });
  return field && explainField(field);
}

describe('engine: completion of custom resources', () => {
  it("offers the kind's top-level keys, and ObjectMeta's under metadata", () => {
    assert.deepEqual(ranked(completeAt(['apiVersion: example.com/v1', 'kind: Route', '$0'])), ['metadata', 'spec']);
    const metadata = labels(completeAt(['apiVersion: example.com/v1', 'kind: Route', 'metadata:', '  $0']));
    for (const key of ['name', 'namespace', 'labels', 'annotations']) assert.ok(metadata.includes(key), `offers ${key}`);
  });

  it('offers the keys of spec, required first, each with its type and the first sentence of its description', () => {
    const entries = completeAt([...ROUTE_HEAD, '  mirror: true', '  $0']);
    assert.deepEqual(ranked(entries), ['host', 'rules', 'extra', 'protocol', 'zones']);
    const host = entries.find((e) => e.label === 'host')!;
    assert.equal(host.detail, 'string (required)');
    assert.equal(host.documentation, 'The host name requests are routed for.');
    const rules = entries.find((e) => e.label === 'rules')!;
    assert.equal(rules.detail, '[]object (required)');
    assert.equal(rules.insertText, 'rules:\n    - ', 'a list: the key, a new line and a dash');
    assert.equal(entries.find((e) => e.label === 'zones')!.insertText, 'zones:\n    ', 'a map: one indent deeper');
    assert.equal(entries.find((e) => e.label === 'protocol')!.detail, 'string: HTTP | HTTPS | GRPC');
  });

  it('offers the keys of a list item after its dash, and of the objects nested in it', () => {
    const item = completeAt([...ROUTE_HEAD, '  rules:', '    - $0'], { triggerCharacter: ' ' });
    assert.deepEqual(ranked(item), ['backend', 'match']);
    assert.equal(item.find((e) => e.label === 'backend')!.detail, 'object (required)');
    const backend = completeAt([...ROUTE_HEAD, '  rules:', '    - match: {prefix: /}', '      backend:', '        service: web', '        $0']);
    assert.deepEqual(labels(backend), ['port']);
    const half = completeAt([...ROUTE_HEAD, '  rules:', '    - backend:', '        serv$0']);
    assert.deepEqual(labels(half), ['service', 'port']);
  });

  it('offers enum values and booleans, at any depth', () => {
    const protocol = completeAt([...ROUTE_HEAD, '  protocol: $0'], { triggerCharacter: ' ' });
    assert.deepEqual(labels(protocol), ['HTTP', 'HTTPS', 'GRPC']);
    assert.equal(protocol[0].detail, 'string: HTTP | HTTPS | GRPC');
    assert.deepEqual(labels(completeAt([...ROUTE_HEAD, '  rules:', '    - match:', '        method: P$0'])), ['GET', 'POST']);
    assert.deepEqual(labels(completeAt([...ROUTE_HEAD, '  mirror: $0'])), ['true', 'false']);
    assert.deepEqual(completeAt([...ROUTE_HEAD, '  host: $0']), [], 'a free string has no values to offer');
  });

  it('follows additionalProperties, and offers nothing where the CRD keeps unknown fields', () => {
    assert.deepEqual(labels(completeAt([...ROUTE_HEAD, '  zones:', '    us-east:', '      $0'])), ['weight', 'failover']);
    assert.deepEqual(labels(completeAt([...ROUTE_HEAD, '  zones:', '    us-east:', '      failover: $0'])), ['true', 'false']);
    assert.deepEqual(completeAt([...ROUTE_HEAD, '  zones:', '    $0']), [], "a map's keys are the user's names");
    assert.deepEqual(completeAt([...ROUTE_HEAD, '  extra:', '    $0']), []);
    assert.deepEqual(completeAt([...ROUTE_HEAD, '  extra:', '    anything:', '      $0']), []);
  });

  it('offers nothing for a custom kind no CRD defines, nor for another version of a known one', () => {
    assert.deepEqual(completeAt(['apiVersion: example.com/v1', 'kind: Gadget', 'spec:', '  $0']), []);
    assert.deepEqual(completeAt(['apiVersion: example.com/v2', 'kind: Route', 'spec:', '  $0']), []);
    assert.deepEqual(completeAt(['apiVersion: example.com/v1', 'kind: Gadget', 'spec:', '  mirror: $0']), []);
  });

  it('offers the known custom kinds for kind and apiVersion', () => {
    assert.deepEqual(labels(completeAt(['apiVersion: example.com/v1', 'kind: $0'])), ['Route']);
    assert.deepEqual(labels(completeAt(['apiVersion: $0', 'kind: Route'])), ['example.com/v1']);
    const anyKind = labels(completeAt(['kind: $0']));
    assert.ok(anyKind.includes('Route') && anyKind.includes('Deployment'), 'without an apiVersion: built-in and custom kinds');
    const anyVersion = labels(completeAt(['apiVersion: $0']));
    assert.ok(anyVersion.includes('example.com/v1') && anyVersion.includes('apps/v1'), 'without a kind: built-in and custom apiVersions');
    assert.deepEqual(labels(completeAt(['apiVersion: apps/v1', 'kind: $0'])), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
  });

  it("completes from the caller's CRDs (the workspace's), the file's own taking their place", () => {
    const workspace = new CustomResources(readCrdsInText(ROUTE_CRD));
    const lines = [...ROUTE_HEAD, '  protocol: $0'];
    assert.deepEqual(labels(completeAt(lines, { crd: '', customResources: workspace })), ['HTTP', 'HTTPS', 'GRPC']);
    const own = ROUTE_CRD.replace('enum: [HTTP, HTTPS, GRPC]', 'enum: [TCP, UDP]');
    assert.deepEqual(labels(completeAt(lines, { crd: own, customResources: workspace })), ['TCP', 'UDP']);
  });

  it("takes a chunk's CRDs from what the linter read of it, reading only the chunks it has not", () => {
    const lines = [...ROUTE_HEAD, '  protocol: $0'];
    const { text } = cursor(lines);
    const linter = new ManifestLinter();
    linter.lint(text);
    const readByLinter = (chunkText: string) => linter.crdsOf(chunkText);
    assert.deepEqual(labels(completeAt(lines, { crdsOf: readByLinter })), ['HTTP', 'HTTPS', 'GRPC']);
    assert.deepEqual(labels(completeAt(lines, { crdsOf: (chunkText) => (chunkText.includes('kind: Route') ? [] : undefined) })), []);
    assert.deepEqual(labels(completeAt(lines, { crdsOf: () => undefined })), ['HTTP', 'HTTPS', 'GRPC']);
  });
});

describe('engine: hover on custom resources', () => {
  it("explains a nested field with its type, the path of the object holding it, required, and its description", () => {
    assert.equal(
      hoverAt([...ROUTE_HEAD, '  rules:', '    - backend:', '        ser$0vice: web']),
      "**service** `string` (Route.spec.rules[].backend, required)\n\nThe Service that receives the request, in the Route's namespace.",
    );
    assert.equal(hoverAt([...ROUTE_HEAD, '  ru$0les: []']), '**rules** `[]object` (Route.spec, required)\n\nWhere matching requests go, first match wins.');
    assert.equal(hoverAt([...ROUTE_HEAD, '  proto$0col: HTTP']), '**protocol** `string: HTTP | HTTPS | GRPC` (Route.spec)\n\nHow clients connect.');
    assert.equal(hoverAt([...ROUTE_HEAD, '  zones:', '    us-east:', '      weig$0ht: 2']), '**weight** `integer` (Route.spec.zones.*)');
  });

  it("keeps the CRD's description of apiVersion, and explains metadata's fields as ObjectMeta's", () => {
    assert.equal(
      hoverAt(['apiVer$0sion: example.com/v1', 'kind: Route']),
      '**apiVersion** `string` (Route)\n\nAPIVersion defines the versioned schema of this representation of an object.',
    );
    assert.match(hoverAt(['apiVersion: example.com/v1', 'kind: Route', 'metadata:', '  na$0me: web']) ?? '', /^\*\*name\*\* `string` \(ObjectMeta\)/);
  });

  it('says nothing for fields the CRD lets in unlisted, for values, or for a kind no CRD defines', () => {
    assert.equal(hoverAt([...ROUTE_HEAD, '  extra:', '    an$0ything: 1']), undefined);
    assert.equal(hoverAt([...ROUTE_HEAD, '  zones:', '    us-e$0ast: {}']), undefined);
    assert.equal(hoverAt([...ROUTE_HEAD, '  host: ex$0ample.com']), undefined);
    assert.equal(hoverAt(['apiVersion: example.com/v1', 'kind: Gadget', 'spec:', '  ho$0st: a']), undefined);
  });

  it("explains fields from the caller's CRDs when the file has none", () => {
    const workspace = new CustomResources(readCrdsInText(ROUTE_CRD));
    assert.match(hoverAt([...ROUTE_HEAD, '  ho$0st: a'], { crd: '', customResources: workspace }) ?? '', /^\*\*host\*\* `string` \(Route.spec, required\)/);
    assert.equal(hoverAt([...ROUTE_HEAD, '  ho$0st: a'], { crd: '' }), undefined);
  });
});

describe('engine: CRD descriptions and checking', () => {
  it('two copies of a CRD that differ only in descriptions agree: objects of the kind are still checked', () => {
    const reworded = ROUTE_CRD.replace('How clients connect.', 'The protocol clients speak.');
    const [first] = readCrdsInText(ROUTE_CRD);
    const [second] = readCrdsInText(reworded);
    assert.equal(first.token, second.token);
    assert.notEqual(first.types, second.types, 'two conversions, each with its own descriptions');
    const both = new CustomResources([first, second]);
    assert.equal(both.lookup('example.com/v1', 'Route')?.types['crd:Route.spec'].p.protocol[1], 'The protocol clients speak.');
  });
});
