// Where a file's probes are and what their timeline is: for each container that writes probes, the ranges of its
// probes and its timeline, for the hover and the CodeLens. Reads only what the rules read (no templates, no broken YAML).
import type { Document } from 'yaml';
import { splitChunks, parseChunkText } from '../parse';
import { judgedDocuments } from './object';
import { readWorkload } from './workload';
import { containersWithProbes, containerTimings, writtenProbes } from './probe-fields';
import { probeTimeline } from './probe-timeline';
import type { ProbeTimeline } from './probe-timeline';
import type { ProbeKey } from './probes';

export interface ProbeRange {
  key: ProbeKey;
  /** From the probe's key to the end of its value, as file offsets. */
  start: number;
  end: number;
  /** The end of the key alone. */
  keyEnd: number;
}

export interface ContainerProbeInsight {
  container: string;
  /** The container's probes in the order they are written. */
  probes: ProbeRange[];
  timeline: ProbeTimeline;
}

/**
 * Every container in the file that writes probes, in file order. An open document hands over its kept chunks and its
 * linter's parses of them, so the CodeLens asked for after each edit parses nothing.
 */
export function probeInsights(
  source: string | ReadonlyArray<{ offset: number; text: string }>,
  parsed?: (chunkText: string) => Document.Parsed[] | undefined,
): ContainerProbeInsight[] {
  const chunks = typeof source === 'string' ? splitChunks(source) : source;
  return chunks.flatMap((chunk) => chunkInsights(chunk, parsed?.(chunk.text)));
}

/** The containers of one `---` chunk that write probes, with file offsets. */
function chunkInsights(chunk: { offset: number; text: string }, parsed?: Document.Parsed[]): ContainerProbeInsight[] {
  const insights: ContainerProbeInsight[] = [];
  const documents = parsed ?? parseChunkText(chunk.text);
  for (const document of judgedDocuments(chunk.text, documents)) {
    if (document.errors.length > 0) continue;
    const workload = readWorkload(document);
    if (!workload) continue;
    for (const container of containersWithProbes(workload)) {
      const probes = writtenProbes(container).map(({ key, pair, map }): ProbeRange => {
        const keyRange = (pair.key as { range?: [number, number, number] }).range ?? [0, 0, 0];
        const end = Math.max(keyRange[1], map.range?.[1] ?? 0);
        return { key, start: chunk.offset + keyRange[0], keyEnd: chunk.offset + keyRange[1], end: chunk.offset + end };
      });
      probes.sort((a, b) => a.start - b.start);
      insights.push({ container: container.name, probes, timeline: probeTimeline(containerTimings(container)) });
    }
  }
  return insights;
}

/**
 * The container whose probe holds `offset` (on its key or anywhere in its value), if any. An open document hands over
 * its kept chunks and its linter's parses of them, so a hover splits and parses nothing.
 */
export function probeInsightAt(
  text: string,
  offset: number,
  chunks: ReadonlyArray<{ offset: number; text: string }> = splitChunks(text),
  parsed?: (chunkText: string) => Document.Parsed[] | undefined,
): { insight: ContainerProbeInsight; probe: ProbeRange } | undefined {
  // Only the chunks that hold the offset (two when it sits on a boundary): a hover in a 70k-line file must not
  // parse every document of it (650 ms there, against a frame of 16 ms).
  const holding = chunks.filter((c) => c.offset <= offset && offset <= c.offset + c.text.length);
  for (const insight of holding.flatMap((chunk) => chunkInsights(chunk, parsed?.(chunk.text)))) {
    const probe = insight.probes.find((p) => p.start <= offset && offset <= p.end);
    if (probe) return { insight, probe };
  }
  return undefined;
}
