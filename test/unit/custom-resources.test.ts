// Custom resources checked against their CRD's openAPIV3Schema: the schema-* rules on an object whose CRD is handed to
// the linter or sits in the same file, leniency where the CRD is lenient, and nothing for a kind without a CRD.
import * as assert from 'node:assert/strict';
import { allRules, CustomResources, LineIndex, ManifestLinter, readCrdsInText } from '../../server/src/engine';
import { readMarkers, yaml } from '../support/rule-tester';
import { WIDGET_CRD } from '../support/crds';

const schemaRules = allRules.filter((r) => r.meta.id.startsWith('schema-'));

function resources(...crds: string[]): CustomResources {
  return new CustomResources(crds.flatMap(readCrdsInText));
}

/** `line:start-end rule-id message` for each schema finding (1-based lines and columns, as markers are read). */
function lint(text: string, known = CustomResources.none): string[] {
  const lines = new LineIndex(text);
  return new ManifestLinter({}, { rules: schemaRules, customResources: known }).lint(text).map((f) => {
    const start = lines.positionAt(f.start);
    return `${start.line + 1}:${start.character + 1}-${lines.positionAt(f.end).character + 1} ${f.ruleId} ${f.message}`;
  });
}

/** Asserts exactly the findings the fixture's caret lines mark (each marker: `rule-id message fragment`). */
function assertMarked(fixture: string, known: CustomResources): void {
  const { text, expected } = readMarkers(fixture);
  const actual = lint(text, known);
  const where = (s: string) => s.slice(0, s.indexOf(' '));
  assert.deepEqual(actual.map(where), expected.map((e) => `${e.line + 1}:${e.start + 1}-${e.end + 1}`), actual.join('\n'));
  expected.forEach((e, i) => assert.ok(actual[i].includes(e.messageFragment), `${actual[i]} lacks "${e.messageFragment}"`));
}

describe('custom resources: schema from CRDs', () => {
  const widgets = resources(WIDGET_CRD);

  it('accepts a Widget that follows its CRD, the lenient parts with anything in them', () => {
    const valid = yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w, labels: {app: w}}
      spec:
        size: small
        replicas: 3
        port: http
        ratio: 1
        note: null
        parts: [{name: a, weight: 2}]
        labels: {tier: front}
        config: {anything: [1, {deep: true}]}
        template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {whatever: 1}}
        tls: {mode: strict}
        backend: {service: web, extra: 1}
      status: {observed: 1}`;
    assert.deepEqual(lint(valid, widgets), []);
    assert.deepEqual(lint(valid.replace('port: http', 'port: 8080'), widgets), []);
  });

  it('reports typos with the closest field, wrong types, enums and missing required fields, down to list items', () => {
    assertMarked(
      yaml`
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
          lables: {app: w}
        # ^^^^^^ schema-unknown-field Unknown field \`lables\` in ObjectMeta: did you mean \`labels\`?
        spec:
          size: medium
        #       ^^^^^^ schema-enum \`size\` must be one of \`small\`, \`large\`, not \`medium\`
          replcas: 3
        # ^^^^^^^ schema-unknown-field Unknown field \`replcas\` in Widget.spec: did you mean \`replicas\`?
          port: true
        #       ^^^^ schema-type \`port\` must be an integer or a string, not the boolean \`true\`
          parts:
            - weight: "2"
        #     ^^^^^^ schema-required Missing required field \`name\` in Widget.spec.parts[]
        #             ^^^ schema-type \`weight\` must be an integer, not the string \`"2"\`
          labels: {tier: 1}
        #                ^ schema-type \`tier\` must be a string, not the number \`1\`
          tls: {mode: strict, mdoe: x}
        #                     ^^^^ schema-unknown-field Unknown field \`mdoe\` in Widget.spec.tls: did you mean \`mode\`?`,
      widgets,
    );
  });

  it('reports a missing spec on the kind, a missing required field on the key of the map that lacks it, and a bad name', () => {
    const text = yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: Big_Widget}
      spec:
        replicas: 1`;
    assert.deepEqual(lint(text, widgets), [
      '2:1-5 schema-required Missing required field `spec` in Widget',
      '7:18-28 schema-name Invalid Widget name `Big_Widget`: must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
      '8:1-5 schema-required Missing required field `size` in Widget.spec',
    ]);
  });

  it('leaves alone a custom kind without a CRD, and a version the CRD does not define', () => {
    const other = yaml`
      apiVersion: example.com/v1
      kind: Gadget
      metadata: {name: Not_A_Dns_Name}
      spec: {anything: [1, 2]}
      ---
      apiVersion: example.com/v2
      kind: Widget
      metadata: {name: w}
      spec: {size: medium, replcas: 3}`;
    assert.deepEqual(lint(other, widgets), []);
    assert.deepEqual(lint(other.replace('Gadget', 'Widget').replace('v2', 'v1')), [], 'without the CRD, a Widget is not checked');
  });

  it('applies a CRD in the same file, above or below the object, and prefers it to one handed in', () => {
    const object = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small, replcas: 3}\n';
    const expected = '4:21-28 schema-unknown-field Unknown field `replcas` in Widget.spec: did you mean `replicas`?';
    assert.deepEqual(lint(`${object}---\n${WIDGET_CRD}`), [expected]);
    assert.deepEqual(lint(`${WIDGET_CRD}\n---\n${object}`).map((f) => f.replace(/^\d+/, '')), [expected.replace(/^\d+/, '')]);
    // The file's own CRD lists `replcas`: it wins over the workspace's, which does not.
    const own = WIDGET_CRD.replace('replicas: {type: integer, format: int32}', 'replcas: {type: integer}');
    assert.deepEqual(lint(`${object}---\n${own}`, widgets), []);
  });

  it('checks nothing of a kind that two different CRDs define, and one kind that two copies of a CRD define alike', () => {
    const other = WIDGET_CRD.replace('replicas: {type: integer, format: int32}', 'replcas: {type: integer}');
    const object = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small, replcas: 3, bogus: 1}\n';
    assert.deepEqual(lint(object, resources(WIDGET_CRD, other)), []);
    assert.equal(lint(object, resources(WIDGET_CRD, WIDGET_CRD)).length, 2);
  });

  it('reads v1beta1: the shared spec.validation schema, open to unknown fields unless preserveUnknownFields is false', () => {
    const v1beta1 = (preserve: string) => yaml`
      apiVersion: apiextensions.k8s.io/v1beta1
      kind: CustomResourceDefinition
      metadata: {name: gizmos.example.com}
      spec:
        group: example.com
        version: v1alpha1
        versions: [{name: v1alpha1, served: true, storage: true}, {name: v1beta1, served: true, storage: false}]
        names: {kind: Gizmo, plural: gizmos}
        ${preserve}
        validation:
          openAPIV3Schema:
            properties:
              spec:
                properties:
                  count: {type: integer}`;
    const gizmo = 'apiVersion: example.com/v1beta1\nkind: Gizmo\nmetadata: {name: g}\nspec: {count: "3", extra: 1}\n';
    assert.deepEqual(lint(gizmo, resources(v1beta1(''))), ['4:15-18 schema-type `count` must be an integer, not the string `"3"`']);
    assert.deepEqual(lint(gizmo, resources(v1beta1('preserveUnknownFields: false'))), [
      '4:15-18 schema-type `count` must be an integer, not the string `"3"`',
      '4:20-25 schema-unknown-field Unknown field `extra` in Gizmo.spec',
    ]);
  });

  it('skips a node whose anyOf/oneOf/allOf branches shape it, and survives a hostile CRD', () => {
    const note = (schema: string) => resources(WIDGET_CRD.replace('note: {type: string, nullable: true}', `note: ${schema}`));
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small, note: {b: 1}}\n';
    assert.deepEqual(lint(widget, note('{type: object, properties: {a: {type: string}}, oneOf: [{required: [a]}]}')), [
      '4:28-29 schema-unknown-field Unknown field `b` in Widget.spec.note',
    ]);
    assert.deepEqual(lint(widget, note('{type: object, properties: {a: {type: string}}, allOf: [{properties: {b: {type: string}}}]}')), []);
    // 300 levels of properties: followed to a depth, then anything is accepted; no stack overflow either way.
    let deep = '{type: string}';
    for (let i = 0; i < 300; i++) deep = `{type: object, properties: {a: ${deep}}}`;
    const hostile = WIDGET_CRD.replace('note: {type: string, nullable: true}', `note: ${deep}`).replace('kind: Widget', 'kind: Deep');
    let value = '1';
    for (let i = 0; i < 300; i++) value = `{a: ${value}}`;
    assert.deepEqual(lint(`apiVersion: example.com/v1\nkind: Deep\nmetadata: {name: w}\nspec: {size: small, note: ${value}}\n`, resources(hostile)), []);
    // A property called __proto__ or constructor is a property like any other.
    const indent = /^( *)ratio:/m.exec(WIDGET_CRD)![1];
    const odd = WIDGET_CRD.replace('ratio: {type: number}', `'__proto__': {type: integer}\n${indent}constructor: {type: integer}`);
    assert.deepEqual(lint('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small, __proto__: x, constructor: 1}\n', resources(odd)), [
      '4:32-33 schema-type `__proto__` must be an integer, not the string `x`',
    ]);
  });

  it("reports `constructor` as an unknown field of a built-in kind (not Object's property)", () => {
    assert.deepEqual(lint('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, constructor: 1}\n'), [
      '3:21-32 schema-unknown-field Unknown field `constructor` in ObjectMeta',
    ]);
  });
});
