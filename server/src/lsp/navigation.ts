// Go to definition and find references across the workspace's files: the engine finds the objects, this turns the
// document's position into an offset and each target's offsets into a Location in its own file's text.
import type { DefinitionParams, Location, ReferenceParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionAt, LineIndex, referencesAt } from '../engine';
import type { Navigation, NavigationTarget, WorkspaceIndex } from '../engine';
import type { SettingsStore } from './configuration';
import type { WorkspaceFiles } from './workspaceIndex';
import { chunksOf } from './documentPositions';

export class NavigationProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly workspace: WorkspaceFiles,
  ) {}

  definition(params: DefinitionParams): Promise<Location[]> {
    return this.navigate(params, (index, key, offset) => definitionAt(index, key, offset));
  }

  /** References; with `includeDeclaration`, the name or labels under the cursor come first. */
  references(params: ReferenceParams): Promise<Location[]> {
    return this.navigate(params, (index, key, offset) => {
      const found = referencesAt(index, key, offset);
      if (!found || !params.context.includeDeclaration) return found;
      return { ...found, targets: [{ file: key, span: found.origin }, ...found.targets] };
    });
  }

  private async navigate(
    params: DefinitionParams,
    find: (index: WorkspaceIndex, key: string, offset: number) => Navigation | undefined,
  ): Promise<Location[]> {
    const uri = params.textDocument.uri;
    if (!this.documents.get(uri) || !(await this.settings.forDocument(uri)).enable) return [];
    // After the settings arrived: the editor's text now, which the index takes before it is asked.
    const document = this.documents.get(uri);
    if (!document) return [];
    const key = this.workspace.track(uri, chunksOf(document));
    if (key === undefined) return []; // outside the workspace folders nothing else is known
    const index = this.workspace.objects;
    const targets = find(index, key, document.offsetAt(params.position))?.targets ?? [];
    return this.locations(index, targets);
  }

  /** Each target's offsets as a range in the text the index holds for its file, which is what they point into. */
  private locations(index: WorkspaceIndex, targets: readonly NavigationTarget[]): Location[] {
    const lines = new Map<string, LineIndex>();
    return targets.flatMap(({ file, span }) => {
      const text = index.fileText(file);
      if (text === undefined) return [];
      const lineIndex = lines.get(file) ?? new LineIndex(text);
      lines.set(file, lineIndex);
      return [{ uri: this.workspace.uriOf(file), range: { start: lineIndex.positionAt(span[0]), end: lineIndex.positionAt(span[1]) } }];
    });
  }
}
