/**
 * An in-memory {@link WorkbookPort} for the task-pane tests: source grids to read, settings in a
 * map, and a log of every write, patch, selection and activation. It keeps the port's contract:
 * an existing plan for the same kind and unit is refused with `WouldOverwriteError` unless
 * `replaceExisting`; a failing write throws `WriteFailedError` and changes nothing; names are
 * made unique the way every writer does.
 */
import type { CellValue } from "../../src/core/cell";
import type { CellRange, SheetGrid } from "../../src/core/grid";
import {
  planRegistryKey,
  SETTING_KEYS,
  WouldOverwriteError,
  WriteFailedError,
  type PlanCellWrite,
  type PlanUpdate,
  type PlanUpdateResult,
  type RangeRequest,
  type SheetPatch,
  type WorkbookPort,
  type WriteOptions,
  type WriteResult,
} from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { uniqueSheetName } from "../../src/core/validSheetNames";
import { mergedPlanRecordSheet, planRecordGrid, readPlanRecords } from "../../src/core/planRecord";
import { writeAllowed } from "../../src/core/planFigures";

/** A generated sheet held by the fake. */
export interface MemorySheet {
  readonly name: string;
  readonly description: SheetDescription;
}

export class MemoryWorkbookPort implements WorkbookPort {
  readonly settings = new Map<string, string>();
  /** Generated sheets in the order written (replacements keep their place). */
  readonly sheets: MemorySheet[] = [];
  readonly patches: SheetPatch[] = [];
  readonly selections: { sheet: string; range: CellRange }[] = [];
  readonly activated: string[] = [];
  readonly writeCalls: { description: SheetDescription; options: WriteOptions }[] = [];
  readCount = 0;
  /** When set, the next write fails with this Danish message (and writes nothing). */
  failNextWrite: string | null = null;
  /** Awaited before each write, so a test can act while a batch is under way. */
  beforeWrite: ((description: SheetDescription) => Promise<void>) | null = null;

  constructor(public grids: SheetGrid[]) {}

  async readSheets(): Promise<readonly SheetGrid[]> {
    this.readCount += 1;
    // The sheets written are read back too (their constants; a formula reads as blank here), as
    // Excel would: the plan statuses come from what the workbook holds.
    if (this.sheets.length === 0) return this.grids;
    return [...this.grids, ...this.sheets.map((sheet) => writtenGrid(sheet.name, sheet.description))];
  }

  async writeSheet(description: SheetDescription, options: WriteOptions = {}): Promise<WriteResult> {
    this.writeCalls.push({ description, options });
    await this.beforeWrite?.(description);
    if (this.failNextWrite !== null) {
      const message = this.failNextWrite;
      this.failNextWrite = null;
      throw new WriteFailedError(message);
    }
    const index =
      description.unitKey === undefined && description.kind !== "oversigt"
        ? -1
        : this.sheets.findIndex(
            (s) => s.description.kind === description.kind && s.description.unitKey === description.unitKey,
          );
    const existing = index >= 0 ? this.sheets[index] : undefined;
    if (existing !== undefined && options.replaceExisting !== true) {
      throw new WouldOverwriteError(existing.name, `Arket «${existing.name}» findes allerede.`);
    }
    let result: WriteResult;
    if (existing !== undefined) {
      this.sheets[index] = { name: existing.name, description };
      result = { sheetName: existing.name, replaced: true };
    } else {
      const taken = [...this.grids.map((g) => g.name), ...this.sheets.map((s) => s.name)];
      const name = uniqueSheetName(description.name, taken);
      this.sheets.push({ name, description });
      result = { sheetName: name, replaced: false };
    }
    if (options.activate !== false) this.activated.push(result.sheetName);
    // As the port contract says: a written sheet is recorded in the plan registry.
    const registry = JSON.parse(this.settings.get(SETTING_KEYS.plans) ?? "{}") as Record<string, string>;
    registry[planRegistryKey(description.kind, description.unitKey)] = result.sheetName;
    this.settings.set(SETTING_KEYS.plans, JSON.stringify(registry));
    return result;
  }

  async patchSheet(patch: SheetPatch): Promise<void> {
    if (!this.grids.some((g) => g.name === patch.sheet)) throw new WriteFailedError(`Arket «${patch.sheet}» findes ikke.`);
    this.patches.push(patch);
  }

  /** Every `updatePlans` call, with what it wrote. */
  readonly updates: { update: PlanUpdate; result: PlanUpdateResult }[] = [];

  /**
   * Plan cells and the record together, as the port contract says: a cell is written only when its
   * content allows it, into the grids; the record grid (when the workbook has one) gets the merged rows.
   */
  async updatePlans(update: PlanUpdate): Promise<PlanUpdateResult> {
    const record = planRecordGrid(this.grids);
    if (record === undefined) throw new WriteFailedError("Projektmappen har intet planregister.");
    const written: PlanCellWrite[] = [];
    const kept: { cell: PlanCellWrite; current: CellValue }[] = [];
    const missingSheet: PlanCellWrite[] = [];
    for (const cell of update.cells) {
      const grid = this.grids.find((g) => g.name === cell.sheet);
      if (grid === undefined) {
        missingSheet.push(cell);
        continue;
      }
      const current = grid.values[cell.row - grid.origin.row]?.[cell.col - grid.origin.col] ?? null;
      if (!writeAllowed(cell.over, current)) {
        kept.push({ cell, current });
        continue;
      }
      written.push(cell);
    }
    const merged = mergedPlanRecordSheet(record, update.records(written, readPlanRecords(record)?.plans ?? []));
    for (const cell of written) this.editCell(cell.sheet, cell.row, cell.col, cell.value);
    this.grids = this.grids.map((g) => (g === record ? { ...writtenGrid(record.name, merged), name: record.name } : g));
    const result = { written, kept, missingSheet };
    this.updates.push({ update, result });
    return result;
  }

  async getSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  async select(sheet: string, range: CellRange): Promise<void> {
    this.selections.push({ sheet, range });
    this.activated.push(sheet);
  }

  async activateSheet(sheet: string): Promise<void> {
    this.activated.push(sheet);
  }

  /** Calls to `readRanges`. */
  readRangeCount = 0;
  /** The listeners `watchSheets` registered, by sheet. */
  readonly watchers = new Map<string, Set<(sheet: string) => void>>();

  async readRanges(requests: readonly RangeRequest[]): Promise<readonly (readonly (readonly CellValue[])[])[]> {
    this.readRangeCount += 1;
    return requests.map(({ sheet, range }) => {
      const grid = this.grids.find((g) => g.name === sheet);
      if (grid === undefined) throw new Error(`Arket «${sheet}» findes ikke.`);
      const rows: CellValue[][] = [];
      for (let row = range.top; row <= range.bottom; row++) {
        const values: CellValue[] = [];
        for (let col = range.left; col <= range.right; col++) {
          values.push(grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null);
        }
        rows.push(values);
      }
      return rows;
    });
  }

  async watchSheets(sheets: readonly string[], onChange: (sheet: string) => void): Promise<(() => Promise<void>) | null> {
    for (const sheet of sheets) {
      const set = this.watchers.get(sheet) ?? new Set();
      set.add(onChange);
      this.watchers.set(sheet, set);
    }
    return async () => {
      for (const sheet of sheets) this.watchers.get(sheet)?.delete(onChange);
    };
  }

  /** Sets one cell of a source grid (0-based sheet coordinates) as a user would, and tells the watchers. */
  editCell(sheet: string, row: number, col: number, value: CellValue): void {
    const grid = this.grids.find((g) => g.name === sheet);
    if (grid === undefined) throw new Error(`Arket «${sheet}» findes ikke.`);
    const values = grid.values.map((r) => [...r]);
    const r = row - grid.origin.row;
    while (values.length <= r) values.push([]);
    const line = values[r] as CellValue[];
    while (line.length <= col - grid.origin.col) line.push(null);
    line[col - grid.origin.col] = value;
    this.grids = this.grids.map((g) => (g === grid ? { ...grid, values } : g));
    for (const listener of this.watchers.get(sheet) ?? []) listener(sheet);
  }
}

/** A written sheet as a grid of its constants (formulas blank: nothing calculates here). */
function writtenGrid(name: string, description: SheetDescription): SheetGrid {
  const values: CellValue[][] = [];
  for (const cell of description.cells) {
    if (cell.value === undefined || cell.value === null) continue;
    const row = (values[cell.row] ??= []);
    row[cell.col] = cell.value;
  }
  const dense = Array.from({ length: values.length }, (_, r) => Array.from({ length: values[r]?.length ?? 0 }, (_, c) => values[r]?.[c] ?? null));
  return { name, origin: { row: 0, col: 0 }, values: dense, ...(description.hidden === true ? { visibility: "hidden" as const } : {}) };
}
