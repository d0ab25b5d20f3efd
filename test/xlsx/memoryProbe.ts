/**
 * Run as a child process by sparse.test.ts: reads one .xlsx (path in argv) through
 * readXlsxGrids → scanWorkbook and prints its memory as JSON: the heap at its highest sample
 * (sampled between the reader's asynchronous steps and after each stage, with the results
 * still held) and the process's peak resident memory.
 */
import { readFileSync } from "node:fs";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { readXlsxGrids } from "../../src/xlsx/read";

const path = process.argv[2] as string;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const base = process.memoryUsage().heapUsed;
let peak = base;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 1);
const grids = await readXlsxGrids(new Uint8Array(readFileSync(path)));
sample();
const scan = scanWorkbook(grids, { policy: DEFAULT_POLICY });
sample();
clearInterval(timer);
process.stdout.write(
  JSON.stringify({
    heapPeak: peak - base,
    maxRssKb: process.resourceUsage().maxRSS,
    units: scan.units.map((u) => [u.row, u.assessment?.indicator ?? u.error]),
  }) + "\n",
);
