/** The workbook, the worksheet collection and the worksheet (with its protection, panes and names). */
import { MAX_COLUMNS, MAX_ROWS, SheetModel, WorkbookModel } from "./model";
import { FakeApiMisuse, FakeObject, FakeOfficeError, assertLive, assertStructureEditable, install, invalidArgument, make, normalize, parseA1Range, parseCollectionLoad, type PropTable } from "./base";
import type { FakeRequestContext } from "./application";
import { FakePageBreakCollection, FakePageLayout } from "./pageLayout";
import { FakeChartCollection } from "./charts";
import { FakeRangeAreas, rangeProxy, type FakeRange } from "./ranges";
import { FakeSettingCollection } from "./settings";

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  readonly _typeName = "Workbook";
  static props: PropTable<WorkbookModel> = {};
  private _worksheets: FakeWorksheetCollection | undefined;
  private _settings: FakeSettingCollection | undefined;

  get worksheets(): FakeWorksheetCollection {
    this._worksheets ??= make(new FakeWorksheetCollection(this._ctx, () => this._model()));
    return this._worksheets;
  }

  get settings(): FakeSettingCollection {
    this._settings ??= make(new FakeSettingCollection(this._ctx, () => this._model()));
    return this._settings;
  }
}
install(FakeWorkbook);

export const SHEET_ITEM_PROPS = ["name", "visibility", "position", "id", "tabColor"] as const;

export function sheetProxy(ctx: FakeRequestContext, resolver: () => SheetModel | null, nullable = false): FakeWorksheet {
  return make(new FakeWorksheet(ctx, resolver, nullable));
}

export function validateSheetName(wb: WorkbookModel, name: string, self: SheetModel | undefined, location: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw invalidArgument(`The sheet name '${name}' is not valid.`, location);
  }
  const other = wb.sheetByName(name);
  if (other !== undefined && other !== self) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`, location);
  }
}

export class FakeWorksheetCollection extends FakeObject<WorkbookModel> {
  readonly _typeName = "WorksheetCollection";
  static props: PropTable<WorkbookModel> = {};

  get items(): FakeWorksheet[] {
    return this._get("items") as FakeWorksheet[];
  }

  override load(spec?: string | string[] | { select?: string }): this {
    const names = parseCollectionLoad(spec, SHEET_ITEM_PROPS);
    this._ctx._enqueue(
      "WorksheetCollection.load",
      () => {
        const items = this._model().sheets.map((sheet) => {
          const proxy = sheetProxy(this._ctx, () => sheet);
          for (const name of names) this._ctx._stage(proxy, name, readSheetProp(this._model(), sheet, name));
          return proxy;
        });
        this._ctx._stage(this, "items", items);
      },
      false,
    );
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return sheetProxy(this._ctx, () => {
      const wb = this._model();
      const sheet = wb.sheetByName(key) ?? wb.sheets.find((s) => s.id === key);
      if (sheet === undefined) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet '${key}').`, "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return sheetProxy(
      this._ctx,
      () => {
        const wb = this._model();
        return wb.sheetByName(key) ?? wb.sheets.find((s) => s.id === key) ?? null;
      },
      true,
    );
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return sheetProxy(this._ctx, () => {
      const sheet = this._model().sheets.find((s) => !visibleOnly || s.visibility === "Visible");
      if (sheet === undefined) throw new FakeOfficeError("ItemNotFound", "There is no worksheet.", "WorksheetCollection.getFirst");
      return sheet;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return sheetProxy(this._ctx, () => {
      const wb = this._model();
      const sheet = wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets[0];
      if (sheet === undefined) throw new FakeOfficeError("ItemNotFound", "There is no worksheet.", "WorksheetCollection.getActiveWorksheet");
      return sheet;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this._call("add", (wb) => {
      assertStructureEditable(wb, "WorksheetCollection.add");
      let wanted = name;
      if (wanted === undefined) {
        let n = wb.sheets.length + 1;
        while (wb.sheetByName(`Sheet${n}`) !== undefined) n++;
        wanted = `Sheet${n}`;
      }
      validateSheetName(wb, wanted, undefined, "WorksheetCollection.add");
      created = wb.addSheet(wanted);
    });
    return sheetProxy(this._ctx, () => {
      if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "The worksheet was never created (its add failed or was not synced).");
      return created;
    });
  }
}
install(FakeWorksheetCollection);

export function readSheetProp(wb: WorkbookModel, sheet: SheetModel, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "visibility":
      return sheet.visibility;
    case "position":
      return wb.sheets.indexOf(sheet);
    case "id":
      return sheet.id;
    case "tabColor":
      return sheet.tabColor;
    default:
      throw new FakeApiMisuse(`Worksheet.${name} is not loadable`);
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  readonly _typeName = "Worksheet";
  static props: PropTable<SheetModel> = {
    name: {
      read: (s) => s.name,
      write: (s, v: string, self: FakeWorksheet) => {
        const wb = self._ctx._fake.model;
        assertStructureEditable(wb, "Worksheet.name");
        validateSheetName(wb, v, assertLive(s), "Worksheet.name");
        s.name = v;
      },
    },
    visibility: {
      read: (s) => s.visibility,
      write: (s, v: SheetModel["visibility"], self: FakeWorksheet) => {
        assertStructureEditable(self._ctx._fake.model, "Worksheet.visibility");
        if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw invalidArgument(`bad visibility ${String(v)}`);
        assertLive(s).visibility = v;
      },
    },
    position: {
      read: (s, self: FakeWorksheet) => self._ctx._fake.model.sheets.indexOf(s),
      write: (s, v: number, self: FakeWorksheet) => {
        const wb = self._ctx._fake.model;
        assertStructureEditable(wb, "Worksheet.position");
        if (!Number.isInteger(v) || v < 0 || v >= wb.sheets.length) throw invalidArgument(`bad position ${v}`);
        wb.sheets.splice(wb.sheets.indexOf(assertLive(s)), 1);
        wb.sheets.splice(v, 0, s);
      },
    },
    id: { read: (s) => s.id },
    tabColor: {
      read: (s) => s.tabColor,
      write: (s, v: string) => {
        assertLive(s).tabColor = v;
      },
    },
  };

  override _model(): SheetModel {
    return assertLive(super._model());
  }

  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    return sheetProxy(
      this._ctx,
      () => {
        const sheet = this._modelOrNull();
        if (sheet === null || sheet.deleted) return null;
        const sheets = this._ctx._fake.model.sheets;
        return sheets.slice(sheets.indexOf(sheet) + 1).find((s) => !visibleOnly || s.visibility === "Visible") ?? null;
      },
      true,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return rangeProxy(this._ctx, () => {
      const sheet = this._model();
      return { sheet, rect: sheet.usedRange(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return rangeProxy(
      this._ctx,
      () => {
        const sheet = this._modelOrNull();
        if (sheet === null) return null;
        const rect = assertLive(sheet).usedRange(valuesOnly === true);
        return rect === undefined ? null : { sheet, rect };
      },
      true,
    );
  }

  getRange(address?: string): FakeRange {
    return rangeProxy(this._ctx, () => ({
      sheet: this._model(),
      rect: address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } : parseA1Range(address),
    }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return rangeProxy(this._ctx, () => {
      if (rowCount < 1 || columnCount < 1) throw invalidArgument("rowCount and columnCount must be at least 1.", "Worksheet.getRangeByIndexes");
      return {
        sheet: this._model(),
        rect: normalize({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }),
      };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRanges(address: string): FakeRangeAreas {
    return make(
      new FakeRangeAreas(this._ctx, () => ({
        sheet: this._model(),
        rects: address.split(/[,;]/).map((part) => parseA1Range(part)),
      })),
    );
  }

  delete(): void {
    this._call("delete", (sheet) => {
      const wb = this._ctx._fake.model;
      assertStructureEditable(wb, "Worksheet.delete");
      if (sheet.visibility === "Visible" && wb.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      }
      wb.removeSheet(sheet);
    });
  }

  activate(): void {
    this._call("activate", (sheet) => {
      if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.", "Worksheet.activate");
      this._ctx._fake.model.activeSheetId = sheet.id;
    });
  }

  get protection(): FakeWorksheetProtection {
    return make(new FakeWorksheetProtection(this._ctx, () => this._model()));
  }

  get freezePanes(): FakeFreezePanes {
    return make(new FakeFreezePanes(this._ctx, () => this._model()));
  }

  get pageLayout(): FakePageLayout {
    return make(new FakePageLayout(this._ctx, () => this._model()));
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return make(new FakePageBreakCollection(this._ctx, () => this._model()));
  }

  get names(): FakeNamedItemCollection {
    return make(new FakeNamedItemCollection(this._ctx, () => this._model()));
  }

  get charts(): FakeChartCollection {
    return make(new FakeChartCollection(this._ctx, () => this._model()));
  }

  /**
   * `Worksheet.onChanged` (ExcelApi 1.7). Handlers are registered at the next sync and called for
   * a user's edits of this sheet (`WorkbookModel.userEdited`); the add-in's own writes do not
   * raise it here (Excel raises it for them too — callers read again after their own writes).
   */
  get onChanged(): FakeWorksheetChangedHandlers {
    return make(new FakeWorksheetChangedHandlers(this._ctx, () => this._model()));
  }
}
install(FakeWorksheet);

type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** `OfficeExtension.EventHandlers` of `Worksheet.onChanged`: `add` only (the subset used). */
export class FakeWorksheetChangedHandlers {
  readonly _typeName = "EventHandlers";
  private readonly ctx: FakeRequestContext;
  private readonly sheet: () => SheetModel;

  constructor(ctx: FakeRequestContext, sheet: () => SheetModel) {
    this.ctx = ctx;
    this.sheet = sheet;
  }

  add(handler: ChangedHandler): FakeEventHandlerResult {
    if (typeof handler !== "function") throw new FakeApiMisuse("EventHandlers.add needs a function");
    const result = make(new FakeEventHandlerResult(this.ctx));
    this.ctx._enqueue(
      "Worksheet.onChanged.add",
      () => {
        const id = this.sheet().id;
        const registry = this.ctx._fake._changedHandlers;
        const set = registry.get(id) ?? new Set<ChangedHandler>();
        set.add(handler);
        registry.set(id, set);
        result._state.registered = { id, handler };
      },
      false,
    );
    return result;
  }
}

/** `OfficeExtension.EventHandlerResult`: removes its handler at the next sync of its own context. */
export class FakeEventHandlerResult {
  readonly _typeName = "EventHandlerResult";
  private readonly ctx: FakeRequestContext;
  /** @internal Set when the registering sync ran (a holder: the strict proxy refuses plain sets). */
  readonly _state: { registered: { readonly id: string; readonly handler: ChangedHandler } | null } = { registered: null };

  constructor(ctx: FakeRequestContext) {
    this.ctx = ctx;
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  remove(): void {
    this.ctx._enqueue(
      "EventHandlerResult.remove",
      () => {
        const registered = this._state.registered;
        if (registered === null) throw new FakeOfficeError("InvalidOperation", "The handler was never registered.", "EventHandlerResult.remove");
        this.ctx._fake._changedHandlers.get(registered.id)?.delete(registered.handler);
        this._state.registered = null;
      },
      false,
    );
  }
}

export class FakeWorksheetProtection extends FakeObject<SheetModel> {
  readonly _typeName = "WorksheetProtection";
  static props: PropTable<SheetModel> = { protected: { read: (s) => s.isProtected } };

  protect(): void {
    this._call("protect", (s) => {
      s.isProtected = true;
    });
  }

  unprotect(): void {
    this._call("unprotect", (s) => {
      s.isProtected = false;
    });
  }
}
install(FakeWorksheetProtection);

export class FakeFreezePanes extends FakeObject<SheetModel> {
  readonly _typeName = "WorksheetFreezePanes";
  static props: PropTable<SheetModel> = {};

  freezeRows(count = 1): void {
    this._call("freezeRows", (s) => {
      s.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", (s) => {
      s.freeze = { rows: 0, columns: count };
    });
  }

  freezeAt(frozen: FakeRange | string): void {
    this._call("freezeAt", (s) => {
      const rect = typeof frozen === "string" ? parseA1Range(frozen) : frozen._model().rect;
      if (rect.top !== 0 || rect.left !== 0) throw invalidArgument("The frozen range must start at A1.", "WorksheetFreezePanes.freezeAt");
      s.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", (s) => {
      s.freeze = null;
    });
  }
}
install(FakeFreezePanes);

export class FakeNamedItemCollection extends FakeObject<SheetModel> {
  readonly _typeName = "NamedItemCollection";
  static props: PropTable<SheetModel> = {};

  add(name: string, reference: FakeRange | string, _comment?: string): void {
    this._call("add", (s) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
        throw invalidArgument(`The name '${name}' is not valid.`, "NamedItemCollection.add");
      }
      if ([...s.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name '${name}' already exists.`, "NamedItemCollection.add");
      }
      s.names.set(name, typeof reference === "string" ? reference : { sheet: reference._model().sheet, range: reference._model().rect });
    });
  }
}
install(FakeNamedItemCollection);
