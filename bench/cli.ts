/**
 * `cli.scan200Files`: `node bin/budgetlys.mjs scan --json` over 200 generated workbooks (each one
 * sheet in the department's style with 80–200 units, written with ExcelJS into a temp folder),
 * wall time of the whole process from spawn to exit, median of a few runs.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sheetValues } from "./sheet";
import { median, round } from "./stats";
import { ROOT } from "./bundle";

const FILES = 200;
export const RUNS = 5;

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

/** Runs the command line once; resolves with wall milliseconds, stdout size and exit code. */
function runScan(files: readonly string[]): Promise<{ ms: number; stdout: string; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, "bin/budgetlys.mjs"), "scan", "--json", ...files], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ ms: performance.now() - start, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), code }),
    );
  });
}

export interface CliResult {
  scan200Files: number;
  units: number;
}

export async function benchCli(log: (line: string) => void): Promise<CliResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "budgetlys-bench-"));
  try {
    const files = await writeWorkbooks(dir);
    const expectedUnits = files.reduce((n, _f, i) => n + 80 + ((i * 37) % 121), 0);
    const times: number[] = [];
    let units = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = await runScan(files);
      if (result.code !== 0 && result.code !== 1) {
        throw new Error(`budgetlys scan sluttede med ${result.code}: ${result.stderr.slice(0, 400)}`);
      }
      units = countUnits(result.stdout);
      if (units !== expectedUnits) throw new Error(`budgetlys scan --json gav ${units} enheder, ventede ${expectedUnits}`);
      times.push(result.ms);
    }
    const scan200Files = round(median(times));
    log(`cli: scan of ${FILES} files (${units} units): ${scan200Files} ms (median of ${RUNS}: ${times.map((t) => round(t)).join(", ")})`);
    return { scan200Files, units };
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
