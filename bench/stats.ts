/** Small measuring helpers shared by the benchmarks. */

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds one synchronous call takes. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Milliseconds one asynchronous call takes. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs the named measurements `rounds` times, interleaved (a, b, c, a, b, c …; the order rotates
 * each round so none always runs first), and returns each one's times.
 */
export async function interleave(
  rounds: number,
  subjects: Readonly<Record<string, () => number | Promise<number>>>,
): Promise<Record<string, number[]>> {
  const names = Object.keys(subjects);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] as string;
      const subject = subjects[name] as () => number | Promise<number>;
      (times[name] as number[]).push(await subject());
    }
  }
  return times;
}

/** Rounds to `digits` decimals (for the results file: no false precision). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
