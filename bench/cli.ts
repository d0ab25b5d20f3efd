/**
 * The command line, measured against ExcelJS alone, in the same run:
 * - `cli.coldScanOneFileMs`: `node bin/budgetlys.mjs scan` of one small workbook
 *   (assets/eksempel-budget.xlsx), a new process each time, spawn to exit; against
 *   `cli.bareExceljsOneFileMs`: `node bench/bareExceljs.mjs` (imports ExcelJS, reads the same
 *   file). Interleaved, median of {@link ONE_FILE_RUNS}, after one warm-up of each.
 * - `cli.scan200Files`: `node bin/budgetlys.mjs scan --json` over 200 generated workbooks (each
 *   one sheet in the department's style with 80–200 units, written with ExcelJS into a temp
 *   folder); against `cli.bareExceljs200Files`: the bare script reading the same 200 files.
 *   Interleaved, median of {@link RUNS}.
 * The compiled command line is built first (scripts/build-cli.mjs), so the figures are this tree's.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sheetValues } from "./sheet";
import { interleave, median, round } from "./stats";
import { ROOT } from "./bundle";

const FILES = 200;
export const RUNS = 5;
export const ONE_FILE_RUNS = 15;
const SMALL_WORKBOOK = path.join(ROOT, "assets/eksempel-budget.xlsx");
const BARE = path.join(ROOT, "bench/bareExceljs.mjs");

/** Writes the 200 workbooks; returns their paths. */
export async function writeWorkbooks(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Input");
    const units = 80 + ((i * 37) % 121);
    for (const row of sheetValues(units, i + 1)) sheet.addRow(row.map((v) => (v === null ? undefined : v)));
    sheet.mergeCells("A1:F1");
    const file = path.join(dir, `budgetopfoelgning-${String(i + 1).padStart(3, "0")}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

/** Runs `node script ...args` once; resolves with wall milliseconds (spawn to exit), output and exit code. */
function runNode(script: string, args: readonly string[]): Promise<{ ms: number; stdout: string; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ ms: performance.now() - start, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), code }),
    );
  });
}

const CLI = path.join(ROOT, "bin/budgetlys.mjs");

/** One timed run of `budgetlys scan`; throws unless it exits 0 or 1 and returns output `check` accepts. */
async function timedScan(args: readonly string[], check: (stdout: string) => void): Promise<number> {
  const result = await runNode(CLI, ["scan", ...args]);
  if (result.code !== 0 && result.code !== 1) throw new Error(`budgetlys scan sluttede med ${result.code}: ${result.stderr.slice(0, 400)}`);
  check(result.stdout);
  return result.ms;
}

/** One timed run of the bare ExcelJS script; throws unless it read one sheet per file. */
async function timedBare(files: readonly string[], sheets: number): Promise<number> {
  const result = await runNode(BARE, files);
  if (result.code !== 0 || result.stdout.trim() !== String(sheets)) throw new Error(`bench/bareExceljs.mjs: exit ${result.code}, "${result.stdout.trim()}" ${result.stderr.slice(0, 400)}`);
  return result.ms;
}

export interface CliResult {
  coldScanOneFileMs: number;
  bareExceljsOneFileMs: number;
  scan200Files: number;
  bareExceljs200Files: number;
  units: number;
  runsMs: Record<string, number[]>;
}

export async function benchCli(log: (line: string) => void): Promise<CliResult> {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT, stdio: "ignore" });

  // One small workbook, a new process each time.
  const smallSheets = (await new ExcelJS.Workbook().xlsx.readFile(SMALL_WORKBOOK)).worksheets.length;
  const smallCheck = (stdout: string): void => {
    if (!stdout.includes("enheder:")) throw new Error(`budgetlys scan ${SMALL_WORKBOOK} fandt ingen enheder`);
  };
  await timedScan([SMALL_WORKBOOK], smallCheck);
  await timedBare([SMALL_WORKBOOK], smallSheets);
  const one = await interleave(ONE_FILE_RUNS, {
    cli: () => timedScan([SMALL_WORKBOOK], smallCheck),
    bare: () => timedBare([SMALL_WORKBOOK], smallSheets),
  });
  const coldScanOneFileMs = round(median(one.cli as number[]));
  const bareExceljsOneFileMs = round(median(one.bare as number[]));
  log(`cli: scan of one small workbook ${coldScanOneFileMs} ms, bare ExcelJS ${bareExceljsOneFileMs} ms (medians of ${ONE_FILE_RUNS}) → ${round(coldScanOneFileMs / bareExceljsOneFileMs, 2)}×`);

  const dir = await mkdtemp(path.join(tmpdir(), "budgetlys-bench-"));
  try {
    const files = await writeWorkbooks(dir);
    const expectedUnits = files.reduce((n, _f, i) => n + 80 + ((i * 37) % 121), 0);
    let units = 0;
    const many = await interleave(RUNS, {
      cli: () =>
        timedScan(["--json", ...files], (stdout) => {
          units = countUnits(stdout);
          if (units !== expectedUnits) throw new Error(`budgetlys scan --json gav ${units} enheder, ventede ${expectedUnits}`);
        }),
      bare: () => timedBare(files, files.length),
    });
    const scan200Files = round(median(many.cli as number[]));
    const bareExceljs200Files = round(median(many.bare as number[]));
    log(`cli: scan of ${FILES} files (${units} units): ${scan200Files} ms, bare ExcelJS ${bareExceljs200Files} ms (medians of ${RUNS}) → ${round(scan200Files / bareExceljs200Files, 2)}×`);
    const rounded = (xs: number[] | undefined): number[] => (xs ?? []).map((t) => round(t));
    return {
      coldScanOneFileMs,
      bareExceljsOneFileMs,
      scan200Files,
      bareExceljs200Files,
      units,
      runsMs: { coldScanOneFile: rounded(one.cli), bareExceljsOneFile: rounded(one.bare), scan200Files: rounded(many.cli), bareExceljs200Files: rounded(many.bare) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Units in `scan --json` output, whatever its exact envelope (an array, or an object with `units`). */
function countUnits(stdout: string): number {
  const parsed: unknown = JSON.parse(stdout);
  if (Array.isArray(parsed)) return parsed.length;
  if (typeof parsed === "object" && parsed !== null) {
    const units = (parsed as { units?: unknown }).units;
    if (Array.isArray(units)) return units.length;
    const files = (parsed as { files?: unknown }).files;
    if (Array.isArray(files)) {
      return files.reduce((n: number, f: unknown) => n + (Array.isArray((f as { units?: unknown }).units) ? ((f as { units: unknown[] }).units.length) : 0), 0);
    }
  }
  throw new Error("budgetlys scan --json gav et uventet format");
}
