/**
 * Helpers around the fake Excel: build a workbook from {@link SheetGrid}s, snapshot every cell
 * (values, formulas, formats) and everything else a sheet holds, and diff two snapshots — the
 * tool behind "no write path changes an existing cell". No test-framework imports.
 */
import type { CellValue } from "../../src/core/cell";
import { cellAddress, rangeAddress, type SheetGrid } from "../../src/core/grid";
import { FakeExcel } from "../../src/officeFake";
import { WorkbookModel, refAddress, type CellFormatModel, type HyperlinkModel, type SheetModel, type StoredValue } from "../../src/officeFake/model";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

function stored(value: CellValue): StoredValue {
  if (value === null || value === "") return null;
  if (typeof value === "object") return { error: value.error };
  return value;
}

/** Loads grids into a sheet model as stored values (strings stay text; nothing is parsed). */
export function loadGrid(sheet: SheetModel, grid: SheetGrid): void {
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const format = grid.numberFormats?.[r]?.[c];
      const v = stored(value);
      if (v === null && (format === undefined || format === "General")) return;
      const cell = sheet.cell(grid.origin.row + r, grid.origin.col + c);
      cell.value = v;
      if (format !== undefined) cell.numberFormat = format;
    }),
  );
  grid.hiddenRows?.forEach((hidden, i) => hidden && sheet.hiddenRows.add(i));
  grid.hiddenColumns?.forEach((hidden, i) => hidden && sheet.hiddenColumns.add(i));
  sheet.merges = (grid.merges ?? []).map((m) => ({ ...m }));
  sheet.visibility = VISIBILITY[grid.visibility ?? "visible"];
}

/** A fake Excel whose workbook holds these grids, in order. */
export function fakeExcelFromGrids(grids: readonly SheetGrid[]): FakeExcel {
  const model = new WorkbookModel();
  for (const grid of grids) loadGrid(model.addSheet(grid.name), grid);
  if (grids.length === 0) model.addSheet("Ark1");
  const firstVisible = model.sheets.find((s) => s.visibility === "Visible");
  model.activeSheetId = firstVisible?.id ?? model.sheets[0]?.id ?? null;
  return new FakeExcel(model);
}

/** Puts a formula (with its cached result) into a cell, as a user would have typed it. */
export function putFormula(sheet: SheetModel, row: number, col: number, formula: string, cached: StoredValue = null): void {
  const cell = sheet.cell(row, col);
  cell.formula = formula;
  cell.value = cached;
  cell.prefixed = false;
}

/** One cell in a snapshot. */
export interface CellSnapshot {
  readonly value: StoredValue;
  readonly formula: string | null;
  /** Entered as text with an apostrophe. */
  readonly prefixed: boolean;
  readonly numberFormat: string;
  readonly format: CellFormatModel;
  readonly hyperlink?: HyperlinkModel;
}

/** Everything one sheet holds. */
export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  readonly hiddenRows: readonly number[];
  readonly hiddenColumns: readonly number[];
  readonly columnWidths: Readonly<Record<number, number>>;
  readonly merges: readonly string[];
  readonly isProtected: boolean;
  readonly tabColor: string;
  readonly freeze: { rows: number; columns: number } | null;
  readonly conditionalFormats: readonly unknown[];
  readonly validations: readonly unknown[];
  readonly names: Readonly<Record<string, string>>;
  readonly pageLayout: unknown;
  readonly charts: readonly unknown[];
}

/** The whole workbook, by sheet id (so a rename shows as a change, not as a new sheet). */
export interface WorkbookSnapshot {
  readonly sheets: Readonly<Record<string, SheetSnapshot>>;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The id of the active sheet (Excel shows it; an undone write must give it back). */
  readonly activeSheet: string | null;
}

function isDefaultCell(cell: CellSnapshot): boolean {
  return (
    cell.value === null &&
    cell.formula === null &&
    cell.numberFormat === "General" &&
    Object.keys(cell.format).length === 0 &&
    cell.hyperlink === undefined
  );
}

/** A deep copy of everything in the workbook. */
export function snapshotWorkbook(source: FakeExcel | WorkbookModel): WorkbookSnapshot {
  const model = source instanceof FakeExcel ? source.model : source;
  const sheets: Record<string, SheetSnapshot> = {};
  model.sheets.forEach((sheet, position) => {
    const cells: Record<string, CellSnapshot> = {};
    for (const { row, col, cell } of sheet.entries()) {
      const snap: CellSnapshot = structuredClone({
        value: cell.value,
        formula: cell.formula,
        prefixed: cell.prefixed,
        numberFormat: cell.numberFormat,
        format: cell.format,
        ...(cell.hyperlink === undefined ? {} : { hyperlink: cell.hyperlink }),
      });
      if (!isDefaultCell(snap)) cells[cellAddress(row, col)] = snap;
    }
    const plain = structuredClone({
      id: sheet.id,
      name: sheet.name,
      position,
      visibility: sheet.visibility,
      cells,
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      columnWidths: Object.fromEntries(sheet.columnWidths),
      merges: sheet.merges.map(rangeAddress).sort(),
      isProtected: sheet.isProtected,
      tabColor: sheet.tabColor,
      freeze: sheet.freeze,
      conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
      validations: sheet.validations,
      pageLayout: sheet.pageLayout,
    });
    sheets[sheet.id] = {
      ...plain,
      // References are shown by the sheet's current name, as Excel shows them.
      names: Object.fromEntries([...sheet.names].map(([name, ref]) => [name, refAddress(ref)])),
      charts: sheet.charts.map((c) => ({
        ...c,
        source: refAddress(c.source),
        ...(c.xAxisValues === undefined ? {} : { xAxisValues: refAddress(c.xAxisValues) }),
      })),
    };
  });
  return { sheets, settings: structuredClone(Object.fromEntries(model.settings)), activeSheet: model.activeSheetId };
}

/** One difference between two snapshots. */
export interface SnapshotChange {
  readonly sheet: string;
  /** "sheet added", "sheet removed", a cell address, or a sheet property name. */
  readonly what: string;
  readonly before: unknown;
  readonly after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every difference, sheet by sheet and cell by cell. */
export function diffSnapshots(before: WorkbookSnapshot, after: WorkbookSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  for (const [id, old] of Object.entries(before.sheets)) {
    const now = after.sheets[id];
    if (now === undefined) {
      changes.push({ sheet: old.name, what: "sheet removed", before: old.name, after: undefined });
      continue;
    }
    for (const address of new Set([...Object.keys(old.cells), ...Object.keys(now.cells)])) {
      if (!same(old.cells[address], now.cells[address])) {
        changes.push({ sheet: old.name, what: address, before: old.cells[address], after: now.cells[address] });
      }
    }
    for (const key of Object.keys(old) as (keyof SheetSnapshot)[]) {
      if (key === "cells" || key === "position") continue;
      if (!same(old[key], now[key])) changes.push({ sheet: old.name, what: key, before: old[key], after: now[key] });
    }
  }
  for (const [id, added] of Object.entries(after.sheets)) {
    if (before.sheets[id] === undefined) changes.push({ sheet: added.name, what: "sheet added", before: undefined, after: added.name });
  }
  for (const key of new Set([...Object.keys(before.settings), ...Object.keys(after.settings)])) {
    if (!same(before.settings[key], after.settings[key])) {
      changes.push({ sheet: "", what: `setting ${key}`, before: before.settings[key], after: after.settings[key] });
    }
  }
  if (before.activeSheet !== after.activeSheet) {
    const nameOf = (snapshot: WorkbookSnapshot): string | undefined => (snapshot.activeSheet === null ? undefined : snapshot.sheets[snapshot.activeSheet]?.name);
    changes.push({ sheet: "", what: "active sheet", before: nameOf(before), after: nameOf(after) });
  }
  return changes;
}

/** Only the changes to sheets that existed before (new sheets, settings and the active sheet are not counted). */
export function changesToExistingSheets(before: WorkbookSnapshot, after: WorkbookSnapshot): SnapshotChange[] {
  return diffSnapshots(before, after).filter((c) => c.what !== "sheet added" && c.what !== "active sheet" && !c.what.startsWith("setting "));
}
