// A workspace as the language server sees it while the user types: open files kept as `---` chunks whose unchanged
// texts stay the same strings from edit to edit (as an incrementally split document's do), files on disk, and the
// from-scratch answer (a fresh index, lintWorkspace) that the incremental one must always equal.
import * as assert from 'node:assert/strict';
import { lintWorkspace, WorkspaceIndex } from '../../server/src/engine';
import type { Finding, LintConfig, TextChunk } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';

/** Documents of manifests that refer to one another, each ending in a line break. */
export const docs = {
  deployment: (name: string, app: string, port = 'http') =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: {name: ${name}}`,
      'spec:',
      `  selector: {matchLabels: {app: ${app}}}`,
      '  template:',
      `    metadata: {labels: {app: ${app}}}`,
      '    spec:',
      '      containers:',
      '        - name: c',
      '          image: x:1',
      `          ports: [{name: ${port}, containerPort: 80}]`,
      `          envFrom: [{configMapRef: {name: ${name}-config}}]`,
      '',
    ].join('\n'),
  service: (name: string, app: string, targetPort = 'http') =>
    ['apiVersion: v1', 'kind: Service', `metadata: {name: ${name}}`, 'spec:', `  selector: {app: ${app}}`, `  ports: [{port: 80, targetPort: ${targetPort}}]`, ''].join('\n'),
  ingress: (service: string, port: number) =>
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: in}',
      'spec:',
      `  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ${service}, port: {number: ${port}}}}}]}}]`,
      '',
    ].join('\n'),
  hpa: (target: string) =>
    [
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: scale}',
      'spec:',
      `  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}`,
      '  maxReplicas: 3',
      '',
    ].join('\n'),
  pdb: (app: string) =>
    ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: budget}', 'spec:', '  minAvailable: 1', `  selector: {matchLabels: {app: ${app}}}`, ''].join(
      '\n',
    ),
  configMap: (name: string) => ['apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${name}}`, 'data: {a: b}', ''].join('\n'),
};

/** An open document: its chunks' texts, each `---\n` and a document, replaced one at a time. */
export class OpenDocument {
  private texts: string[];

  constructor(documents: readonly string[]) {
    this.texts = documents.map((d) => `---\n${d}`);
  }

  get count(): number {
    return this.texts.length;
  }

  get text(): string {
    return this.texts.join('');
  }

  /** The chunks with their offsets: the unchanged ones are the very strings they were. */
  chunks(): TextChunk[] {
    let offset = 0;
    const chunks = this.texts.map((text) => {
      const chunk = { offset, text };
      offset += text.length;
      return chunk;
    });
    assert.deepEqual(chunks, splitChunks(this.text), 'the test splits the text as the engine does');
    return chunks;
  }

  replace(at: number, document: string): void {
    this.texts[at] = `---\n${document}`;
  }

  /** Text moved within the chunk and after it, nothing else: a comment line at the top of its document. */
  pushDown(at: number): void {
    this.texts[at] = this.texts[at].replace(/^---\n/, '---\n# moved\n');
  }

  /** A new `---` and document before chunk `at` (at the end when `at` is the count). */
  insert(at: number, document: string): void {
    this.texts.splice(at, 0, `---\n${document}`);
  }

  /** Removes chunk `at`: its `---` and its document. */
  remove(at: number): void {
    this.texts.splice(at, 1);
  }
}

/** What a fresh index and lintWorkspace say about `file`, the texts put in the index in the order given. */
export function fromScratch(texts: ReadonlyMap<string, string>, config: LintConfig, file: string): { findings: Finding[]; index: WorkspaceIndex } {
  const index = new WorkspaceIndex();
  for (const [name, text] of texts) index.setFile(name, text);
  return { findings: lintWorkspace(index, config, [file]).get(file) ?? [], index };
}
