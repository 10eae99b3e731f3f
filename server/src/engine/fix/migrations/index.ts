// The registry of API migrations, and the fix proposal that carries one out on a document.
import { isMap, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { FixProposal } from '../../types';
import { decline } from '../editor';
import { detectStyle } from '../style';
import { pairOf } from '../../k8s/nodes';
import type { Migration } from './migration';
import { Surgeon } from './surgery';
import { INGRESS_MIGRATIONS } from './ingress';
import { WORKLOAD_MIGRATIONS } from './workloads';
import { HPA_MIGRATIONS } from './hpa';
import { WEBHOOK_MIGRATIONS } from './webhooks';
import { CRD_MIGRATIONS } from './crd';
import { FLOWCONTROL_MIGRATIONS } from './flowcontrol';
import { RENAMES } from './renames';

const MIGRATIONS: readonly Migration[] = [...INGRESS_MIGRATIONS, ...WORKLOAD_MIGRATIONS, ...HPA_MIGRATIONS, ...WEBHOOK_MIGRATIONS, ...CRD_MIGRATIONS, ...FLOWCONTROL_MIGRATIONS, ...RENAMES];

export function migrationFor(apiVersion: string, kind: string): Migration | undefined {
  return MIGRATIONS.find((m) => m.from.includes(apiVersion) && m.kinds.includes(kind));
}

/** The quick fix that migrates `document` (a `kind` object) with `migration`. */
export function migrationFix(migration: Migration, kind: string, document: Document.Parsed): FixProposal {
  return {
    title: `Migrate this ${kind} to ${migration.to}`,
    preferred: true,
    apply(editor) {
      const root = document.contents;
      const apiVersion = pairOf(root, 'apiVersion')?.value;
      if (!isMap(root) || !isScalar(apiVersion)) return decline('no apiVersion scalar');
      const style = detectStyle(editor.source, document);
      const surgeon = new Surgeon(editor, style);
      migration.migrate({ editor, surgeon, style, document, root, apiVersion });
    },
  };
}
