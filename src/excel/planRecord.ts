/**
 * The plan record (`core/planRecord.ts`, hidden sheet `Budgetlys_planer`) in the Excel port: read
 * its rows before a plan is written, decide what a new schedule replaces (one schedule per unit),
 * and queue the merged record after the plan — the same content the .xlsx writer writes, from the
 * same core functions. Nothing here syncs; the port decides when.
 */
import type { SheetGrid } from "../core/grid";
import {
  PLAN_RECORD_HEADINGS,
  contradictingRecord,
  mergedPlanRecordSheet,
  PLAN_RECORD_SHEET,
  planRecordOf,
  readPlanRecords,
  type PlanRecord,
} from "../core/planRecord";
import { planRegistryKey } from "../core/ports";
import type { SheetDescription } from "../core/sheetDescription";
import { cellValue } from "./readSheets";
import { boundingRectangle } from "./rectangles";
import { mergeCellSpecs, queueCellContents, queueCellFormats, queueSheetDescription } from "./sheetContent";

/** Columns of the record sheet. */
const RECORD_COLUMNS = PLAN_RECORD_HEADINGS.length;

/** The record sheet among loaded worksheets (names compared as Excel does), if the workbook has one. */
export function recordSheetOf(sheets: readonly Excel.Worksheet[]): Excel.Worksheet | undefined {
  return sheets.find((s) => s.name.toLowerCase() === PLAN_RECORD_SHEET.toLowerCase());
}

/** A queued read of the record sheet's cells (values only). */
export interface PendingRecordRead {
  readonly used: Excel.Range;
}

/** Queues the read of the record sheet's used range (1 sync, whatever the number of plans). */
export function queueRecordRead(sheet: Excel.Worksheet): PendingRecordRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,valueTypes,rowIndex,columnIndex");
  return { used };
}

/** The record sheet's grid after the read's sync. */
export function recordGrid(read: PendingRecordRead): SheetGrid {
  if (read.used.isNullObject) return { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [] };
  const types = read.used.valueTypes;
  return {
    name: PLAN_RECORD_SHEET,
    origin: { row: read.used.rowIndex, col: read.used.columnIndex },
    values: read.used.values.map((row, r) => row.map((v, c) => cellValue(v, types[r]?.[c]))),
  };
}

/** The plans a record grid holds (none for a sheet that is not a record: the merge refuses that one). */
export function recordsOf(grid: SheetGrid | undefined): readonly PlanRecord[] {
  return grid === undefined ? [] : (readPlanRecords(grid)?.plans ?? []);
}

/**
 * What writing `description` must replace beyond a same-kind plan: when the record holds a
 * schedule of the same unit with other years or instalments, the sheets that carry it — its
 * record sheet and the unit's registered handleplan and afviklingsplan. Empty when there is no
 * contradiction (or the description has no schedule).
 */
export function contradictingSheets(
  description: SheetDescription,
  records: readonly PlanRecord[],
  registry: Readonly<Record<string, string>>,
): { readonly record: PlanRecord | undefined; readonly sheets: readonly string[] } {
  const plan = planRecordOf(description);
  if (plan === undefined) return { record: undefined, sheets: [] };
  const record = contradictingRecord(records, plan);
  if (record === undefined) return { record: undefined, sheets: [] };
  const registered = (["handleplan", "afviklingsplan"] as const).flatMap((kind) => {
    const name = registry[planRegistryKey(kind, description.unitKey)];
    return name === undefined ? [] : [name];
  });
  return { record, sheets: [record.planSheet, ...registered] };
}

/** The record sheet as read before a write: its proxy and its cells. */
export interface ReadRecord {
  readonly sheet: Excel.Worksheet;
  readonly grid: SheetGrid;
}

/**
 * The record after adding `plans` (final sheet names) to `existing` — see `mergedPlanRecordSheet`.
 * Throws a Danish `BudgetlysError` when a sheet of that name is not a record; call it before
 * anything is queued.
 */
export function recordAfter(existing: ReadRecord | undefined, plans: readonly PlanRecord[]): SheetDescription {
  return mergedPlanRecordSheet(existing?.grid, plans);
}

/**
 * Queues the record after a write: the existing record sheet gets the merged rows written over it
 * (the record only grows: a unit's row is replaced in place, new units appended); a workbook
 * without one gets a new hidden sheet. Returns the sheet it added, if any (to remove it again when
 * the sync fails).
 */
export function queueRecordWrite(
  worksheets: Excel.WorksheetCollection,
  existing: ReadRecord | undefined,
  description: SheetDescription,
): Excel.Worksheet | undefined {
  if (existing !== undefined) {
    // Blank rows the reader skipped close up: clear what was there, then write the rows anew.
    const { grid } = existing;
    const width = Math.max(0, ...grid.values.map((row) => row.length));
    if (grid.values.length > 0 && width > 0) existing.sheet.getRangeByIndexes(grid.origin.row, grid.origin.col, grid.values.length, width).clear("Contents");
    const cells = mergeCellSpecs(description.cells);
    queueCellContents(existing.sheet, cells);
    queueCellFormats(existing.sheet, cells);
    return undefined;
  }
  const added = worksheets.add(PLAN_RECORD_SHEET);
  queueSheetDescription(added, description);
  return added;
}

/**
 * Queues setting an existing record sheet to `desired` after a failed write: its cells written
 * again, and the rows below it down to `upToRow` (0-based; rows the failed write may have added)
 * cleared, values and formats.
 */
export function queueRecordRewrite(sheet: Excel.Worksheet, desired: SheetDescription, upToRow: number): void {
  const cells = mergeCellSpecs(desired.cells);
  const area = boundingRectangle(cells);
  const bottom = area?.bottom ?? -1;
  if (upToRow > bottom) sheet.getRangeByIndexes(bottom + 1, 0, upToRow - bottom, RECORD_COLUMNS).clear("All");
  queueCellContents(sheet, cells);
  queueCellFormats(sheet, cells);
}

/** The last row (0-based) a record description writes. */
export function lastRecordRow(description: SheetDescription): number {
  return Math.max(0, ...description.cells.map((c) => c.row));
}
