// The cross-file findings of files checked again and again as they are edited (the open documents of an editor).
// A finding depends on its own object (facts, spans, suppressions) and on the facts of the rest of the workspace,
// never on where other objects sit. So while no fingerprint in the index changes (its factsVersion), nor the rule
// config, a chunk whose text is unchanged keeps its findings, moved to where the chunk now starts, and the rules run
// only on the objects of the chunks an edit touched.
import type { ActiveRule } from '../config';
import type { Finding, LintConfig } from '../types';
import { activeWorkspaceRules, atOffset, byPosition, checkChunkObjects } from './check';
import type { WorkspaceLintOptions } from './check';
import type { WorkspaceIndex } from './workspace-index';

interface CheckedChunk {
  /** The chunk's identity in the index when it was checked. */
  identity: object;
  /** Its findings, with offsets into the chunk. */
  findings: Finding[];
}

/** What every cached finding was computed under; when any part differs, none of them holds. */
interface Basis {
  factsVersion: number;
  config: string;
  choices?: WorkspaceLintOptions['rules'];
  keepSuppressed?: boolean;
  rules: ActiveRule[];
}

export class CrossFileFindings {
  private basis?: Basis;
  private readonly checked = new Map<string, CheckedChunk[]>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** The same findings as `lintWorkspace(index, config, [file], options)`, from the chunks it can keep. */
  of(file: string, config: LintConfig = {}, options: WorkspaceLintOptions = {}): Finding[] {
    const basis = this.currentBasis(config, options);
    const chunks = this.index.chunksOf(file);
    const before = this.checked.get(file);
    // Chunks are matched by place: as many as before (else the file's facts changed, and so did factsVersion).
    const kept = before?.length === chunks.length ? before : undefined;
    const now = chunks.map((chunk, i): CheckedChunk => {
      const previous = kept?.[i];
      if (previous?.identity === chunk.identity) return previous;
      return { identity: chunk.identity, findings: checkChunkObjects(chunk, this.index, basis.rules, options) };
    });
    this.checked.set(file, now);
    return now.flatMap((c, i) => (c.findings.length > 0 ? atOffset(c.findings, chunks[i].offset) : [])).sort(byPosition);
  }

  /** Drops what is kept for a file (closed, deleted): the next check of it starts afresh. */
  forget(file: string): void {
    this.checked.delete(file);
  }

  private currentBasis(config: LintConfig, options: WorkspaceLintOptions): Basis {
    const configKey = JSON.stringify(config);
    const basis = this.basis;
    if (basis && basis.factsVersion === this.index.factsVersion && basis.config === configKey && basis.choices === options.rules && basis.keepSuppressed === options.keepSuppressed) return basis;
    this.checked.clear();
    this.basis = {
      factsVersion: this.index.factsVersion,
      config: configKey,
      choices: options.rules,
      keepSuppressed: options.keepSuppressed,
      rules: activeWorkspaceRules(config, options.rules),
    };
    return this.basis;
  }
}
