/**
 * Child-process entry: peak memory of scanning the generated 100.000-row sheet. Prints one JSON
 * line. The figure is the process's resident-set high-water mark (`process.resourceUsage().maxRSS`,
 * which the kernel keeps), so it is the true peak including Node itself and the grid; the
 * high-water mark just before the scan is printed too, so the scan's own share is visible.
 */
import { sheetGrid } from "./sheet";
import { scanOnce } from "./core";

const n = Number(process.argv[2] ?? 100000);
const grid = sheetGrid(n);
const beforeMB = process.resourceUsage().maxRSS / 1024;
const heapBeforeMB = process.memoryUsage().heapUsed / 1024 / 1024;
scanOnce(grid, n);
const peakMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ rows: n, peakMB, beforeScanMB: beforeMB, heapBeforeMB })}\n`);
