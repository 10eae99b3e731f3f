// Collects how long each class of hostile input took and prints the table after a suite: timings are reported,
// never asserted, so a slow CI machine cannot make a test flake. And the one seed every property runs with.

/** Every fast-check property runs with this seed: a failure in CI reproduces on any machine. */
export const SEED = 20_240_610;
export class Timings {
  private readonly worst = new Map<string, { ms: number; cases: number }>();

  record(kind: string, ms: number): void {
    const entry = this.worst.get(kind) ?? { ms: 0, cases: 0 };
    entry.ms = Math.max(entry.ms, ms);
    entry.cases++;
    this.worst.set(kind, entry);
  }

  print(title: string): void {
    const width = Math.max(...[...this.worst.keys()].map((k) => k.length), 10);
    const rows = [...this.worst].map(([kind, e]) => `      ${kind.padEnd(width)}  ${String(e.cases).padStart(5)} cases  worst ${e.ms.toFixed(0).padStart(6)} ms`);
    console.log(`    ${title}:\n${rows.join('\n')}`);
  }
}

/** Runs fn and returns its result with the milliseconds it took. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}
