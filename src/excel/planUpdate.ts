/**
 * `updatePlans` of the Excel port: cells of existing plan sheets and the plan record's rows,
 * written as one write — a dispensation decision (the plan sheet's dispensation cell and the
 * record's decision, by whom, date and sagsnummer), follow-up figures (the input cells and what
 * the record says Budgetlys wrote there). Both or neither:
 * 1. load the sheet names;
 * 2. read the record (`Budgetlys_planer`) and each target cell (what it holds, its formula);
 * 3. write the cells whose content allows it, and the merged record — one sync.
 * When sync 3 fails, a 4th puts every target cell back as it was and the record as it was read.
 * The count does not grow with the number of cells or plans.
 */
import type { CellValue } from "../core/cell";
import { writeAllowed } from "../core/planFigures";
import { mergedPlanRecordSheet, PLAN_RECORD_SHEET } from "../core/planRecord";
import { WriteFailedError, type PlanCellWrite, type PlanUpdate, type PlanUpdateResult } from "../core/ports";
import type { SheetDescription } from "../core/sheetDescription";
import { textInput, type FormulaInput } from "./cellInput";
import type { ExcelRun } from "./ExcelWorkbookPort";
import { MESSAGES, writeFailedError } from "./messages";
import { lastRecordRow, queueRecordRead, queueRecordRewrite, queueRecordWrite, recordGrid, recordsOf, recordSheetOf, type ReadRecord } from "./planRecord";
import { cellValue } from "./readSheets";

/** The input that writes `value` as it is: text as text (never a formula). */
function inputOf(value: string | number): FormulaInput {
  return typeof value === "string" ? textInput(value) : value;
}

/** The input that puts a cell back: its formula, or its constant (text as text), or blank. */
function restoreInput(formula: unknown, current: CellValue): FormulaInput {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (current === null || current === undefined) return "";
  if (typeof current === "string") return current === "" ? "" : textInput(current);
  if (typeof current === "number" || typeof current === "boolean") return current;
  return typeof formula === "string" || typeof formula === "number" || typeof formula === "boolean" ? formula : "";
}

/** Writes `update`; see the module comment. */
export async function updatePlans(run: ExcelRun, update: PlanUpdate): Promise<PlanUpdateResult> {
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();

      const recordSheet = recordSheetOf(worksheets.items);
      if (recordSheet === undefined) throw writeFailedError(MESSAGES.updateNoRecord());
      const byName = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s] as const));
      const present = update.cells.filter((c) => byName.has(c.sheet.toLowerCase()));
      const missingSheet = update.cells.filter((c) => !byName.has(c.sheet.toLowerCase()));
      const read = queueRecordRead(recordSheet);
      const ranges = present.map((cell) => {
        const range = (byName.get(cell.sheet.toLowerCase()) as Excel.Worksheet).getRangeByIndexes(cell.row, cell.col, 1, 1);
        range.load("values,valueTypes,formulas");
        return range;
      });
      await context.sync();

      const record: ReadRecord = { sheet: recordSheet, grid: recordGrid(read) };
      const written: PlanCellWrite[] = [];
      const kept: { cell: PlanCellWrite; current: CellValue }[] = [];
      const targets: { range: Excel.Range; before: FormulaInput }[] = [];
      present.forEach((cell, i) => {
        const range = ranges[i] as Excel.Range;
        const current = cellValue(range.values[0]?.[0], range.valueTypes[0]?.[0]);
        if (!writeAllowed(cell.over, current)) {
          kept.push({ cell, current });
          return;
        }
        targets.push({ range, before: restoreInput(range.formulas[0]?.[0], current) });
        written.push(cell);
      });
      let desired: SheetDescription;
      let before: SheetDescription;
      try {
        desired = mergedPlanRecordSheet(record.grid, update.records(written, recordsOf(record.grid)));
        before = mergedPlanRecordSheet(record.grid, []);
      } catch (error) {
        // A sheet of the record's name that is not a record: never written over.
        throw writeFailedError(MESSAGES.refused(error), { cause: error });
      }

      targets.forEach(({ range }, i) => {
        range.formulas = [[inputOf((written[i] as PlanCellWrite).value)]];
      });
      queueRecordWrite(worksheets, record, desired);
      try {
        await context.sync();
      } catch (error) {
        for (const { range, before: input } of targets) range.formulas = [[input]];
        queueRecordRewrite(recordSheet, before, Math.max(lastRecordRow(desired), record.grid.origin.row + record.grid.values.length - 1));
        try {
          await context.sync();
        } catch (undoError) {
          const sheets = [...new Set([...written.map((c) => c.sheet), PLAN_RECORD_SHEET])];
          throw writeFailedError(MESSAGES.updateUndoFailed(error, sheets), { cause: undoError, workbookUnchanged: false });
        }
        throw writeFailedError(MESSAGES.updateFailed(error), { cause: error });
      }
      return { written, kept, missingSheet };
    });
  } catch (error) {
    if (error instanceof WriteFailedError) throw error;
    throw writeFailedError(MESSAGES.updateFailed(error), { cause: error });
  }
}
