// What a migration is: the apiVersions and kinds it takes, the apiVersion it moves them to, and the edits that
// change the object's shape on the way. The families live beside this file, one per file; index.ts lists them.
import type { Document, Scalar, YAMLMap } from 'yaml';
import type { YamlEditor } from '../editor';
import type { YamlStyle } from '../style';
import type { Surgeon } from './surgery';

export interface MigrationInput {
  editor: YamlEditor;
  surgeon: Surgeon;
  /** The file's layout, for text a migration builds itself. */
  style: YamlStyle;
  document: Document.Parsed;
  /** The object's top-level map. */
  root: YAMLMap;
  /** The `apiVersion` value, to set to the new version. */
  apiVersion: Scalar;
}

export interface Migration {
  from: readonly string[];
  kinds: readonly string[];
  to: string;
  /** Records every edit, the apiVersion's included; declines (throws) a shape it will not migrate. */
  migrate(input: MigrationInput): void;
}

/** Migrations whose only change is the apiVersion: the kind's fields are the same in both versions. */
export function rename(from: readonly string[], kinds: readonly string[], to: string, check?: (root: YAMLMap) => void): Migration {
  return {
    from,
    kinds,
    to,
    migrate({ editor, root, apiVersion }) {
      check?.(root);
      editor.setScalar(apiVersion, to);
    },
  };
}
