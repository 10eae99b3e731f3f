// Property: through any sequence of edits — a chunk replaced, pushed down, added or removed in open documents, files on
// disk written or deleted, a kustomization namespace set or dropped, the rule config switched — the index kept up
// chunk by chunk and CrossFileFindings give exactly what a fresh index and lintWorkspace give. Fixed seed.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CrossFileFindings, WorkspaceIndex } from '../../../server/src/engine';
import type { LintConfig } from '../../../server/src/engine';
import { docs, fromScratch, OpenDocument } from '../../support/chunked-workspace';
import { SEED } from '../../fuzz/summary';

/** Runs and steps per run: every kind of edit many times over, in well under a few seconds. */
const RUNS = 120;
const MAX_STEPS = 14;

const OPEN = ['/w/app/open.yaml', '/w/app/nested/second.yaml'] as const;
const ON_DISK = ['/w/app/disk.yaml', '/w/far/far.yaml'] as const;
const KUSTOMIZATION = '/w/app/kustomization.yaml';
const CONFIGS: readonly LintConfig[] = [{}, { rules: { 'service-no-matching-pods': 'off' } }, { profile: 'strict' }];

const name = fc.constantFrom('web', 'api');
const documentArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(name, name, fc.constantFrom('http', 'grpc')).map(([n, app, port]) => docs.deployment(n, app, port)),
  fc.tuple(name, name, fc.constantFrom('http', 'grpc', '8080')).map(([n, app, port]) => docs.service(n, app, port)),
  fc.tuple(name, fc.constantFrom(80, 81)).map(([service, port]) => docs.ingress(service, port)),
  name.map(docs.hpa),
  name.map((app) => docs.pdb(app)),
  name.map((n) => docs.configMap(`${n}-config`)),
  fc.constant('# only a comment\n'),
  fc.constant('broken: [\n'),
  name.map((app) => `# kubewright-disable service-no-matching-pods\n${docs.service('quiet', app)}`),
);

type Step =
  | { edit: 'replace' | 'insert'; file: number; at: number; document: string }
  | { edit: 'pushDown' | 'remove'; file: number; at: number }
  | { edit: 'disk'; file: number; documents: string[] | undefined }
  | { edit: 'kustomization'; namespace: string | undefined }
  | { edit: 'config'; config: number };

const at = fc.nat({ max: 5 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ edit: fc.constantFrom('replace' as const, 'insert' as const), file: fc.nat({ max: 1 }), at, document: documentArb }),
  fc.record({ edit: fc.constantFrom('pushDown' as const, 'remove' as const), file: fc.nat({ max: 1 }), at }),
  fc.record({ edit: fc.constant('disk' as const), file: fc.nat({ max: 1 }), documents: fc.option(fc.array(documentArb, { maxLength: 3 }), { nil: undefined }) }),
  fc.record({ edit: fc.constant('kustomization' as const), namespace: fc.option(fc.constantFrom('prod', 'dev'), { nil: undefined }) }),
  fc.record({ edit: fc.constant('config' as const), config: fc.nat({ max: CONFIGS.length - 1 }) }),
);

describe('cross-file findings, incrementally: property', () => {
  it('equal a fresh index and lintWorkspace after every edit', () => {
    const property = fc.property(fc.array(documentArb, { minLength: 1, maxLength: 4 }), fc.array(stepArb, { maxLength: MAX_STEPS }), (initial, steps) => {
      const index = new WorkspaceIndex();
      const findings = new CrossFileFindings(index);
      const texts = new Map<string, string>();
      const open = OPEN.map(() => new OpenDocument(initial));
      let config = CONFIGS[0];
      const put = (file: string, text: string | undefined) => {
        if (text === undefined) index.deleteFile(file);
        else index.setFile(file, text);
        if (text === undefined) texts.delete(file);
        else texts.set(file, text);
      };
      const typed = (i: number) => {
        index.setChunks(OPEN[i], open[i].chunks());
        texts.set(OPEN[i], open[i].text);
      };
      typed(0);
      typed(1);
      for (const step of [undefined, ...steps]) {
        if (step?.edit === 'config') config = CONFIGS[step.config];
        else if (step?.edit === 'kustomization') put(KUSTOMIZATION, step.namespace && `namespace: ${step.namespace}\n`);
        else if (step?.edit === 'disk') put(ON_DISK[step.file], step.documents?.map((d) => `---\n${d}`).join(''));
        else if (step) {
          const document = open[step.file];
          const place = step.at % (document.count + (step.edit === 'insert' ? 1 : 0));
          if (step.edit === 'replace') document.replace(place, step.document);
          else if (step.edit === 'insert') document.insert(place, step.document);
          else if (step.edit === 'pushDown') document.pushDown(place);
          else if (document.count > 1) document.remove(place);
          typed(step.file);
        }
        for (const file of OPEN) {
          const expected = fromScratch(texts, config, file);
          assert.deepEqual(findings.of(file, config), expected.findings, `${file} after ${JSON.stringify(step)}`);
          assert.deepEqual(index.all(), expected.index.all(), `the objects after ${JSON.stringify(step)}`);
        }
      }
    });
    fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
  });
});
