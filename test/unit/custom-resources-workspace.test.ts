// Where CRDs come from and when objects are checked again: the linter's cache follows the CRD of each object's kind,
// fix-all sees the file's CRDs, and the workspace index collects CRDs and says when they change.
import * as assert from 'node:assert/strict';
import { CustomResources, fixAll, ManifestLinter, readCrdsInText, WorkspaceIndex } from '../../server/src/engine';
import { WIDGET_CRD } from '../support/crds';

const widget = (name: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}}\nspec: {size: small, replcas: 3}\n`;
const gadget = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {bogus: 1}\n';
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n';
/** The Widget CRD with `replcas` as a field, so that the objects above are valid. */
const RELAXED_CRD = WIDGET_CRD.replace('replicas: {type: integer, format: int32}', 'replcas: {type: integer}');
const GADGET_CRD = WIDGET_CRD.replace(/Widget/g, 'Gadget').replace('widgets', 'gadgets');

const set = (...crds: string[]) => new CustomResources(crds.flatMap(readCrdsInText));
const unknownFields = (linter: ManifestLinter, text: string) => linter.lint(text).filter((f) => f.ruleId === 'schema-unknown-field').length;

describe('custom resources: caching and sources', () => {
  it('re-checks only the objects whose kind got a different CRD', () => {
    const text = [widget('a'), widget('b'), gadget, configMap].join('---\n');
    const linter = new ManifestLinter({}, { customResources: set(WIDGET_CRD) });
    assert.equal(unknownFields(linter, text), 2);
    linter.useCustomResources(set(RELAXED_CRD));
    assert.equal(unknownFields(linter, text), 0);
    assert.equal(linter.lastStats.checkedChunks, 2, 'the two Widgets, not the Gadget or the ConfigMap');
    // Another kind's CRD arriving re-checks that kind's objects alone.
    linter.useCustomResources(set(RELAXED_CRD, GADGET_CRD));
    assert.equal(unknownFields(linter, text), 1);
    assert.equal(linter.lastStats.checkedChunks, 1);
    // The same schemas in a new set (the workspace re-read a file that did not change) re-check nothing.
    linter.useCustomResources(set(RELAXED_CRD, GADGET_CRD));
    linter.lint(text);
    assert.equal(linter.lastStats.checkedChunks, 0);
  });

  it('checks an object again when the CRD in its own file changes, and stops using a CRD the file no longer has', () => {
    const linter = new ManifestLinter();
    const withCrd = `${widget('a')}---\n${WIDGET_CRD}\n`;
    assert.equal(unknownFields(linter, withCrd), 1);
    assert.equal(unknownFields(linter, `${widget('a')}---\n${RELAXED_CRD}\n`), 0);
    assert.equal(linter.lastStats.checkedChunks, 2, 'the edited CRD and the Widget');
    assert.equal(unknownFields(linter, withCrd), 1);
    assert.equal(unknownFields(linter, widget('a')), 0);
  });

  it("fix-all keeps a suppression that silences a custom resource's finding, given the CRD in the file or handed in", () => {
    const silenced = widget('a').replace('spec: {size: small, replcas: 3}', 'spec:\n  size: small\n  # kubewright-disable-next-line schema-unknown-field -- read by v0 clients\n  replcas: 3');
    // Without the CRD the directive silences nothing, and fix-all removes it: so keeping it below is the CRD's doing.
    assert.notEqual(fixAll(silenced).text, silenced);
    const inFile = `${silenced}---\n${WIDGET_CRD}\n`;
    assert.equal(fixAll(inFile).text, inFile);
    assert.equal(fixAll(silenced, {}, { customResources: set(WIDGET_CRD) }).text, silenced);
  });

  it("converts a schema once while its text stays the same, and again when an alias's anchor outside it changes", () => {
    const [first] = readCrdsInText(WIDGET_CRD);
    const [relabelled] = readCrdsInText(WIDGET_CRD.replace('metadata: {name: widgets.example.com}', 'metadata: {name: widgets.example.com, labels: {a: b}}'));
    assert.equal(relabelled.types, first.types, 'an edit outside the schema reuses its conversion');
    const aliased = (type: string) =>
      WIDGET_CRD.replace('metadata: {name: widgets.example.com}', `metadata: {name: widgets.example.com, annotations: {x: &count {type: ${type}}}}`)
        .replace('replicas: {type: integer, format: int32}', 'replicas: *count');
    const [integer] = readCrdsInText(aliased('integer'));
    const [string] = readCrdsInText(aliased('string'));
    assert.notEqual(integer.token, string.token, 'the schema text is the same, what its alias stands for is not');
  });

  it('collects the CRDs of indexed files, the same set until one of them changes', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.setFile('/w/crds/widget.yaml', WIDGET_CRD), true, 'a new CRD is a change others depend on');
    const first = index.customResources();
    assert.ok(first.lookup('example.com/v1', 'Widget'));
    assert.deepEqual(index.all(), [], 'a CRD is no object for the cross-file rules');
    index.setFile('/w/app/config.yaml', configMap);
    assert.equal(index.customResources(), first);
    assert.equal(index.setFile('/w/crds/widget.yaml', `# reformatted\n${WIDGET_CRD}`), false, 'same schema: no change');
    assert.equal(index.customResources(), first);
    assert.equal(index.setFile('/w/crds/widget.yaml', RELAXED_CRD), true);
    assert.notEqual(index.customResources().token('example.com/v1', 'Widget'), first.token('example.com/v1', 'Widget'));
    assert.equal(index.deleteFile('/w/crds/widget.yaml'), true);
    assert.equal(index.customResources().lookup('example.com/v1', 'Widget'), undefined);
  });

  it('reads CRDs alone when asked to, without objects', () => {
    const index = new WorkspaceIndex({ crdsOnly: true });
    index.setFile('untitled:1', `${configMap}---\n${WIDGET_CRD}\n`);
    assert.deepEqual(index.all(), []);
    assert.equal(index.customResources().size, 1);
  });
});
