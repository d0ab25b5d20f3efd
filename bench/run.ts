/**
 * `npm run bench`: measures every figure of issue 8 in one run, prints a table (figure, value,
 * target, pass/miss) and writes `bench/results.json`. See docs/benchmarks.md.
 *
 * Flags: `--only=core,syncs,functions,bundle,startup,cli,pane` runs a subset and only prints (the
 * results file is written by full runs only); `--no-write` never writes.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildForBench, gzipSize, ROOT, measureBundle, type BenchBuild, type BundleResult } from "./bundle";
import { benchCore, ROUNDS as CORE_ROUNDS, ROW_COUNTS } from "./core";
import { benchFunctions, ROUNDS as FUNCTION_ROUNDS } from "./functions";
import { benchStartup, RUNS as STARTUP_RUNS } from "./startup";
import { benchCli, ONE_FILE_RUNS as CLI_ONE_FILE_RUNS, RUNS as CLI_RUNS } from "./cli";
import { round } from "./stats";
import { FILTER_ROUNDS as PANE_FILTER_ROUNDS, SEARCH_ROUNDS as PANE_SEARCH_ROUNDS } from "./pane";

type Num = number | null;
type BySize = Record<string, Num>;

/** The results file: exactly the issue's keys, plus `meta`. */
export interface Results {
  core: { rows: BySize; barePass100000: Num; peakMemoryMB100000: Num };
  syncs: { scan: BySize; allPlans: BySize; indicatorColumns: BySize };
  bytes: { allPlans: BySize };
  sheets: { allPlans: BySize };
  functions: { rangeCall10000: Num; cellCalls10000: Num };
  bundle: { functionsJsGzip: Num; taskpaneInitialJsGzip: Num; referenceInitialJsGzip: Num };
  startup: { taskpaneMedianMs: Num; referenceMedianMs: Num };
  cli: {
    coldScanOneFileMs: Num;
    bareExceljsOneFileMs: Num;
    scan200Files: Num;
    bareExceljs200Files: Num;
    /** CPU time (user + system) of the same child processes: it swings less with the machine's load. */
    coldScanOneFileCpuMs: Num;
    bareExceljsOneFileCpuMs: Num;
    scan200FilesCpuMs: Num;
    bareExceljs200FilesCpuMs: Num;
  };
  /** Issue 15: the task pane in the browser preview (bench/pane.ts). */
  pane: { searchKeystrokeMs300: Num; colourFilterMs300: Num; previewAllPlans60Ms: Num };
  meta: {
    date: string;
    machine: string;
    node: string;
    /** The commit measured; "+ uncommitted changes" when the working tree differed. */
    commit: string;
    durationSeconds: number;
    runs: Record<string, string>;
    details: Record<string, unknown>;
    /** Why a figure is null, by section. */
    notes: Record<string, string>;
  };
}

const SECTIONS = ["core", "syncs", "functions", "bundle", "startup", "cli", "pane"] as const;
type Section = (typeof SECTIONS)[number];

function emptyResults(): Results {
  const sizes = (keys: readonly string[]): BySize => Object.fromEntries(keys.map((k) => [k, null]));
  const units = ["10", "200", "2000"];
  return {
    core: { rows: sizes(["1000", "10000", "100000"]), barePass100000: null, peakMemoryMB100000: null },
    syncs: { scan: sizes(units), allPlans: sizes(units), indicatorColumns: sizes(units) },
    bytes: { allPlans: sizes(units) },
    sheets: { allPlans: sizes(units) },
    functions: { rangeCall10000: null, cellCalls10000: null },
    bundle: { functionsJsGzip: null, taskpaneInitialJsGzip: null, referenceInitialJsGzip: null },
    startup: { taskpaneMedianMs: null, referenceMedianMs: null },
    cli: {
      coldScanOneFileMs: null,
      bareExceljsOneFileMs: null,
      scan200Files: null,
      bareExceljs200Files: null,
      coldScanOneFileCpuMs: null,
      bareExceljsOneFileCpuMs: null,
      scan200FilesCpuMs: null,
      bareExceljs200FilesCpuMs: null,
    },
    pane: { searchKeystrokeMs300: null, colourFilterMs300: null, previewAllPlans60Ms: null },
    meta: {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
      node: process.version,
      commit: commitDescription(),
      durationSeconds: 0,
      runs: {
        core: `median of ${ROW_COUNTS.map((n) => CORE_ROUNDS[n]).join(" / ")} scans (${ROW_COUNTS.join(" / ")} rows), interleaved with the bare pass, after one warm-up`,
        peakMemory: "maxRSS (process.resourceUsage) of a child process that builds the 100.000-row grid and scans it",
        syncs: "exact counts (no repetition needed)",
        functions: `median of ${FUNCTION_ROUNDS}, range and cell calls interleaved, after one check run`,
        startup: `median of ${STARTUP_RUNS} each after one warm-up each, fresh browser context per run, alternating which page goes first`,
        pane: `headless Chromium, the preview's development build; search: median over ${PANE_SEARCH_ROUNDS} rounds of typing "Enhed 12" (per keystroke, until the list shows the matching units and a frame is drawn); colour filter: median over ${PANE_FILTER_ROUNDS} rounds of Rød, Gul, Grøn, all; Alle planer: one run, click to summary`,
        cli: `new process per run, spawn to exit; one file: median of ${CLI_ONE_FILE_RUNS} after one warm-up, 200 files: median of ${CLI_RUNS}; the command and the bare ExcelJS script interleaved`,
      },
      details: {},
      notes: {},
    },
  };
}

/** The commit the bench measures (the build and the sources are the working tree's). */
function commitDescription(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", "src", "bench", "webpack.config.js", "package.json"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

const log = (line: string) => process.stdout.write(`  ${line}\n`);

/** Peak memory of a 100.000-row scan, in a child process (its own heap and RSS). */
function peakMemory(): Promise<{ peakMB: number; beforeScanMB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/memory.ts"), "100000"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`memory child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as { peakMB: number; beforeScanMB: number });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function section(name: string, results: Results, fn: () => Promise<void>): Promise<void> {
  const start = performance.now();
  process.stdout.write(`• ${name}\n`);
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.meta.notes[name] = message.split("\n")[0]?.slice(0, 300) ?? message;
    log(`NOT MEASURED: ${message.split("\n").slice(0, 12).join("\n    ")}`);
  }
  log(`(${round((performance.now() - start) / 1000)} s)`);
}

// ---------------------------------------------------------------------------------------------
// The table

interface Row {
  figure: string;
  value: string;
  target: string;
  status: "pass" | "miss" | "info" | "n/a";
  note?: string | undefined;
}

const fmt = (v: Num, unit: string): string => (v === null ? "null" : `${v.toLocaleString("en-US")} ${unit}`.trim());
const status = (v: boolean | null): Row["status"] => (v === null ? "n/a" : v ? "pass" : "miss");
const both = (...xs: Num[]): boolean => xs.every((x) => x !== null);

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  const note = (key: string) => r.meta.notes[key];
  for (const n of ["1000", "10000"]) rows.push({ figure: `core.rows.${n}`, value: fmt(r.core.rows[n] ?? null, "ms"), target: "—", status: r.core.rows[n] === null ? "n/a" : "info", note: note("core") });
  const r100 = r.core.rows["100000"] ?? null;
  rows.push({ figure: "core.rows.100000", value: fmt(r100, "ms"), target: "< 1000 ms", status: status(r100 === null ? null : r100 < 1000), note: note("core") });
  rows.push({ figure: "core.barePass100000", value: fmt(r.core.barePass100000, "ms"), target: "(floor)", status: r.core.barePass100000 === null ? "n/a" : "info" });
  const ratio = both(r100, r.core.barePass100000) ? (r100 as number) / (r.core.barePass100000 as number) : null;
  rows.push({ figure: "core 100000 ÷ bare pass", value: ratio === null ? "null" : `${round(ratio)}×`, target: "≤ 5×", status: status(ratio === null ? null : ratio <= 5) });
  rows.push({ figure: "core.peakMemoryMB100000", value: fmt(r.core.peakMemoryMB100000, "MB"), target: "reported", status: r.core.peakMemoryMB100000 === null ? "n/a" : "info", note: note("memory") });
  for (const [size, v] of Object.entries(r.syncs.allPlans)) {
    const bytes = r.bytes.allPlans[size] ?? null;
    const sheets = r.sheets.allPlans[size] ?? null;
    const bound = bytes === null || sheets === null ? null : 3 + Math.ceil(bytes / (4 * 1024 * 1024)) + Math.ceil(sheets / 25);
    rows.push({ figure: `syncs.allPlans.${size}`, value: fmt(v, ""), target: `≤ 3 + ⌈bytes ÷ 4 MB⌉ + ⌈sheets ÷ 25⌉${bound === null ? "" : ` = ${bound}`}`, status: status(v === null || bound === null ? null : v <= bound), note: note("syncs") });
    rows.push({ figure: `bytes.allPlans.${size}`, value: fmt(bytes, "B"), target: "measured (src/excel/payload.ts)", status: bytes === null ? "n/a" : "info" });
    rows.push({ figure: `sheets.allPlans.${size}`, value: fmt(sheets, ""), target: "plans + Oversigt", status: sheets === null ? "n/a" : "info" });
  }
  const limits = { scan: 2, indicatorColumns: 2 } as const;
  for (const kind of ["scan", "indicatorColumns"] as const) {
    const values = Object.values(r.syncs[kind]);
    const known = values.filter((v): v is number => v !== null);
    const same = known.length === values.length ? new Set(known).size === 1 : null;
    for (const [size, v] of Object.entries(r.syncs[kind])) {
      rows.push({ figure: `syncs.${kind}.${size}`, value: fmt(v, ""), target: `≤ ${limits[kind]}, same at all sizes`, status: status(v === null ? null : v <= limits[kind] && same !== false), note: note("syncs") });
    }
  }
  const f = r.functions;
  rows.push({ figure: "functions.rangeCall10000", value: fmt(f.rangeCall10000, "ms"), target: "—", status: f.rangeCall10000 === null ? "n/a" : "info", note: note("functions") });
  rows.push({ figure: "functions.cellCalls10000", value: fmt(f.cellCalls10000, "ms"), target: "—", status: f.cellCalls10000 === null ? "n/a" : "info" });
  const speedup = both(f.rangeCall10000, f.cellCalls10000) ? (f.cellCalls10000 as number) / (f.rangeCall10000 as number) : null;
  rows.push({ figure: "cells ÷ range", value: speedup === null ? "null" : `${round(speedup)}×`, target: "≥ 10×", status: status(speedup === null ? null : speedup >= 10) });
  const b = r.bundle;
  rows.push({ figure: "bundle.functionsJsGzip", value: fmt(b.functionsJsGzip, "B"), target: "≤ 15,000 B", status: status(b.functionsJsGzip === null ? null : b.functionsJsGzip <= 15_000), note: note("bundle") });
  rows.push({ figure: "bundle.taskpaneInitialJsGzip", value: fmt(b.taskpaneInitialJsGzip, "B"), target: "< 165,188 B", status: status(b.taskpaneInitialJsGzip === null ? null : b.taskpaneInitialJsGzip < 165_188) });
  rows.push({ figure: "bundle.referenceInitialJsGzip", value: fmt(b.referenceInitialJsGzip, "B"), target: "(yardstick)", status: b.referenceInitialJsGzip === null ? "n/a" : "info" });
  const sizeRatio = both(b.taskpaneInitialJsGzip, b.referenceInitialJsGzip) ? (b.taskpaneInitialJsGzip as number) / (b.referenceInitialJsGzip as number) : null;
  rows.push({ figure: "task pane ÷ reference (gzip)", value: sizeRatio === null ? "null" : `${round(sizeRatio, 2)}×`, target: "≤ 1.5×", status: status(sizeRatio === null ? null : sizeRatio <= 1.5) });
  const s = r.startup;
  rows.push({ figure: "startup.taskpaneMedianMs", value: fmt(s.taskpaneMedianMs, "ms"), target: "—", status: s.taskpaneMedianMs === null ? "n/a" : "info", note: note("startup") });
  rows.push({ figure: "startup.referenceMedianMs", value: fmt(s.referenceMedianMs, "ms"), target: "(yardstick)", status: s.referenceMedianMs === null ? "n/a" : "info" });
  const startRatio = both(s.taskpaneMedianMs, s.referenceMedianMs) ? (s.taskpaneMedianMs as number) / (s.referenceMedianMs as number) : null;
  rows.push({ figure: "task pane ÷ reference (startup)", value: startRatio === null ? "null" : `${round(startRatio, 2)}×`, target: "≤ 1.3×", status: status(startRatio === null ? null : startRatio <= 1.3) });
  const c = r.cli;
  rows.push({ figure: "cli.coldScanOneFileMs", value: fmt(c.coldScanOneFileMs, "ms"), target: "—", status: c.coldScanOneFileMs === null ? "n/a" : "info", note: note("cli") });
  rows.push({ figure: "cli.bareExceljsOneFileMs", value: fmt(c.bareExceljsOneFileMs, "ms"), target: "(floor)", status: c.bareExceljsOneFileMs === null ? "n/a" : "info" });
  const cliRatio = (figure: string, a: Num, b: Num, target: number): void => {
    const v = both(a, b) ? (a as number) / (b as number) : null;
    // Three decimals: a ratio just above its target (1.303) must not print as the target (1.3).
    rows.push({ figure, value: v === null ? "null" : `${round(v, 3)}×`, target: `≤ ${target}×`, status: status(v === null ? null : v <= target) });
  };
  cliRatio("cold scan ÷ bare ExcelJS (1 file)", c.coldScanOneFileMs, c.bareExceljsOneFileMs, 1.5);
  rows.push({ figure: "cli.coldScanOneFileCpuMs", value: fmt(c.coldScanOneFileCpuMs, "ms"), target: "— (CPU)", status: c.coldScanOneFileCpuMs === null ? "n/a" : "info" });
  rows.push({ figure: "cli.bareExceljsOneFileCpuMs", value: fmt(c.bareExceljsOneFileCpuMs, "ms"), target: "(floor, CPU)", status: c.bareExceljsOneFileCpuMs === null ? "n/a" : "info" });
  cliRatio("cold scan ÷ bare ExcelJS (1 file, CPU)", c.coldScanOneFileCpuMs, c.bareExceljsOneFileCpuMs, 1.5);
  rows.push({ figure: "cli.scan200Files", value: fmt(c.scan200Files, "ms"), target: "—", status: c.scan200Files === null ? "n/a" : "info" });
  rows.push({ figure: "cli.bareExceljs200Files", value: fmt(c.bareExceljs200Files, "ms"), target: "(floor)", status: c.bareExceljs200Files === null ? "n/a" : "info" });
  cliRatio("scan ÷ bare ExcelJS (200 files)", c.scan200Files, c.bareExceljs200Files, 1.3);
  rows.push({ figure: "cli.scan200FilesCpuMs", value: fmt(c.scan200FilesCpuMs, "ms"), target: "— (CPU)", status: c.scan200FilesCpuMs === null ? "n/a" : "info" });
  rows.push({ figure: "cli.bareExceljs200FilesCpuMs", value: fmt(c.bareExceljs200FilesCpuMs, "ms"), target: "(floor, CPU)", status: c.bareExceljs200FilesCpuMs === null ? "n/a" : "info" });
  cliRatio("scan ÷ bare ExcelJS (200 files, CPU)", c.scan200FilesCpuMs, c.bareExceljs200FilesCpuMs, 1.3);
  const p = r.pane;
  rows.push({ figure: "pane.searchKeystrokeMs300", value: fmt(p.searchKeystrokeMs300, "ms"), target: "≤ 50 ms", status: status(p.searchKeystrokeMs300 === null ? null : p.searchKeystrokeMs300 <= 50), note: note("pane") });
  rows.push({ figure: "pane.colourFilterMs300", value: fmt(p.colourFilterMs300, "ms"), target: "≤ 100 ms", status: status(p.colourFilterMs300 === null ? null : p.colourFilterMs300 <= 100), note: note("pane") });
  rows.push({ figure: "pane.previewAllPlans60Ms", value: fmt(p.previewAllPlans60Ms, "ms"), target: "≤ 15,000 ms", status: status(p.previewAllPlans60Ms === null ? null : p.previewAllPlans60Ms <= 15_000), note: note("pane") });
  return rows;
}

/** The "Latest results" part of docs/benchmarks.md: everything after the marker is rewritten. */
export function writeDocsResults(r: Results): void {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const marker = "<!-- results: written by npm run bench -->";
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(marker);
  if (at < 0) return;
  const cell = (v: string) => v.replace(/\|/g, "\\|");
  const lines = [
    marker,
    "",
    `Run of ${r.meta.date.slice(0, 10)} on ${r.meta.machine}, Node ${r.meta.node}, commit ${r.meta.commit}, ${r.meta.durationSeconds} s.`,
    "",
    "| Figure | Value | Target | |",
    "|---|---|---|---|",
    ...tableRows(r).map((row) => `| \`${row.figure}\` | ${cell(row.value)} | ${cell(row.target)} | ${row.status === "pass" ? "pass" : row.status === "miss" ? "**miss**" : row.status === "n/a" ? "not measured" : ""} |`),
    "",
    ...Object.entries(r.meta.notes).map(([k, v]) => `- ${k}: ${v}`),
    "",
  ];
  writeFileSync(file, `${text.slice(0, at)}${lines.join("\n")}`);
}

export function printTable(r: Results): void {
  const rows = tableRows(r);
  const widths = [0, 0, 0].map((_, i) => Math.max(...rows.map((row) => [row.figure, row.value, row.target][i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`\n${line(["figure", "value", "target"])}  status\n`);
  for (const row of rows) {
    const mark = row.status === "pass" ? "PASS" : row.status === "miss" ? "MISS" : row.status === "n/a" ? "n/a " : "    ";
    const why = row.status === "n/a" && row.note ? `  (not measured: ${row.note})` : "";
    process.stdout.write(`${line([row.figure, row.value, row.target])}  ${mark}${why}\n`);
  }
  const notes = Object.entries(r.meta.notes);
  if (notes.length > 0) process.stdout.write(`\nNotes:\n${notes.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`);
}

// ---------------------------------------------------------------------------------------------

export async function main(argv: readonly string[]): Promise<void> {
  const onlyArg = argv.find((a) => a.startsWith("--only="));
  const only = onlyArg ? new Set(onlyArg.slice("--only=".length).split(",")) : null;
  const unknown = [...(only ?? [])].filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
  const wants = (s: Section) => only === null || only.has(s);
  const write = only === null && !argv.includes("--no-write");
  const start = performance.now();
  const results = emptyResults();
  let build: BenchBuild | null = null;

  if (wants("functions") || wants("bundle") || wants("startup")) {
    await section("build (webpack production + reference page → dist-bench/)", results, async () => {
      build = await buildForBench();
      log(`built in ${round(build.ms / 1000)} s`);
    });
  }
  const built = (): BenchBuild => {
    if (build === null) throw new Error("the production build failed (see above)");
    return build;
  };

  if (wants("core")) {
    await section("core", results, async () => {
      const core = await benchCore(log);
      results.core.rows = core.rows;
      results.core.barePass100000 = core.barePass100000;
    });
    await section("memory", results, async () => {
      const memory = await peakMemory();
      results.core.peakMemoryMB100000 = round(memory.peakMB);
      results.meta.details.memory = { ...memory, measure: "maxRSS of the whole child process (Node + grid + scan)" };
      log(`peak RSS ${round(memory.peakMB)} MB (${round(memory.beforeScanMB)} MB before the scan)`);
    });
  }
  if (wants("syncs")) {
    await section("syncs", results, async () => {
      const { benchSyncs } = await import("./syncs");
      const syncs = await benchSyncs(log);
      results.syncs = syncs.counts;
      results.bytes = syncs.bytes;
      results.sheets = syncs.sheets;
      results.meta.details.syncs = syncs.detail;
    });
  }
  if (wants("functions")) {
    await section("functions", results, async () => {
      Object.assign(results.functions, await benchFunctions(built().outDir, log));
    });
  }
  if (wants("bundle")) {
    await section("bundle", results, async () => {
      const bundle = measureBundle(built());
      results.bundle = { functionsJsGzip: bundle.functionsJsGzip, taskpaneInitialJsGzip: bundle.taskpaneInitialJsGzip, referenceInitialJsGzip: bundle.referenceInitialJsGzip };
      results.meta.details.bundle = bundle.detail;
      for (const [page, d] of Object.entries(bundle.detail)) {
        log(`${page}: counted ${JSON.stringify(d.counted)}; lazy (not counted) ${JSON.stringify(d.lazy)}`);
      }
    });
  }
  if (wants("startup")) {
    await section("startup", results, async () => {
      const startup = await benchStartup(built().outDir, log);
      results.startup = { taskpaneMedianMs: startup.taskpaneMedianMs, referenceMedianMs: startup.referenceMedianMs };
      results.meta.details.startup = { chromium: startup.chromium, scriptsAtRender: startup.scriptsAtRender, runsMs: startup.runsMs };
      // The bundle figure's check in the browser: a chunk fetched before the first render (an
      // `import()` the page awaits before rendering) is part of what the page loads before its
      // first render, so it is added to the page's figure and named in the notes.
      const bundle = results.meta.details.bundle as BundleResult["detail"] | undefined;
      const added: string[] = [];
      for (const [page, key] of [["taskpane", "taskpaneInitialJsGzip"], ["reference", "referenceInitialJsGzip"]] as const) {
        const detail = bundle?.[page];
        const figure = results.bundle[key];
        if (detail === undefined || figure === null) continue;
        for (const file of startup.scriptsAtRender[page] ?? []) {
          if (file === "office.js" || file in detail.counted) continue;
          const size = gzipSize(built().outDir, file);
          detail.counted[file] = size;
          delete detail.lazy[file];
          results.bundle[key] = (results.bundle[key] ?? 0) + size;
          added.push(`${page}: ${file} (${size} B)`);
        }
      }
      if (added.length > 0) {
        results.meta.notes.bundleBeforeRender = `loaded through import() but awaited before the first render, so counted: ${added.join(", ")}`;
        log(results.meta.notes.bundleBeforeRender);
      }
    });
  }
  if (wants("cli")) {
    await section("cli", results, async () => {
      const { runsMs, units, loadAverage, ...figures } = await benchCli(log);
      results.cli = figures;
      results.meta.details.cli = { units, runsMs, loadAverage };
    });
  }

  if (wants("pane")) {
    await section("pane", results, async () => {
      log("the task pane in the preview (Chromium): search and colour filter over 300 units, Alle planer with 60 plans");
      const { benchPane } = await import("./pane");
      const { detail, ...figures } = await benchPane(log);
      results.pane = figures;
      results.meta.details.pane = detail;
    });
  }

  results.meta.durationSeconds = round((performance.now() - start) / 1000);
  printTable(results);
  process.stdout.write(`\n${results.meta.machine}, Node ${results.meta.node}, ${results.meta.durationSeconds} s\n`);
  if (write) {
    const file = path.join(ROOT, "bench/results.json");
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    writeDocsResults(results);
    process.stdout.write(`wrote ${path.relative(ROOT, file)} and the results table of docs/benchmarks.md\n`);
  }
}
