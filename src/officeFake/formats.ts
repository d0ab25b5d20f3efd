/** A range's format: column width, alignment, fill, font, borders and cell protection. */
import type { CellRange } from "../core/grid";
import { type CellFormatModel } from "./model";
import { FakeApiMisuse, FakeObject, accessDenied, assertLive, checkColor, forEachCell, install, invalidArgument, make, type PropTable, type Target } from "./base";

export function formatCells(t: Target, location: string, fn: (format: CellFormatModel, row: number, col: number, rect: CellRange) => void): void {
  if (assertLive(t.sheet).isProtected) throw accessDenied(location);
  for (const rect of t.rects) forEachCell(rect, (row, col) => fn(t.sheet.cell(row, col).format, row, col, rect));
}

export function topLeftFormat(t: Target): CellFormatModel {
  const rect = t.rects[0] as CellRange;
  return t.sheet.peek(rect.top, rect.left)?.format ?? {};
}

/** Excel's default column width: 8.43 characters = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;

/** Excel's standard row height for Calibri 11: 15 points. */
export const DEFAULT_ROW_HEIGHT_POINTS = 15;

export class FakeRangeFormat extends FakeObject<Target> {
  readonly _typeName = "RangeFormat";
  static props: PropTable<Target> = {
    columnWidth: {
      read: (t) => {
        const rect = t.rects[0] as CellRange;
        return t.sheet.columnWidths.get(rect.left) ?? DEFAULT_COLUMN_WIDTH_POINTS;
      },
      write: (t, v: number) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("RangeFormat.columnWidth");
        if (typeof v !== "number" || !(v >= 0)) throw invalidArgument("bad column width", "RangeFormat.columnWidth");
        // The standard width is stored as "no width of its own", so putting a width back leaves the
        // column as it was.
        for (const rect of t.rects) {
          for (let c = rect.left; c <= rect.right; c++) {
            if (v === DEFAULT_COLUMN_WIDTH_POINTS) t.sheet.columnWidths.delete(c);
            else t.sheet.columnWidths.set(c, v);
          }
        }
      },
    },
    rowHeight: {
      read: (t) => {
        const rect = t.rects[0] as CellRange;
        return t.sheet.rowHeights.get(rect.top) ?? DEFAULT_ROW_HEIGHT_POINTS;
      },
      write: (t, v: number) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("RangeFormat.rowHeight");
        // Excel's limit: 0–409 points.
        if (typeof v !== "number" || !(v >= 0 && v <= 409)) throw invalidArgument("bad row height", "RangeFormat.rowHeight");
        for (const rect of t.rects) {
          for (let r = rect.top; r <= rect.bottom; r++) {
            if (v === DEFAULT_ROW_HEIGHT_POINTS) t.sheet.rowHeights.delete(r);
            else t.sheet.rowHeights.set(r, v);
          }
        }
      },
    },
    wrapText: {
      read: (t) => topLeftFormat(t).wrapText ?? false,
      write: (t, v: boolean) =>
        formatCells(t, "RangeFormat.wrapText", (f) => {
          f.wrapText = v;
        }),
    },
    horizontalAlignment: {
      read: (t) => topLeftFormat(t).horizontalAlignment ?? "General",
      write: (t, v: string) => {
        if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v)) throw invalidArgument(`bad alignment ${v}`);
        formatCells(t, "RangeFormat.horizontalAlignment", (f) => {
          f.horizontalAlignment = v;
        });
      },
    },
  };

  get fill(): FakeRangeFill {
    return make(new FakeRangeFill(this._ctx, () => this._model()));
  }

  get font(): FakeRangeFont {
    return make(new FakeRangeFont(this._ctx, () => this._model()));
  }

  get borders(): FakeRangeBorderCollection {
    return make(new FakeRangeBorderCollection(this._ctx, () => this._model()));
  }

  get protection(): FakeFormatProtection {
    return make(new FakeFormatProtection(this._ctx, () => this._model()));
  }
}
install(FakeRangeFormat);


export class FakeRangeFill extends FakeObject<Target> {
  readonly _typeName = "RangeFill";
  static props: PropTable<Target> = {
    color: {
      read: (t) => topLeftFormat(t).fill ?? "#FFFFFF",
      write: (t, v: string) => {
        const color = checkColor(v, "RangeFill.color");
        formatCells(t, "RangeFill.color", (f) => {
          f.fill = color;
        });
      },
    },
  };

  clear(): void {
    this._call("clear", (t) =>
      formatCells(t, "RangeFill.clear", (f) => {
        delete f.fill;
      }),
    );
  }
}
install(FakeRangeFill);

export function fontProp<K extends keyof CellFormatModel>(key: K, check: (v: unknown) => CellFormatModel[K], fallback: unknown) {
  return {
    read: (t: Target) => topLeftFormat(t)[key] ?? fallback,
    write: (t: Target, v: unknown) => {
      const value = check(v);
      formatCells(t, `RangeFont.${key}`, (f) => {
        f[key] = value;
      });
    },
  };
}

export const isBool = (v: unknown): boolean => {
  if (typeof v !== "boolean") throw invalidArgument("expected a boolean");
  return v;
};

export class FakeRangeFont extends FakeObject<Target> {
  readonly _typeName = "RangeFont";
  static props: PropTable<Target> = {
    bold: fontProp("bold", isBool, false),
    italic: fontProp("italic", isBool, false),
    color: fontProp("fontColor", (v) => checkColor(v, "RangeFont.color"), "#000000"),
    size: fontProp(
      "fontSize",
      (v) => {
        if (typeof v !== "number" || v < 1 || v > 409) throw invalidArgument("bad font size");
        return v;
      },
      11,
    ),
    underline: fontProp(
      "underline",
      (v) => {
        if (!["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"].includes(String(v))) throw invalidArgument("bad underline");
        return String(v);
      },
      "None",
    ),
    name: fontProp("fontName", (v) => String(v), "Calibri"),
  };
}
install(FakeRangeFont);

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class FakeRangeBorderCollection extends FakeObject<Target> {
  readonly _typeName = "RangeBorderCollection";
  static props: PropTable<Target> = {};

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeApiMisuse(`unknown border index '${index}'`);
    return make(new FakeRangeBorder(this._ctx, () => ({ ...this._model(), index })));
  }
}
install(FakeRangeBorderCollection);

export interface BorderRef extends Target {
  readonly index: string;
}

export class FakeRangeBorder extends FakeObject<BorderRef> {
  readonly _typeName = "RangeBorder";
  static props: PropTable<BorderRef> = {
    style: {
      write: (b, v: string) => {
        if (!["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(v)) throw invalidArgument(`bad border style ${v}`);
        const set = (f: CellFormatModel, edge: "top" | "bottom" | "left" | "right") => {
          const borders = { ...f.borders };
          if (v === "None") delete borders[edge];
          else borders[edge] = v;
          f.borders = borders;
        };
        formatCells(b, "RangeBorder.style", (f, row, col, rect) => {
          if (b.index === "EdgeTop" && row === rect.top) set(f, "top");
          if (b.index === "EdgeBottom" && row === rect.bottom) set(f, "bottom");
          if (b.index === "EdgeLeft" && col === rect.left) set(f, "left");
          if (b.index === "EdgeRight" && col === rect.right) set(f, "right");
          if (b.index === "InsideHorizontal") {
            if (row < rect.bottom) set(f, "bottom");
            if (row > rect.top) set(f, "top");
          }
          if (b.index === "InsideVertical") {
            if (col < rect.right) set(f, "right");
            if (col > rect.left) set(f, "left");
          }
        });
      },
    },
    color: {
      write: (_b, v: string) => {
        checkColor(v, "RangeBorder.color");
      },
    },
  };
}
install(FakeRangeBorder);

export class FakeFormatProtection extends FakeObject<Target> {
  readonly _typeName = "FormatProtection";
  static props: PropTable<Target> = {
    locked: {
      read: (t) => topLeftFormat(t).locked ?? true,
      write: (t, v: boolean) =>
        formatCells(t, "FormatProtection.locked", (f) => {
          f.locked = isBool(v);
        }),
    },
  };
}
install(FakeFormatProtection);
