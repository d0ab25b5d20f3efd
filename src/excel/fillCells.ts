/**
 * `fillEmptyCells` of the Excel port: figures into input cells of existing sheets (the plans'
 * forecast/realised afdrag, "Skriv i planerne"), never over anything a cell holds at write time.
 * Sync 1 loads every sheet (or its null object) and every target cell's value; sync 2 writes the
 * blank ones. If sync 2 fails, a third sync blanks the cells it was writing (they were blank
 * before), so nothing is half-written. The count does not grow with the number of cells.
 */
import { isBlank } from "../core/cell";
import { WriteFailedError, type CellFill, type FillResult } from "../core/ports";
import { reasonFromError } from "./messages";
import { cellValue } from "./readSheets";
import type { ExcelRun } from "./ExcelWorkbookPort";

/** The Danish message of a failed fill. */
export function fillFailedMessage(error: unknown): string {
  return `Budgetlys kunne ikke skrive tallene i planerne. ${reasonFromError(error)} Ingen celle er ændret.`;
}

/** Writes `fills` into the cells that are blank now; see the module comment. */
export async function fillEmptyCells(run: ExcelRun, fills: readonly CellFill[]): Promise<FillResult> {
  if (fills.length === 0) return { written: [], kept: [], missingSheet: [] };
  try {
    return await run(async (context) => {
      const sheets = new Map<string, Excel.Worksheet>();
      for (const fill of fills) {
        if (sheets.has(fill.sheet)) continue;
        const sheet = context.workbook.worksheets.getItemOrNullObject(fill.sheet);
        sheet.load("name");
        sheets.set(fill.sheet, sheet);
      }
      const ranges = fills.map((fill) => {
        const range = (sheets.get(fill.sheet) as Excel.Worksheet).getRangeByIndexes(fill.row, fill.col, 1, 1);
        range.load("values,valueTypes");
        return range;
      });
      try {
        await context.sync();
      } catch {
        // A range of a missing sheet cannot load: load the sheets alone, then the ranges of those that exist.
        return await fillExisting(context, fills, sheets);
      }
      return await write(context, fills, ranges, sheets);
    });
  } catch (error) {
    if (error instanceof WriteFailedError) throw error;
    throw new WriteFailedError(fillFailedMessage(error), { cause: error });
  }
}

async function fillExisting(context: Excel.RequestContext, fills: readonly CellFill[], sheets: Map<string, Excel.Worksheet>): Promise<FillResult> {
  const fresh = new Map<string, Excel.Worksheet>();
  for (const name of sheets.keys()) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    fresh.set(name, sheet);
  }
  await context.sync();
  const present = fills.filter((f) => !(fresh.get(f.sheet) as Excel.Worksheet).isNullObject);
  const missing = fills.filter((f) => (fresh.get(f.sheet) as Excel.Worksheet).isNullObject);
  const ranges = present.map((fill) => {
    const range = (fresh.get(fill.sheet) as Excel.Worksheet).getRangeByIndexes(fill.row, fill.col, 1, 1);
    range.load("values,valueTypes");
    return range;
  });
  if (present.length > 0) await context.sync();
  const result = await write(context, present, ranges, fresh);
  return { ...result, missingSheet: [...result.missingSheet, ...missing] };
}

async function write(context: Excel.RequestContext, fills: readonly CellFill[], ranges: readonly Excel.Range[], sheets: Map<string, Excel.Worksheet>): Promise<FillResult> {
  const written: CellFill[] = [];
  const kept: { fill: CellFill; current: ReturnType<typeof cellValue> }[] = [];
  const missingSheet: CellFill[] = [];
  const targets: Excel.Range[] = [];
  fills.forEach((fill, i) => {
    if ((sheets.get(fill.sheet) as Excel.Worksheet).isNullObject) {
      missingSheet.push(fill);
      return;
    }
    const range = ranges[i] as Excel.Range;
    const current = cellValue(range.values[0]?.[0], range.valueTypes[0]?.[0]);
    if (!isBlank(current)) {
      kept.push({ fill, current });
      return;
    }
    range.values = [[fill.value]];
    targets.push(range);
    written.push(fill);
  });
  if (targets.length === 0) return { written, kept, missingSheet };
  try {
    await context.sync();
  } catch (error) {
    for (const range of targets) range.clear("Contents");
    try {
      await context.sync();
    } catch (undoError) {
      throw new WriteFailedError(
        `Budgetlys kunne ikke skrive tallene i planerne. ${reasonFromError(error)} Nogle af cellerne kan være skrevet: ${written.map((f) => `${f.sheet}`).filter((s, i, all) => all.indexOf(s) === i).map((s) => `«${s}»`).join(", ")} — se efter.`,
        { cause: undoError, workbookUnchanged: false },
      );
    }
    throw new WriteFailedError(fillFailedMessage(error), { cause: error });
  }
  return { written, kept, missingSheet };
}
