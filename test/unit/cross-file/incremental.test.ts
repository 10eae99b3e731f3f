// Cross-file work per keystroke in proportion to the edited document: the index re-reads only changed chunks and keeps
// its objects when only offsets moved, and CrossFileFindings re-runs the rules only on the changed chunks' objects,
// while its findings stay exactly those of a fresh index and lintWorkspace.
import * as assert from 'node:assert/strict';
import { allRules, CrossFileFindings, isWorkspaceRule, WorkspaceIndex } from '../../../server/src/engine';
import type { LintConfig, Rule } from '../../../server/src/engine';
import type { WorkspaceRule } from '../../../server/src/engine/types';
import { docs, fromScratch, OpenDocument } from '../../support/chunked-workspace';

const CONFIG: LintConfig = {};

/** The workspace rules, counting the objects they are run on. */
function countingRules(): { rules: Rule[]; checked: string[] } {
  const checked: string[] = [];
  const rules = allRules.filter(isWorkspaceRule).map((rule, i) => ({
    ...rule,
    checkObject(...[object, index, ctx]: Parameters<WorkspaceRule['checkObject']>) {
      if (i === 0) checked.push(`${object.kind}/${object.name}`);
      rule.checkObject(object, index, ctx);
    },
  }));
  return { rules, checked };
}

/** An index with open documents and files on disk, checked through CrossFileFindings, compared with a fresh start. */
class Workspace {
  readonly index = new WorkspaceIndex();
  readonly findings = new CrossFileFindings(this.index);
  private readonly texts = new Map<string, string>();

  open(file: string, document: OpenDocument): void {
    this.index.setChunks(file, document.chunks());
    this.texts.set(file, document.text);
  }

  disk(file: string, text: string | undefined): void {
    if (text === undefined) {
      this.index.deleteFile(file);
      this.texts.delete(file);
    } else {
      this.index.setFile(file, text);
      this.texts.set(file, text);
    }
  }

  /** The file's findings as `rule-id "text at the finding"`, after asserting they equal a fresh index's. */
  check(file: string, config = CONFIG, rules?: readonly Rule[]): string[] {
    const found = this.findings.of(file, config, rules ? { rules } : {});
    assert.deepEqual(found, fromScratch(this.texts, config, file).findings);
    const text = this.texts.get(file)!;
    return found.map((f) => `${f.ruleId} "${text.slice(f.start, f.end)}"`);
  }
}

describe('cross-file findings, incrementally', () => {
  it('runs the rules again only on the objects of the chunk an edit touched, and moves the others\u2019 findings', () => {
    const { rules, checked } = countingRules();
    const w = new Workspace();
    const doc = new OpenDocument([docs.deployment('web', 'web'), docs.service('typo', 'wbe'), docs.ingress('nothing', 80)]);
    w.open('/w/app.yaml', doc);
    const before = w.check('/w/app.yaml', CONFIG, rules);
    assert.deepEqual(checked.splice(0), ['Deployment/web', 'Service/typo', 'Ingress/in']);
    doc.pushDown(0);
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml', CONFIG, rules), before, 'the same findings, further down');
    assert.deepEqual(checked.splice(0), ['Deployment/web']);
    assert.deepEqual(before, ['missing-reference "web-config"', 'service-no-matching-pods "selector: {app: wbe}"', 'ingress-missing-service "nothing"']);
  });

  it('re-checks a file when an edit elsewhere changes a label it selects on', () => {
    const w = new Workspace();
    const services = new OpenDocument([docs.service('web', 'web')]);
    const deployments = new OpenDocument([docs.configMap('web-config'), docs.deployment('web', 'web')]);
    w.open('/w/svc.yaml', services);
    w.open('/w/deploy.yaml', deployments);
    assert.deepEqual(w.check('/w/svc.yaml'), []);
    deployments.replace(1, docs.deployment('web', 'api'));
    w.open('/w/deploy.yaml', deployments);
    assert.deepEqual(w.check('/w/svc.yaml'), ['service-no-matching-pods "selector: {app: web}"']);
    deployments.replace(1, docs.deployment('web', 'web'));
    w.open('/w/deploy.yaml', deployments);
    assert.deepEqual(w.check('/w/svc.yaml'), []);
  });

  it('follows a `---` added in the middle of a file and removed again', () => {
    const w = new Workspace();
    const doc = new OpenDocument([docs.service('web', 'web'), docs.hpa('gone'), docs.deployment('web', 'web')]);
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml'), ['hpa-missing-target "gone"', 'missing-reference "web-config"']);
    doc.insert(1, docs.configMap('web-config'));
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml'), ['hpa-missing-target "gone"']);
    doc.remove(1);
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml'), ['hpa-missing-target "gone"', 'missing-reference "web-config"']);
  });

  it('honours a suppression comment added to a chunk, which changes no fact', () => {
    const w = new Workspace();
    const doc = new OpenDocument([docs.deployment('web', 'web'), docs.configMap('web-config'), docs.service('typo', 'wbe')]);
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml'), ['service-no-matching-pods "selector: {app: wbe}"']);
    doc.replace(2, `# kubewright-disable service-no-matching-pods\n${docs.service('typo', 'wbe')}`);
    w.open('/w/app.yaml', doc);
    assert.deepEqual(w.check('/w/app.yaml'), []);
  });

  it('starts afresh when the rule config changes, or a kustomization moves the file to another namespace', () => {
    const w = new Workspace();
    const doc = new OpenDocument([docs.deployment('web', 'web')]);
    w.open('/w/app/deploy.yaml', doc);
    w.disk('/w/app/config.yaml', docs.configMap('web-config'));
    w.disk('/w/base/kustomization.yaml', 'namespace: base\n');
    assert.deepEqual(w.check('/w/app/deploy.yaml'), []);
    w.disk('/w/app/config.yaml', undefined);
    assert.deepEqual(w.check('/w/app/deploy.yaml'), ['missing-reference "web-config"']);
    assert.deepEqual(w.check('/w/app/deploy.yaml', { rules: { 'missing-reference': 'off' } }), []);
    w.disk('/w/app/config.yaml', `${docs.configMap('web-config')}`.replace('{name: web-config}', '{name: web-config, namespace: prod}'));
    assert.deepEqual(w.check('/w/app/deploy.yaml'), ['missing-reference "web-config"']);
    w.disk('/w/app/kustomization.yaml', 'namespace: prod\nresources: [deploy.yaml, config.yaml]\n');
    assert.deepEqual(w.check('/w/app/deploy.yaml'), []);
  });
});

describe('workspace index, chunk by chunk', () => {
  it('reads only the chunks whose text is new', () => {
    const index = new WorkspaceIndex();
    const doc = new OpenDocument([docs.deployment('a', 'a'), docs.deployment('b', 'b'), docs.deployment('c', 'c')]);
    const asked: string[] = [];
    const parsed = (text: string) => {
      asked.push(text.split('\n')[3]);
      return undefined;
    };
    index.setChunks('/w/d.yaml', doc.chunks(), parsed);
    assert.deepEqual(asked.splice(0), ['metadata: {name: a}', 'metadata: {name: b}', 'metadata: {name: c}']);
    doc.replace(1, docs.deployment('b2', 'b'));
    doc.insert(3, docs.configMap('d'));
    index.setChunks('/w/d.yaml', doc.chunks(), parsed);
    assert.deepEqual(asked, ['metadata: {name: b2}', 'metadata: {name: d}']);
  });

  it('keeps its objects when an edit only moves them, with their new offsets and spans', () => {
    const index = new WorkspaceIndex();
    const doc = new OpenDocument([docs.deployment('a', 'a'), docs.deployment('b', 'b')]);
    index.setChunks('/w/d.yaml', doc.chunks());
    index.setFile('/w/other.yaml', docs.service('s', 'a'));
    const all = index.all();
    const version = index.factsVersion;
    doc.pushDown(0);
    assert.equal(index.setChunks('/w/d.yaml', doc.chunks()), false);
    assert.equal(index.all(), all, 'the same objects, not a rebuilt workspace');
    assert.equal(index.factsVersion, version);
    const fresh = new WorkspaceIndex();
    fresh.setFile('/w/d.yaml', doc.text);
    fresh.setFile('/w/other.yaml', docs.service('s', 'a'));
    assert.deepEqual(index.all(), fresh.all());
    const b = index.inFile('/w/d.yaml')[1];
    assert.equal(doc.text.slice(b.offset + b.nameSpan[0], b.offset + b.nameSpan[1]), 'b');
  });
});
