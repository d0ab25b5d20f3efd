/**
 * `core.rows` and `core.barePass100000`: detection + assessment of a generated sheet
 * (`scanWorkbook`) against a bare loop that only touches every cell of the same grid.
 */
import type { SheetGrid } from "../src/core/grid";
import { scanWorkbook } from "../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../src/core/policy";
import { sheetGrid } from "./sheet";
import { interleave, median, round, timeSync } from "./stats";

export const ROW_COUNTS = [1000, 10000, 100000] as const;

/** How many timed rounds each size gets (after one warm-up). */
export const ROUNDS: Readonly<Record<number, number>> = { 1000: 31, 10000: 15, 100000: 11 };

/** The floor: visits every cell once and folds it into a checksum so nothing is optimised away. */
export function barePass(grid: SheetGrid): number {
  let sum = 0;
  for (const row of grid.values) {
    for (const cell of row) {
      if (typeof cell === "number") sum += cell;
      else if (typeof cell === "string") sum += cell.length;
      else if (cell !== null) sum += 1;
    }
  }
  return sum;
}

/** One scan; throws when the generated sheet was not read as expected (a broken bench, not a slow one). */
export function scanOnce(grid: SheetGrid, expectedUnits: number): void {
  const scan = scanWorkbook([grid], { policy: RANDERSMODELLEN_2_0 });
  const assessed = scan.units.filter((u) => u.assessment !== null).length;
  if (assessed !== expectedUnits) {
    throw new Error(`scan læste ${assessed} vurderede enheder, ventede ${expectedUnits}`);
  }
}

export interface CoreResult {
  rows: Record<string, number>;
  barePass100000: number;
}

export async function benchCore(log: (line: string) => void): Promise<CoreResult> {
  const rows: Record<string, number> = {};
  let bare = NaN;
  for (const n of ROW_COUNTS) {
    const grid = sheetGrid(n);
    scanOnce(grid, n); // warm-up (JIT), also checks the sheet is read as meant
    barePass(grid);
    let sink = 0;
    const times = await interleave(ROUNDS[n] ?? 5, {
      scan: () => timeSync(() => scanOnce(grid, n)),
      bare: () => timeSync(() => (sink += barePass(grid))),
    });
    rows[String(n)] = round(median(times.scan ?? []));
    if (n === 100000) bare = round(median(times.bare ?? []), 2);
    log(`core ${n} rows: scan ${rows[String(n)]} ms (median of ${times.scan?.length}), bare ${round(median(times.bare ?? []), 2)} ms [${sink > 0 ? "ok" : "?"}]`);
  }
  return { rows, barePass100000: bare };
}
