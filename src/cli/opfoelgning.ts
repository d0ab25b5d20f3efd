/**
 * `budgetlys opfoelgning --planer PLANER.xlsx FIL.xlsx... [--json] [--out UD.xlsx] [--force]`:
 * follows every plan in a plans workbook (its plan record, Budgetlys_planer) with later
 * follow-up workbooks (forecast or regnskab), and prints each plan's status. `--out` writes a copy
 * of the plans workbook with the figures in the plans' input cells (never the input file): blank
 * cells and cells still holding what Budgetlys wrote there (`core/planFigures.ts`, the pane's rule).
 * Exit codes: 0 every plan Afventer/Overholdt/Afviklet/Afvikling dispenseret; 1 a plan I risiko or
 * Ikke overholdt, or a unit not found; 2 bad usage or unreadable files.
 */
import { readFile } from "node:fs/promises";
import { basename, extname, isAbsolute, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { FigureSource, FollowUpResult, FollowUpSheet } from "../core/followUp";
import { formatKroner } from "../core/format";
import { scanSheet } from "../core/layout/scan";
import { toKroner, type Ore } from "../core/money";
import type { SheetGrid } from "../core/grid";
import { figureWrites, followedFigures, recordsAfterWrites, typedCellReason, type FigureWrite } from "../core/planFigures";
import { mergedPlanRecordSheet, PLAN_RECORD_SHEET, planRecordGrid, type PlanRecord } from "../core/planRecord";
import { danishReason, reason } from "../core/reason";
import { followPlansWorkbook, followUpSheetsOf, recordedPlans, withoutPeriodReason } from "../core/plansWorkbook";
import { isPlanStatusBad } from "../core/planStatus";
import { DEFAULT_POLICY } from "../core/policy";
import { XlsxReadError } from "../xlsx/readErrors";
import { readXlsxFile } from "../xlsx/readFile";
import { rewriteSheetCells } from "../xlsx/write";
import { defineCommand } from "./command";
import { CliError, EXIT, UsageError, type CliIO } from "./io";
import { checkOutputPath, writeOutputFile } from "./outputFile";

const USAGE = `Brug: budgetlys opfoelgning --planer PLANER.xlsx FIL.xlsx... [--json] [--out UD.xlsx] [--force]

  --planer FIL   Projektmappen med planerne (skrevet af budgetlys plan; læses fra Budgetlys_planer).
  FIL.xlsx ...   Senere budgetopfølgninger og/eller regnskaber. Året og om tallene er en prognose
                 eller regnskab, læses af arkets titel ("Budgetopfølgning pr. 31. maj 2026",
                 "Regnskab 2026"). Pr. år vinder et regnskab over en prognose, og den seneste dato.
                 Planarkenes egne celler tæller også: realiseret før forventet, og inden for hver
                 art opfølgningsfilerne før planarkets celle (samme regel som opgaveruden).
  --json         Skriv resultatet som JSON.
  --out UD.xlsx  Skriv en kopi af planerne med tallene i planernes inputceller (aldrig PLANER.xlsx):
                 i tomme celler og i celler, hvor det tal, Budgetlys selv skrev, står uændret.
                 En celle, en person har skrevet i, ændres aldrig; den nævnes.
  --force        Overskriv UD.xlsx, hvis den findes.

Afdraget i år Y = gæld primo (arkets overført, plus = gæld) − max(0, samlet resultat inkl. overført).

Exitkoder: 0 alle planer Afventer, Overholdt, Afviklet eller Afvikling dispenseret; 1 en plan er
I risiko eller Ikke overholdt, eller dens enhed findes ikke; 2 forkert brug eller en fil der ikke
kunne læses.
`;

export const OPFOELGNING_OPTIONS = {
  planer: { type: "string", value: "en projektmappe med planer" },
  json: { type: "boolean" },
  out: { type: "string", value: "et filnavn" },
  force: { type: "boolean" },
} as const;

async function grids(path: string, shown: string) {
  try {
    return await readXlsxFile(path);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new CliError(`${shown}: ${error.message}`);
    throw error;
  }
}

const kroner = (amount: Ore | null): number | null => (amount === null ? null : toKroner(amount));

/**
 * A year's source as the issue's JSON has it: file, sheet, row, asOf, figures. A figure from the
 * plan sheet's own cell names the plans workbook, the plan sheet and the cell's row; it has no date
 * (asOf null).
 */
function sourceJson(source: FigureSource) {
  const { file, sheet, row, figures } = source;
  return { file, sheet, row, asOf: source.from === "followUp" ? source.asOf : null, figures };
}

/** The JSON of the issue: amounts in kr. */
export function followUpJson(result: FollowUpResult) {
  const unit = (r: PlanRecord) => ({ id: r.unitId, name: r.unitName });
  return {
    plans: result.plans.map((p) => ({
      unit: unit(p.record),
      planSheet: p.record.planSheet,
      debt: toKroner(p.record.debt),
      years: p.years.map((y) => ({
        year: y.year,
        planned: toKroner(y.planned),
        forecast: kroner(y.forecast),
        realised: kroner(y.realised),
        source: y.source === null ? null : sourceJson(y.source),
      })),
      status: p.status,
      reason: p.reason,
    })),
    unmatched: result.unmatched.map((u) => ({ planSheet: u.record.planSheet, unit: unit(u.record), reason: u.reason })),
  };
}

/** Where a year's figure came from, in the human output. */
function sourceText(s: FigureSource): string {
  if (s.from === "followUp") return `${s.figures === "regnskab" ? "regnskab" : "prognose"} ${s.asOf}, ${s.file} '${s.sheet}' række ${s.row}`;
  return `${s.figures === "regnskab" ? "realiseret" : "forventet"} i planarket, ${s.file} '${s.sheet}' celle ${s.cell}, ${s.byBudgetlys ? "skrevet af Budgetlys" : "indtastet"}`;
}

function human(result: FollowUpResult): string {
  const kr = (a: Ore | null) => (a === null ? "–" : formatKroner(a, { ore: "auto" }));
  const lines: string[] = [];
  for (const p of result.plans) {
    lines.push(`${p.record.unitName}${p.record.unitId ? ` (${p.record.unitId})` : ""} · ${p.record.planSheet}: ${p.status}`);
    for (const y of p.years) {
      const from = y.source === null ? "ingen tal" : sourceText(y.source);
      lines.push(`  ${y.year}: planlagt ${kr(y.planned)}, forventet ${kr(y.forecast)}, realiseret ${kr(y.realised)} (${from})`);
    }
    lines.push(`  ${p.reason}`);
  }
  for (const u of result.unmatched) lines.push(`${u.record.unitName} · ${u.record.planSheet}: ikke fulgt op — ${u.reason}`);
  const bad = result.plans.filter((p) => isPlanStatusBad(p.status));
  if (bad.length > 0) {
    lines.push("", "Frihedsgrader kan sættes ud af kraft:");
    for (const p of bad) lines.push(`  ${p.record.unitName}: ${p.status}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The plans workbook with the followed figures in the plans' input cells, by core's one rule
 * (`core/planFigures.ts`): a blank cell, or one still holding the figure Budgetlys recorded writing
 * there, takes the figure; the record (Budgetlys_planer) notes every figure written. A cell a person
 * typed in is never changed: `figureWrites` lists it, and the caller reports it.
 */
async function filledCopy(plansBytes: Uint8Array, planGrids: readonly SheetGrid[], writes: readonly FigureWrite[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(plansBytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  if (writes.length > 0) {
    for (const w of writes) {
      const ws = workbook.getWorksheet(w.sheet);
      if (ws === undefined) throw new CliError(`Arket «${w.sheet}» kunne ikke findes i kopien; intet er skrevet.`);
      ws.getCell(w.row + 1, w.col + 1).value = toKroner(w.amount);
    }
    const recordGrid = planRecordGrid(planGrids);
    const recordSheet = recordGrid === undefined ? undefined : workbook.getWorksheet(recordGrid.name);
    if (recordSheet === undefined) throw new CliError(`Planregistret (${PLAN_RECORD_SHEET}) kunne ikke findes i kopien; intet er skrevet.`);
    rewriteSheetCells(recordSheet, mergedPlanRecordSheet(recordGrid, recordsAfterWrites(writes)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

async function opfoelgning(values: { planer: string | undefined; json: boolean; out: string | undefined; force: boolean }, files: string[], io: CliIO): Promise<number> {
  if (values.planer === undefined) throw new UsageError("Angiv planerne: --planer PLANER.xlsx.");
  if (files.length === 0) throw new UsageError("Angiv mindst én opfølgningsfil (FIL.xlsx).");
  const pathOf = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const plansPath = pathOf(values.planer);
  let out: string | undefined;
  if (values.out !== undefined) {
    out = pathOf(values.out);
    if (resolve(out) === resolve(plansPath) || files.some((f) => resolve(pathOf(f)) === resolve(out as string))) {
      throw new UsageError("Udfilen må ikke være en af de filer, der læses: Budgetlys skriver altid en ny projektmappe.");
    }
    if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`Udfilen skal ende på .xlsx: ${values.out}`);
    // The same file under another name (link, "./x/../in.xlsx") or a missing folder: refused before any work.
    await checkOutputPath(out, [plansPath, ...files.map(pathOf)], values.out);
  }

  const planGrids = await grids(plansPath, values.planer);
  const recorded = recordedPlans(planGrids);
  if (!recorded.ok) throw new CliError(`${values.planer}: ${recorded.reason}`);

  const sheets: FollowUpSheet[] = [];
  const withoutPeriod: { file: string; sheet: string }[] = [];
  for (const file of files) {
    const shown = basename(file);
    const visible = (await grids(pathOf(file), file)).filter((g) => g.visibility !== "hidden" && g.visibility !== "veryHidden");
    const readings = visible.map((grid) => scanSheet(grid, { policy: DEFAULT_POLICY, file: shown }));
    // The one reading of a sheet's period (layout/period.ts), as the pane's: core's followUpSheetsOf.
    const followUps = followUpSheetsOf(shown, visible, readings);
    sheets.push(...followUps.sheets);
    withoutPeriod.push(...followUps.withoutPeriod.map((sheet) => ({ file: shown, sheet })));
  }
  const followed = followPlansWorkbook(planGrids, sheets, { planFile: basename(values.planer) });
  if (!followed.ok) throw new CliError(`${values.planer}: ${followed.reason}`);
  const result = followed.result;

  if (out !== undefined) {
    const figures = figureWrites(result.plans.map(followedFigures), planGrids);
    const bytes = await filledCopy(await readFile(plansPath), planGrids, figures.writes);
    await checkOutputPath(out, [plansPath, ...files.map(pathOf)], values.out as string);
    await writeOutputFile(out, bytes, { force: values.force, shown: values.out as string });
    // What was not written goes to stdout with the human output, to stderr beside --json (whose shape is fixed).
    const report = values.json ? io.stderr : io.stdout;
    if (!values.json) io.stdout.write(`Skrev ${values.out}: planerne med opfølgningens tal (${figures.writes.length} tal).\n`);
    for (const t of figures.typed) report.write(`  ${danishReason(typedCellReason(t))}\n`);
    for (const r of figures.sheetGone) report.write(`  ${danishReason(reason("plan-sheet-gone", { sheet: r.planSheet }))}\n`);
  }
  // Sheets that follow no plan for want of a period: the pane's notice, on stdout with the human output, on stderr beside --json.
  const noPeriod = withoutPeriodReason(withoutPeriod);
  if (noPeriod !== null) (values.json ? io.stderr : io.stdout).write(`${danishReason(noPeriod)}\n`);
  io.stdout.write(values.json ? `${JSON.stringify(followUpJson(result), null, 2)}\n` : human(result));
  // A unit not found in the files is exit 1 (the issue's contract), also when its plan sheet's own figures follow it.
  const notFound = result.plans.some((p) => p.notesWhy.some((w) => w.code === "follow-not-found"));
  const bad = result.unmatched.length > 0 || notFound || result.plans.some((p) => isPlanStatusBad(p.status));
  return bad ? EXIT.partial : EXIT.ok;
}

/** `budgetlys opfoelgning`. */
export const opfoelgningCommand = defineCommand({
  name: "opfoelgning",
  synopsis: `  opfoelgning --planer PLANER.xlsx FIL.xlsx... [--json] [--out UD.xlsx] [--force]
        Følg planerne op med senere budgetopfølgninger og regnskaber: status pr. plan.`,
  usage: USAGE,
  options: OPFOELGNING_OPTIONS,
  run: (args, io) => opfoelgning(args.values, args.positionals, io),
});
