// Offsets → line/column, computed once per text. Columns are UTF-16 code units, as in LSP and in JS strings.
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

/**
 * The last index in [0, count) whose key is at or before `value`, the keys ascending; -1 when none is. Line starts,
 * chunk offsets and the lines chunks start on are all looked up this way.
 */
export function lastAtOrBefore(count: number, keyAt: (index: number) => number, value: number): number {
  let low = -1;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyAt(mid) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.lineStarts.length, (i) => this.lineStarts[i], clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)];
    return Math.min(start + position.character, this.text.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
