/** Ranges and range areas: values, formulas, number formats, hidden rows/columns, links, merges. */
import type { CellRange } from "../core/grid";
import { MAX_COLUMNS, MAX_ROWS, SheetModel, enterInput, formulaProblem, intersection, intersects, runs, type CellModel, type StoredValue } from "./model";
import { FakeApiMisuse, FakeObject, FakeOfficeError, accessDenied, assertLive, forEachCell, fullAddress, install, invalidArgument, make, normalize, parseA1Range, rectCells, sameShape, type PropTable, type Target } from "./base";
import type { FakeExcel, FakeRequestContext } from "./application";
import { FakeRangeFormat } from "./formats";
import { FakeDataValidation } from "./dataValidation";
import { FakeConditionalFormatCollection } from "./conditionalFormats";

export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: CellRange;
}

export function rangeProxy(ctx: FakeRequestContext, resolver: () => RangeRef | null, nullable = false): FakeRange {
  return make(new FakeRange(ctx, resolver, nullable));
}

export function grid<T>(fake: FakeExcel, ref: RangeRef, fn: (cell: CellModel | undefined, row: number, col: number) => T): T[][] {
  fake.cellsRequested += rectCells(ref.rect, 5_000_000);
  const out: T[][] = [];
  for (let row = ref.rect.top; row <= ref.rect.bottom; row++) {
    const line: T[] = [];
    for (let col = ref.rect.left; col <= ref.rect.right; col++) line.push(fn(ref.sheet.peek(row, col), row, col));
    out.push(line);
  }
  return out;
}

/** A stored value as `Range.values` returns it: blank "", errors as their text. */
export function apiValue(value: StoredValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

export function valueType(value: StoredValue): string {
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

export function hiddenState(count: number, isHidden: (i: number) => boolean, from: number, to: number): boolean | null {
  let hidden = 0;
  for (let i = from; i <= to; i++) if (isHidden(i)) hidden++;
  void count;
  return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
}

export function writeContent(fake: FakeExcel, ref: RangeRef, value: unknown, location: string): void {
  const sheet = assertLive(ref.sheet);
  const rows = sameShape(value, ref.rect, location);
  const inputAt = (r: number, c: number): unknown => (rows === undefined ? value : rows[r - ref.rect.top]?.[c - ref.rect.left]);
  if (sheet.isProtected) {
    forEachCell(ref.rect, (r, c) => {
      if (inputAt(r, c) !== null && sheet.peek(r, c)?.format.locked !== false) throw accessDenied(location);
    });
  }
  // Check every formula first: Excel rejects the whole write when one is invalid.
  const staged: { row: number; col: number; cell: CellModel }[] = [];
  forEachCell(ref.rect, (row, col) => {
    const input = inputAt(row, col);
    if (input === null) return;
    const existing = sheet.peek(row, col);
    const cell: CellModel = existing === undefined ? { value: null, formula: null, prefixed: false, numberFormat: "General", format: {} } : { ...existing };
    const formula = enterInput(cell, input);
    if (formula !== null) {
      const problem = formulaProblem(formula);
      if (problem !== undefined) throw invalidArgument(`There's a problem with this formula (${problem}): ${formula}`, location);
    }
    staged.push({ row, col, cell });
  });
  for (const { row, col, cell } of staged) Object.assign(sheet.cell(row, col), cell);
  void fake;
}

export class FakeRange extends FakeObject<RangeRef> {
  readonly _typeName = "Range";
  static props: PropTable<RangeRef> = {
    address: { read: (r) => fullAddress(r.sheet, r.rect) },
    rowIndex: { read: (r) => r.rect.top },
    columnIndex: { read: (r) => r.rect.left },
    rowCount: { read: (r) => r.rect.bottom - r.rect.top + 1 },
    columnCount: { read: (r) => r.rect.right - r.rect.left + 1 },
    cellCount: { read: (r) => (r.rect.bottom - r.rect.top + 1) * (r.rect.right - r.rect.left + 1) },
    values: {
      read: (r, self: FakeRange) => grid(self._ctx._fake, r, (_c, row, col) => apiValue(self._ctx._fake.displayValue(r.sheet, row, col))),
      write: (r, v: unknown, self: FakeRange) => writeContent(self._ctx._fake, r, v, "Range.values"),
    },
    formulas: {
      read: (r, self: FakeRange) => grid(self._ctx._fake, r, (c) => (c === undefined ? "" : (c.formula ?? apiValue(c.value)))),
      write: (r, v: unknown, self: FakeRange) => writeContent(self._ctx._fake, r, v, "Range.formulas"),
    },
    valueTypes: {
      read: (r, self: FakeRange) => grid(self._ctx._fake, r, (_c, row, col) => valueType(self._ctx._fake.displayValue(r.sheet, row, col))),
    },
    numberFormat: {
      read: (r, self: FakeRange) => grid(self._ctx._fake, r, (c) => c?.numberFormat ?? "General"),
      write: (r, v: unknown) => {
        const sheet = assertLive(r.sheet);
        if (sheet.isProtected) throw accessDenied("Range.numberFormat");
        const rows = sameShape(v, r.rect, "Range.numberFormat");
        forEachCell(r.rect, (row, col) => {
          const input = rows === undefined ? v : rows[row - r.rect.top]?.[col - r.rect.left];
          if (input === null) return;
          if (typeof input !== "string") throw invalidArgument("A number format must be a string.", "Range.numberFormat");
          sheet.cell(row, col).numberFormat = input;
        });
      },
    },
    columnHidden: {
      read: (r) => hiddenState(0, (c) => r.sheet.hiddenColumns.has(c), r.rect.left, r.rect.right),
      write: (r, v: boolean) => {
        if (assertLive(r.sheet).isProtected) throw accessDenied("Range.columnHidden");
        for (let c = r.rect.left; c <= r.rect.right; c++) {
          if (v) r.sheet.hiddenColumns.add(c);
          else r.sheet.hiddenColumns.delete(c);
        }
      },
    },
    rowHidden: {
      read: (r) => hiddenState(0, (row) => r.sheet.hiddenRows.has(row), r.rect.top, r.rect.bottom),
      write: (r, v: boolean) => {
        if (assertLive(r.sheet).isProtected) throw accessDenied("Range.rowHidden");
        rectCells({ ...r.rect, left: 0, right: 0 });
        for (let row = r.rect.top; row <= r.rect.bottom; row++) {
          if (v) r.sheet.hiddenRows.add(row);
          else r.sheet.hiddenRows.delete(row);
        }
      },
    },
    hyperlink: {
      read: (r) => r.sheet.peek(r.rect.top, r.rect.left)?.hyperlink ?? {},
      write: (r, v: Record<string, string>) => {
        if (assertLive(r.sheet).isProtected) throw accessDenied("Range.hyperlink");
        forEachCell(r.rect, (row, col) => {
          const cell = r.sheet.cell(row, col);
          cell.hyperlink = { ...v };
          if (v.textToDisplay !== undefined) {
            cell.value = v.textToDisplay;
            cell.formula = null;
            cell.prefixed = false;
          }
        });
      },
    },
  };

  override _model(): RangeRef {
    const ref = super._model();
    assertLive(ref.sheet);
    return ref;
  }

  private _child(fn: (ref: RangeRef) => RangeRef | null, nullable = false): FakeRange {
    return rangeProxy(
      this._ctx,
      () => {
        const ref = nullable ? this._modelOrNull() : this._model();
        return ref === null ? null : fn(ref);
      },
      nullable,
    );
  }

  private _target(): () => Target {
    return () => {
      const ref = this._model();
      return { sheet: ref.sheet, rects: [ref.rect] };
    };
  }

  get format(): FakeRangeFormat {
    return make(new FakeRangeFormat(this._ctx, this._target()));
  }

  get dataValidation(): FakeDataValidation {
    return make(new FakeDataValidation(this._ctx, this._target()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return make(new FakeConditionalFormatCollection(this._ctx, this._target()));
  }

  getCell(row: number, column: number): FakeRange {
    return this._child((r) => ({ sheet: r.sheet, rect: normalize({ top: r.rect.top + row, left: r.rect.left + column, bottom: r.rect.top + row, right: r.rect.left + column }) }));
  }

  getRow(index: number): FakeRange {
    return this._child((r) => ({ sheet: r.sheet, rect: { ...r.rect, top: r.rect.top + index, bottom: r.rect.top + index } }));
  }

  getColumn(index: number): FakeRange {
    return this._child((r) => ({ sheet: r.sheet, rect: { ...r.rect, left: r.rect.left + index, right: r.rect.left + index } }));
  }

  getEntireColumn(): FakeRange {
    return this._child((r) => ({ sheet: r.sheet, rect: { ...r.rect, top: 0, bottom: MAX_ROWS - 1 } }));
  }

  getEntireRow(): FakeRange {
    return this._child((r) => ({ sheet: r.sheet, rect: { ...r.rect, left: 0, right: MAX_COLUMNS - 1 } }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._child((r) => {
      const rect = { ...r.rect, bottom: r.rect.bottom + deltaRows, right: r.rect.right + deltaColumns };
      if (rect.bottom < rect.top || rect.right < rect.left) throw invalidArgument("The resized range would be empty.", "Range.getResizedRange");
      return { sheet: r.sheet, rect: normalize(rect) };
    });
  }

  getIntersection(other: FakeRange | string): FakeRange {
    return this._child((r) => {
      const rect = intersection(r.rect, typeof other === "string" ? parseA1Range(other) : other._model().rect);
      if (rect === undefined) throw new FakeOfficeError("ItemNotFound", "The ranges do not intersect.", "Range.getIntersection");
      return { sheet: r.sheet, rect };
    });
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this._child((r) => {
      const rect = intersection(r.rect, typeof other === "string" ? parseA1Range(other) : other._model().rect);
      return rect === undefined ? null : { sheet: r.sheet, rect };
    }, true);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._child((r) => {
      const used = r.sheet.usedRange(valuesOnly === true);
      const rect = used === undefined ? undefined : intersection(used, r.rect);
      return rect === undefined ? null : { sheet: r.sheet, rect };
    }, true);
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType === "Constants" || cellType === "Formulas") return this._cellsHolding(cellType);
    if (cellType !== "Visible") throw new FakeApiMisuse(`getSpecialCellsOrNullObject("${cellType}") is not in the fake's subset ("Visible", "Constants", "Formulas")`);
    return make(
      new FakeRangeAreas(
        this._ctx,
        () => {
          const ref = this._modelOrNull();
          if (ref === null) return null;
          const rows: number[] = [];
          const cols: number[] = [];
          for (let i = ref.rect.top; i <= ref.rect.bottom; i++) if (!ref.sheet.hiddenRows.has(i)) rows.push(i);
          for (let i = ref.rect.left; i <= ref.rect.right; i++) if (!ref.sheet.hiddenColumns.has(i)) cols.push(i);
          const rects: CellRange[] = [];
          for (const rr of runs(rows)) for (const cr of runs(cols)) rects.push({ top: rr.start, bottom: rr.end, left: cr.start, right: cr.end });
          return rects.length === 0 ? null : { sheet: ref.sheet, rects };
        },
        true,
      ),
    );
  }

  /**
   * The cells of the range holding a constant or a formula, as Excel's Go To Special gives them:
   * column runs per row, runs of equal columns on consecutive rows joined into one rectangle.
   * Found from the stored cells (sparse), never by walking the range.
   */
  private _cellsHolding(kind: "Constants" | "Formulas"): FakeRangeAreas {
    return make(
      new FakeRangeAreas(
        this._ctx,
        () => {
          const ref = this._modelOrNull();
          if (ref === null) return null;
          const byRow = new Map<number, number[]>();
          for (const { row, col, cell } of ref.sheet.entries()) {
            if (row < ref.rect.top || row > ref.rect.bottom || col < ref.rect.left || col > ref.rect.right) continue;
            const holds = kind === "Formulas" ? cell.formula !== null : cell.formula === null && cell.value !== null;
            if (!holds) continue;
            const cols = byRow.get(row);
            if (cols === undefined) byRow.set(row, [col]);
            else cols.push(col);
          }
          const rects: CellRange[] = [];
          let open = new Map<string, CellRange>();
          for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
            const next = new Map<string, CellRange>();
            for (const run of runs((byRow.get(row) as number[]).sort((a, b) => a - b))) {
              const key = `${run.start}:${run.end}`;
              const prev = open.get(key);
              next.set(key, prev !== undefined && prev.bottom === row - 1 ? { ...prev, bottom: row } : { top: row, bottom: row, left: run.start, right: run.end });
              if (prev !== undefined && prev.bottom !== row - 1) rects.push(prev);
              open.delete(key);
            }
            rects.push(...open.values());
            open = next;
          }
          rects.push(...open.values());
          rects.sort((a, b) => a.top - b.top || a.left - b.left);
          return rects.length === 0 ? null : { sheet: ref.sheet, rects };
        },
        true,
      ),
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return make(
      new FakeRangeAreas(
        this._ctx,
        () => {
          const ref = this._modelOrNull();
          if (ref === null) return null;
          const rects = ref.sheet.merges.filter((m) => intersects(m, ref.rect));
          if (rects.length > 512) throw new FakeOfficeError("GeneralException", "More than 512 merged areas.", "Range.getMergedAreasOrNullObject");
          return rects.length === 0 ? null : { sheet: ref.sheet, rects };
        },
        true,
      ),
    );
  }

  merge(across = false): void {
    this._call("merge", (r) => {
      if (r.sheet.isProtected) throw accessDenied("Range.merge");
      const areas = across
        ? Array.from({ length: r.rect.bottom - r.rect.top + 1 }, (_, i) => ({ ...r.rect, top: r.rect.top + i, bottom: r.rect.top + i }))
        : [r.rect];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        if (r.sheet.merges.some((m) => intersects(m, area))) throw invalidArgument("The range overlaps a merged area.", "Range.merge");
        // Excel keeps only the upper-left value of a merged area.
        forEachCell(area, (row, col) => {
          if (row === area.top && col === area.left) return;
          const cell = r.sheet.peek(row, col);
          if (cell !== undefined) {
            cell.value = null;
            cell.formula = null;
            cell.prefixed = false;
          }
        });
        r.sheet.merges.push(area);
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", (r) => {
      if (r.sheet.isProtected) throw accessDenied("Range.unmerge");
      r.sheet.merges = r.sheet.merges.filter((m) => !intersects(m, r.rect));
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this._call("clear", (r) => {
      if (r.sheet.isProtected) throw accessDenied("Range.clear");
      for (const { row, col, cell } of [...r.sheet.entries()]) {
        if (row < r.rect.top || row > r.rect.bottom || col < r.rect.left || col > r.rect.right) continue;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = null;
          cell.prefixed = false;
          delete cell.hyperlink;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.format = {};
        }
      }
    });
  }

  select(): void {
    this._call("select", (r) => {
      if (r.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A range on a hidden sheet cannot be selected.", "Range.select");
      const wb = this._ctx._fake.model;
      wb.activeSheetId = r.sheet.id;
      wb.selection = { sheetId: r.sheet.id, range: r.rect };
    });
  }
}
install(FakeRange);

export interface AreasRef {
  readonly sheet: SheetModel;
  readonly rects: readonly CellRange[];
}

export class FakeRangeAreas extends FakeObject<AreasRef> {
  readonly _typeName = "RangeAreas";
  static props: PropTable<AreasRef> = {
    address: { read: (a) => a.rects.map((r) => fullAddress(a.sheet, r)).join(",") },
    areaCount: { read: (a) => a.rects.length },
  };

  get format(): FakeRangeFormat {
    return make(new FakeRangeFormat(this._ctx, () => this._model()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return make(new FakeConditionalFormatCollection(this._ctx, () => this._model()));
  }

  get dataValidation(): FakeDataValidation {
    return make(new FakeDataValidation(this._ctx, () => this._model()));
  }
}
install(FakeRangeAreas);
