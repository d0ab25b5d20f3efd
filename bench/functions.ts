/**
 * `functions`: TRAFFICLIGHT over a 10.000-row range in one call against 10.000 single-cell calls,
 * both through the function `dist-bench/functions.js` registers, called with the argument shapes
 * Excel passes (a range as a column matrix; a single cell to an `any[][]` parameter as a 1×1 matrix).
 */
import path from "node:path";
import { loadFunctionsBundle, type Registered } from "../test/functions/loadBundle";
import { random } from "./sheet";
import { interleave, median, round, timeSync } from "./stats";

const ROWS = 10_000;
export const ROUNDS = 21;

export interface FunctionsResult {
  rangeCall10000: number;
  cellCalls10000: number;
}

export async function benchFunctions(outDir: string, log: (line: string) => void): Promise<FunctionsResult> {
  const fns = loadFunctionsBundle(path.join(outDir, "functions.js"));
  const trafficLight = fns.get("TRAFFICLIGHT") as Registered | undefined;
  if (!trafficLight) throw new Error("functions.js registrerer ikke TRAFFICLIGHT");
  const rnd = random(7);
  const budget: number[][] = [], spending: number[][] = [], carried: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const b = Math.round(500_000 + rnd() * 50_000_000);
    budget.push([b]);
    spending.push([Math.round(b * (0.9 + rnd() * 0.2) * 100) / 100]);
    carried.push([Math.round((rnd() - 0.6) * b * 0.05)]);
  }
  const cells = budget.map((row, i) => [[row], [spending[i] as number[]], [carried[i] as number[]]] as const);

  // The two must agree, or the comparison means nothing.
  const whole = trafficLight(budget, spending, carried) as unknown[][];
  const single = cells.map(([b, s, c]) => (trafficLight(b, s, c) as unknown[][])[0]?.[0]);
  const mismatch = single.findIndex((v, i) => v !== whole[i]?.[0]);
  if (whole.length !== ROWS || mismatch >= 0) throw new Error(`TRAFFICLIGHT: område og enkeltceller er uenige (række ${mismatch})`);

  let sink = 0;
  const times = await interleave(ROUNDS, {
    range: () => timeSync(() => (sink += (trafficLight(budget, spending, carried) as unknown[][]).length)),
    cells: () =>
      timeSync(() => {
        for (const [b, s, c] of cells) sink += (trafficLight(b, s, c) as unknown[][]).length;
      }),
  });
  const result = { rangeCall10000: round(median(times.range ?? []), 2), cellCalls10000: round(median(times.cells ?? []), 2) };
  log(`functions: range ${result.rangeCall10000} ms, cells ${result.cellCalls10000} ms (medians of ${ROUNDS}) [${sink}]`);
  return result;
}
