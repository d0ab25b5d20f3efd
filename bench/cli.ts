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
 * Every child also reports its CPU time (user + system, `process.resourceUsage()` through the
 * preload bench/cpuTime.mjs): `cli.scan200FilesCpuMs` and `cli.bareExceljs200FilesCpuMs` (and the
 * one-file pair), medians of the same runs. CPU time swings much less with the machine's load than
 * wall time; the load average at the start and end of the section goes to `meta.details.cli`.
 * The compiled command line is built first (scripts/build-cli.mjs), so the figures are this tree's.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { sheetValues } from "./sheet";
import { interleave, median, round } from "./stats";
import { ROOT } from "./bundle";

const FILES = 200;
export const RUNS = 5;
export const ONE_FILE_RUNS = 15;
const SMALL_WORKBOOK = path.join(ROOT, "assets/eksempel-budget.xlsx");
const BARE = path.join(ROOT, "bench/bareExceljs.mjs");
const CPU_TIME = path.join(ROOT, "bench/cpuTime.mjs");

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

/** One child process: wall milliseconds (spawn to exit), its own CPU milliseconds, output and exit code. */
interface ChildRun {
  readonly ms: number;
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

let cpuFiles = 0;

/** Runs `node script ...args` once, with bench/cpuTime.mjs preloaded to report the child's CPU time. */
async function runNode(script: string, args: readonly string[], dir: string): Promise<ChildRun> {
  const cpuFile = path.join(dir, `cpu-${process.pid}-${cpuFiles++}.json`);
  const run = await new Promise<Omit<ChildRun, "cpuMs">>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", pathToFileURL(CPU_TIME).href, script, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, BUDGETLYS_BENCH_CPU_FILE: cpuFile },
    });
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ ms: performance.now() - start, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), code }),
    );
  });
  const usage = JSON.parse(await readFile(cpuFile, "utf8")) as { userMicros: number; systemMicros: number };
  await rm(cpuFile, { force: true });
  return { ...run, cpuMs: (usage.userMicros + usage.systemMicros) / 1000 };
}

const CLI = path.join(ROOT, "bin/budgetlys.mjs");

/** Wall and CPU times of the runs of one subject. */
interface Times {
  readonly wall: number[];
  readonly cpu: number[];
}

const times = (): Times => ({ wall: [], cpu: [] });

/** One timed run of `budgetlys scan`; throws unless it exits 0 or 1 and returns output `check` accepts. */
async function timedScan(into: Times, dir: string, args: readonly string[], check: (stdout: string) => void): Promise<number> {
  const result = await runNode(CLI, ["scan", ...args], dir);
  if (result.code !== 0 && result.code !== 1) throw new Error(`budgetlys scan sluttede med ${result.code}: ${result.stderr.slice(0, 400)}`);
  check(result.stdout);
  into.wall.push(result.ms);
  into.cpu.push(result.cpuMs);
  return result.ms;
}

/** One timed run of the bare ExcelJS script; throws unless it read one sheet per file. */
async function timedBare(into: Times, dir: string, files: readonly string[], sheets: number): Promise<number> {
  const result = await runNode(BARE, files, dir);
  if (result.code !== 0 || result.stdout.trim() !== String(sheets)) throw new Error(`bench/bareExceljs.mjs: exit ${result.code}, "${result.stdout.trim()}" ${result.stderr.slice(0, 400)}`);
  into.wall.push(result.ms);
  into.cpu.push(result.cpuMs);
  return result.ms;
}

export interface CliResult {
  coldScanOneFileMs: number;
  bareExceljsOneFileMs: number;
  scan200Files: number;
  bareExceljs200Files: number;
  /** CPU time (user + system) of the same runs' child processes, medians. */
  coldScanOneFileCpuMs: number;
  bareExceljsOneFileCpuMs: number;
  scan200FilesCpuMs: number;
  bareExceljs200FilesCpuMs: number;
  units: number;
  runsMs: Record<string, number[]>;
  /** The 1-, 5- and 15-minute load averages when the section started and ended. */
  loadAverage: { start: number[]; end: number[] };
}

const loadNow = (): number[] => loadavg().map((l) => round(l, 2));
/** Three decimals, as in the results table: 1.303 must not print as the 1.3 target. */
const ratio = (a: number, b: number): number => round(a / b, 3);

export async function benchCli(log: (line: string) => void): Promise<CliResult> {
  const loadStart = loadNow();
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT, stdio: "ignore" });
  const dir = await mkdtemp(path.join(tmpdir(), "budgetlys-bench-"));
  try {
    // One small workbook, a new process each time.
    const smallSheets = (await new ExcelJS.Workbook().xlsx.readFile(SMALL_WORKBOOK)).worksheets.length;
    const smallCheck = (stdout: string): void => {
      if (!stdout.includes("enheder:")) throw new Error(`budgetlys scan ${SMALL_WORKBOOK} fandt ingen enheder`);
    };
    await timedScan(times(), dir, [SMALL_WORKBOOK], smallCheck);
    await timedBare(times(), dir, [SMALL_WORKBOOK], smallSheets);
    const oneCli = times(), oneBare = times();
    await interleave(ONE_FILE_RUNS, {
      cli: () => timedScan(oneCli, dir, [SMALL_WORKBOOK], smallCheck),
      bare: () => timedBare(oneBare, dir, [SMALL_WORKBOOK], smallSheets),
    });
    const coldScanOneFileMs = round(median(oneCli.wall));
    const bareExceljsOneFileMs = round(median(oneBare.wall));
    const coldScanOneFileCpuMs = round(median(oneCli.cpu));
    const bareExceljsOneFileCpuMs = round(median(oneBare.cpu));
    log(
      `cli: scan of one small workbook ${coldScanOneFileMs} ms, bare ExcelJS ${bareExceljsOneFileMs} ms (medians of ${ONE_FILE_RUNS}) → ${ratio(coldScanOneFileMs, bareExceljsOneFileMs)}×; ` +
        `CPU ${coldScanOneFileCpuMs} ms against ${bareExceljsOneFileCpuMs} ms → ${ratio(coldScanOneFileCpuMs, bareExceljsOneFileCpuMs)}×`,
    );

    const files = await writeWorkbooks(await mkdtemp(path.join(dir, "xlsx-")));
    const expectedUnits = files.reduce((n, _f, i) => n + 80 + ((i * 37) % 121), 0);
    let units = 0;
    const manyCli = times(), manyBare = times();
    await interleave(RUNS, {
      cli: () =>
        timedScan(manyCli, dir, ["--json", ...files], (stdout) => {
          units = countUnits(stdout);
          if (units !== expectedUnits) throw new Error(`budgetlys scan --json gav ${units} enheder, ventede ${expectedUnits}`);
        }),
      bare: () => timedBare(manyBare, dir, files, files.length),
    });
    const scan200Files = round(median(manyCli.wall));
    const bareExceljs200Files = round(median(manyBare.wall));
    const scan200FilesCpuMs = round(median(manyCli.cpu));
    const bareExceljs200FilesCpuMs = round(median(manyBare.cpu));
    const loadEnd = loadNow();
    log(
      `cli: scan of ${FILES} files (${units} units): ${scan200Files} ms, bare ExcelJS ${bareExceljs200Files} ms (medians of ${RUNS}) → ${ratio(scan200Files, bareExceljs200Files)}×; ` +
        `CPU ${scan200FilesCpuMs} ms against ${bareExceljs200FilesCpuMs} ms → ${ratio(scan200FilesCpuMs, bareExceljs200FilesCpuMs)}× (load average ${loadStart[0]} → ${loadEnd[0]})`,
    );
    const rounded = (xs: readonly number[]): number[] => xs.map((t) => round(t));
    return {
      coldScanOneFileMs,
      bareExceljsOneFileMs,
      scan200Files,
      bareExceljs200Files,
      coldScanOneFileCpuMs,
      bareExceljsOneFileCpuMs,
      scan200FilesCpuMs,
      bareExceljs200FilesCpuMs,
      units,
      runsMs: {
        coldScanOneFile: rounded(oneCli.wall),
        bareExceljsOneFile: rounded(oneBare.wall),
        scan200Files: rounded(manyCli.wall),
        bareExceljs200Files: rounded(manyBare.wall),
        coldScanOneFileCpu: rounded(oneCli.cpu),
        bareExceljsOneFileCpu: rounded(oneBare.cpu),
        scan200FilesCpu: rounded(manyCli.cpu),
        bareExceljs200FilesCpu: rounded(manyBare.cpu),
      },
      loadAverage: { start: loadStart, end: loadEnd },
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
