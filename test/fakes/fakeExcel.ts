/**
 * An in-memory Excel behind the subset of the Office.js object model Budgetlys uses, with the
 * real rules enforced: proxies queue work until `context.sync()`; a property read before it was
 * loaded *and* synced throws `PropertyNotLoaded`; an unknown property or method throws (a
 * misspelled call cannot pass); queued writes take effect at sync, in order, and a failing one
 * stops the batch with the earlier ones applied (Office.js batches are not transactions);
 * protected sheets refuse changes at sync; syncs are counted; a sync or an operation can be made
 * to fail on purpose. See `README.md` in this folder for the supported subset.
 *
 * Free of test-framework imports: the preview host uses it as its in-browser workbook.
 */
import type { CellRange } from "../../src/core/grid";
import { columnIndex, quoteSheetName, rangeAddress } from "../../src/core/grid";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  SheetModel,
  WorkbookModel,
  enterInput,
  formulaProblem,
  intersection,
  intersects,
  runs,
  type CellFormatModel,
  type CellModel,
  type ChartModel,
  type ConditionalFormatModel,
  type StoredValue,
  type ValidationModel,
} from "./fakeModel";

export { SheetModel, WorkbookModel } from "./fakeModel";

/** An error as Office.js raises it (`OfficeExtension.Error`: a `code` and a message). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

/** A mistake in the calling code that Office.js would also reject (unknown member, bad argument). */
export class FakeApiMisuse extends TypeError {
  constructor(message: string) {
    super(`FakeExcel: ${message}`);
    this.name = "FakeApiMisuse";
  }
}

/** Computes a formula's value (the preview plugs HyperFormula in here). */
export type FormulaCalculator = (cell: {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}) => StoredValue | undefined;

/** Makes a sync or an operation fail on purpose. */
export interface FailureRule {
  /** Fail the n-th sync from now (1 = the next one). */
  readonly sync?: number;
  /** Fail the first operation whose name matches, e.g. "Worksheet.add", "Range.formulas", "ConditionalFormatCollection.add". */
  readonly operation?: string | RegExp;
  /** With `sync`: apply this many operations of that sync first (default 0). */
  readonly afterOperations?: number;
  readonly code?: string;
  readonly message?: string;
}

/** What changed at a sync. */
export interface ChangeEvent {
  readonly sheets: readonly string[];
}

interface ArmedRule extends FailureRule {
  readonly atSync?: number;
}

interface QueuedOp {
  readonly name: string;
  readonly run: () => void;
  readonly mutates: boolean;
}

/** The fake application: holds the workbook model and hands out request contexts. */
export class FakeExcel {
  readonly model: WorkbookModel;
  /** Every `context.sync()` ever made against this workbook. */
  syncCount = 0;
  /** Every queued operation ever executed (for tests of batching). */
  operationCount = 0;
  /** Computes formula values; without it formula cells read their cached value (or blank). */
  calculator: FormulaCalculator | undefined;
  private readonly rules: ArmedRule[] = [];
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(model: WorkbookModel = new WorkbookModel()) {
    this.model = model;
  }

  /** Like `Excel.run`: a fresh request context for the batch; pending work must be synced. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(strict(context, "RequestContext") as unknown as Excel.RequestContext);
    if (context._pendingCount() > 0) {
      throw new FakeApiMisuse(`the batch ended with ${context._pendingCount()} queued operation(s) never synced`);
    }
    return result;
  };

  /** Arms a failure (see {@link FailureRule}); each rule fires once. */
  failOn(rule: FailureRule): void {
    this.rules.push({ ...rule, ...(rule.sync === undefined ? {} : { atSync: this.syncCount + rule.sync }) });
  }

  clearFailures(): void {
    this.rules.length = 0;
  }

  /** Listens to changes (after every sync that changed something). Returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The value a reader sees in a cell: the calculator's result for formulas when set. */
  displayValue(sheet: SheetModel, row: number, col: number): StoredValue {
    const cell = sheet.peek(row, col);
    if (cell === undefined) return null;
    if (cell.formula !== null && this.calculator !== undefined) {
      const computed = this.calculator({ sheet: sheet.name, row, col, formula: cell.formula });
      if (computed !== undefined) return computed;
    }
    return cell.value;
  }

  /** @internal */
  _failureFor(syncNumber: number, op: QueuedOp, indexInSync: number): FakeOfficeError | undefined {
    const index = this.rules.findIndex((rule) => {
      if (rule.atSync !== undefined && rule.atSync !== syncNumber) return false;
      if (rule.operation !== undefined) {
        return typeof rule.operation === "string" ? op.name === rule.operation : rule.operation.test(op.name);
      }
      return indexInSync >= (rule.afterOperations ?? 0);
    });
    if (index < 0) return undefined;
    const rule = this.rules[index] as ArmedRule;
    this.rules.splice(index, 1);
    return new FakeOfficeError(rule.code ?? "GeneralException", rule.message ?? `Injected failure at ${op.name}`, op.name);
  }

  /** @internal A sync-numbered rule whose operations ran out (an empty or short sync). */
  _failureAtEnd(syncNumber: number): FakeOfficeError | undefined {
    const index = this.rules.findIndex((rule) => rule.atSync === syncNumber && rule.operation === undefined);
    if (index < 0) return undefined;
    const rule = this.rules[index] as ArmedRule;
    this.rules.splice(index, 1);
    return new FakeOfficeError(rule.code ?? "GeneralException", rule.message ?? `Injected failure at sync ${syncNumber}`);
  }

  /** @internal */
  _notify(sheets: Set<string>): void {
    const event: ChangeEvent = { sheets: [...sheets] };
    for (const listener of this.listeners) listener(event);
  }
}

// ---------------------------------------------------------------------------------------------
// Strictness: unknown members throw.

/** Keys that runtimes and test printers probe; reading them is not a call into Office.js. */
const PROBED_KEYS = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "_isMockFunction",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "inspect",
  "toString",
  "valueOf",
]);

function hasSetter(target: object, prop: string): boolean {
  let proto: object | null = target;
  while (proto !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (descriptor !== undefined) return descriptor.set !== undefined || (descriptor.writable === true && prop.startsWith("_"));
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return prop.startsWith("_");
}

/** Wraps an object so that reading an unknown member or setting a read-only one throws. */
function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === "symbol" || prop in obj) return Reflect.get(obj, prop, receiver) as unknown;
      if (PROBED_KEYS.has(prop)) return undefined;
      throw new FakeApiMisuse(`${typeName}.${prop} does not exist (not in Office.js, or not in the fake's subset)`);
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === "string" && hasSetter(obj, prop)) return Reflect.set(obj, prop, value, receiver);
      throw new FakeApiMisuse(`${typeName}.${String(prop)} cannot be set`);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The request context and the client-object base.

class FakeRequestContext {
  readonly _fake: FakeExcel;
  _queue: QueuedOp[] = [];
  _staged: { target: { readonly _loaded: Map<string, unknown> }; name: string; value: unknown }[] = [];
  private _workbook: FakeWorkbook | undefined;

  constructor(fake: FakeExcel) {
    this._fake = fake;
  }

  get workbook(): FakeWorkbook {
    this._workbook ??= make(new FakeWorkbook(this, () => this._fake.model));
    return this._workbook;
  }

  _pendingCount(): number {
    return this._queue.length;
  }

  _enqueue(name: string, run: () => void, mutates = true): void {
    this._queue.push({ name, run, mutates });
  }

  _stage(target: { readonly _loaded: Map<string, unknown> }, name: string, value: unknown): void {
    this._staged.push({ target, name, value });
  }

  async sync(): Promise<void> {
    const fake = this._fake;
    const syncNumber = ++fake.syncCount;
    const queue = this._queue;
    this._queue = [];
    this._staged = [];
    await Promise.resolve();
    const touched = new Set<string>();
    let mutated = false;
    try {
      queue.forEach((op, index) => {
        const injected = fake._failureFor(syncNumber, op, index);
        if (injected !== undefined) throw injected;
        fake.operationCount++;
        op.run();
        if (op.mutates) {
          mutated = true;
          for (const sheet of fake.model.sheets) touched.add(sheet.name);
        }
      });
      const late = fake._failureAtEnd(syncNumber);
      if (late !== undefined) throw late;
    } catch (error) {
      this._staged = [];
      if (mutated) fake._notify(touched);
      throw error;
    }
    for (const { target, name, value } of this._staged) target._loaded.set(name, value);
    this._staged = [];
    if (mutated) fake._notify(touched);
  }
}

type PropTable<M> = Record<string, { read?: (model: M, self: never) => unknown; write?: (model: M, value: never, self: never) => void }>;

function make<T extends { readonly _typeName: string }>(object: T): T {
  return strict(object, object._typeName);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

function notLoaded(typeName: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );
}

/** Base of every proxy: lazy resolution at sync, load/sync bookkeeping, null objects. */
abstract class FakeObject<M> {
  readonly _ctx: FakeRequestContext;
  readonly _resolver: () => M | null;
  readonly _nullable: boolean;
  _resolved: { model: M | null } | undefined;
  readonly _loaded = new Map<string, unknown>();
  abstract readonly _typeName: string;

  constructor(ctx: FakeRequestContext, resolver: () => M | null, nullable = false) {
    this._ctx = ctx;
    this._resolver = resolver;
    this._nullable = nullable;
    if (nullable) {
      ctx._enqueue(`${new.target.name.replace(/^Fake/, "")}.isNullObject`, () => ctx._stage(this, "isNullObject", this._modelOrNull() === null), false);
    }
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (!this._loaded.has("isNullObject")) throw notLoaded(this._typeName, "isNullObject");
    return this._loaded.get("isNullObject") === true;
  }

  /** The object's properties, defined by each subclass. */
  _table(): PropTable<M> {
    return (this.constructor as unknown as { props: PropTable<M> }).props;
  }

  _modelOrNull(): M | null {
    if (this._resolved === undefined) this._resolved = { model: this._resolver() };
    return this._resolved.model;
  }

  _model(): M {
    const model = this._modelOrNull();
    if (model === null) {
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this._typeName} is a null object).`, this._typeName);
    }
    return model;
  }

  _get(name: string): unknown {
    if (!this._loaded.has(name)) {
      if (this._loaded.get("isNullObject") === true) {
        throw new FakeOfficeError("InvalidObjectPath", `${this._typeName} is a null object: '${name}' cannot be read.`);
      }
      throw notLoaded(this._typeName, name);
    }
    return this._loaded.get(name);
  }

  _set(name: string, value: unknown): void {
    const def = this._table()[name];
    if (def?.write === undefined) throw new FakeApiMisuse(`${this._typeName}.${name} is read-only`);
    const copy = clone(value);
    this._ctx._enqueue(`${this._typeName}.${name}`, () => (def.write as (m: M, v: unknown, s: unknown) => void)(this._model(), copy, this));
  }

  _call(name: string, run: (model: M) => void): void {
    this._ctx._enqueue(`${this._typeName}.${name}`, () => run(this._model()));
  }

  load(spec?: string | string[] | { select?: string }): this {
    const names = parseLoad(spec) ?? Object.keys(this._table()).filter((n) => this._table()[n]?.read !== undefined);
    for (const name of names) {
      if (this._table()[name]?.read === undefined) throw new FakeApiMisuse(`${this._typeName} has no loadable property '${name}'`);
    }
    this._ctx._enqueue(
      `${this._typeName}.load`,
      () => {
        const model = this._modelOrNull();
        if (model === null) return;
        for (const name of names) {
          const read = this._table()[name]?.read as (m: M, s: unknown) => unknown;
          this._ctx._stage(this, name, clone(read(model, this)));
        }
      },
      false,
    );
    return this;
  }
}

function parseLoad(spec: string | string[] | { select?: string } | undefined): string[] | undefined {
  if (spec === undefined) return undefined;
  const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const name of names) {
    if (name.includes("/")) throw new FakeApiMisuse(`navigational load '${name}' is not supported: load the object itself`);
  }
  return names;
}

/** Installs property accessors from each class's `props` table. */
function install(cls: { prototype: object; props: PropTable<never> }): void {
  for (const [name, def] of Object.entries(cls.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject<unknown>) {
        return this._get(name);
      },
      ...(def.write === undefined
        ? {}
        : {
            set(this: FakeObject<unknown>, value: unknown) {
              this._set(name, value);
            },
          }),
    });
  }
}

/** Loads of a collection: "items", "name", "items/name" → item property names. */
function parseCollectionLoad(spec: string | string[] | { select?: string } | undefined, itemProps: readonly string[]): string[] {
  const text = spec === undefined ? "items" : typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = new Set<string>();
  for (const raw of text.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    if (raw === "items") {
      for (const p of itemProps) names.add(p);
      continue;
    }
    const name = raw.startsWith("items/") ? raw.slice("items/".length) : raw;
    if (!itemProps.includes(name)) throw new FakeApiMisuse(`collection items have no loadable property '${name}'`);
    names.add(name);
  }
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// Errors Excel raises.

function accessDenied(location: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    location,
  );
}

function invalidArgument(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, location);
}

function assertStructureEditable(wb: WorkbookModel, location: string): void {
  if (wb.structureProtected) {
    throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected. Unprotect the workbook to add, delete, move or rename sheets.", location);
  }
}

function assertLive(sheet: SheetModel): SheetModel {
  if (sheet.deleted) throw new FakeOfficeError("InvalidObjectPath", `The worksheet '${sheet.name}' no longer exists.`);
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Addresses.

interface Target {
  readonly sheet: SheetModel;
  readonly rects: readonly CellRange[];
}

const A1 = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses "B5", "B5:D9", "$B$5", "C:E", "3:7" (an optional sheet prefix is dropped). */
export function parseA1Range(address: string): CellRange {
  const text = address.trim().replace(/^(?:'(?:[^']|'')+'|[^'!]+)!/, "");
  const [startText, endText = startText] = text.split(":") as [string, string?];
  const start = A1.exec(startText ?? "");
  const end = A1.exec(endText ?? "");
  if (start === null || end === null || (start[1] === undefined && start[2] === undefined)) {
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format (address '${address}').`);
  }
  const colOf = (m: RegExpExecArray, fallback: number) => (m[1] === undefined ? fallback : columnIndex(m[1]));
  const rowOf = (m: RegExpExecArray, fallback: number) => (m[2] === undefined ? fallback : Number(m[2]) - 1);
  const rect = {
    top: rowOf(start, 0),
    left: colOf(start, 0),
    bottom: rowOf(end, MAX_ROWS - 1),
    right: colOf(end, MAX_COLUMNS - 1),
  };
  if ((start[1] === undefined) !== (end[1] === undefined) || (start[2] === undefined) !== (end[2] === undefined)) {
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format (address '${address}').`);
  }
  return normalize(rect);
}

function normalize(r: CellRange): CellRange {
  const out = {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
  if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLUMNS) {
    throw invalidArgument("The range is outside the worksheet.");
  }
  return out;
}

/** "Sheet1!A1:B2" as Excel writes it. */
function fullAddress(sheet: SheetModel, rect: CellRange): string {
  const allRows = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  const allCols = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  let local: string;
  if (allRows && !allCols) {
    local = `${rangeAddress({ ...rect, top: 0, bottom: 0 }).replace(/\d+/g, "")}`;
    if (!local.includes(":")) local = `${local}:${local}`;
  } else if (allCols && !allRows) {
    local = `${rect.top + 1}:${rect.bottom + 1}`;
  } else {
    local = rangeAddress(rect);
  }
  return `${quoteSheetName(sheet.name)}!${local}`;
}

function rectCells(rect: CellRange, limit = 2_000_000): number {
  const n = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  if (n > limit) throw new FakeApiMisuse(`a per-cell operation over ${n} cells is more than the fake supports`);
  return n;
}

function forEachCell(rect: CellRange, fn: (row: number, col: number) => void): void {
  rectCells(rect);
  for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) fn(row, col);
}

function sameShape(value: unknown, rect: CellRange, location: string): unknown[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw invalidArgument("The number of rows or columns in the input array doesn't match the size or dimensions of the range.", location);
  }
  return value as unknown[][];
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets.

class FakeWorkbook extends FakeObject<WorkbookModel> {
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

const SHEET_ITEM_PROPS = ["name", "visibility", "position", "id", "tabColor"] as const;

function sheetProxy(ctx: FakeRequestContext, resolver: () => SheetModel | null, nullable = false): FakeWorksheet {
  return make(new FakeWorksheet(ctx, resolver, nullable));
}

function validateSheetName(wb: WorkbookModel, name: string, self: SheetModel | undefined, location: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw invalidArgument(`The sheet name '${name}' is not valid.`, location);
  }
  const other = wb.sheetByName(name);
  if (other !== undefined && other !== self) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`, location);
  }
}

class FakeWorksheetCollection extends FakeObject<WorkbookModel> {
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

function readSheetProp(wb: WorkbookModel, sheet: SheetModel, name: string): unknown {
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

class FakeWorksheet extends FakeObject<SheetModel> {
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

  get names(): FakeNamedItemCollection {
    return make(new FakeNamedItemCollection(this._ctx, () => this._model()));
  }

  get charts(): FakeChartCollection {
    return make(new FakeChartCollection(this._ctx, () => this._model()));
  }
}
install(FakeWorksheet);

class FakeWorksheetProtection extends FakeObject<SheetModel> {
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

class FakeFreezePanes extends FakeObject<SheetModel> {
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

class FakePageLayout extends FakeObject<SheetModel> {
  readonly _typeName = "PageLayout";
  static props: PropTable<SheetModel> = {
    paperSize: {
      read: (s) => s.pageLayout.paperSize ?? "Letter",
      write: (s, v: string) => {
        s.pageLayout.paperSize = v;
      },
    },
    orientation: {
      read: (s) => s.pageLayout.orientation ?? "Portrait",
      write: (s, v: string) => {
        if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(`bad orientation ${v}`);
        s.pageLayout.orientation = v;
      },
    },
    zoom: {
      read: (s) => s.pageLayout.zoom ?? { scale: 100 },
      write: (s, v: Record<string, unknown>) => {
        s.pageLayout.zoom = v;
      },
    },
  };

  get headersFooters(): FakeHeaderFooterGroup {
    return make(new FakeHeaderFooterGroup(this._ctx, () => this._model()));
  }

  setPrintTitleRows(rows: FakeRange | string): void {
    this._call("setPrintTitleRows", (s) => {
      const rect = typeof rows === "string" ? parseA1Range(rows) : rows._model().rect;
      if (rect.left !== 0 || rect.right !== MAX_COLUMNS - 1) throw invalidArgument("The print title rows must span entire rows.", "PageLayout.setPrintTitleRows");
      s.pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }

  setPrintArea(area: FakeRange | string): void {
    this._call("setPrintArea", (s) => {
      const rect = typeof area === "string" ? parseA1Range(area) : area._model().rect;
      s.pageLayout.printArea = rangeAddress(rect);
    });
  }
}
install(FakePageLayout);

class FakeHeaderFooterGroup extends FakeObject<SheetModel> {
  readonly _typeName = "HeaderFooterGroup";
  static props: PropTable<SheetModel> = {};

  get defaultForAllPages(): FakeHeaderFooter {
    return make(new FakeHeaderFooter(this._ctx, () => this._model()));
  }
}
install(FakeHeaderFooterGroup);

const HEADER_FOOTER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

class FakeHeaderFooter extends FakeObject<SheetModel> {
  readonly _typeName = "HeaderFooter";
  static props: PropTable<SheetModel> = Object.fromEntries(
    HEADER_FOOTER_PARTS.map((part) => [
      part,
      {
        read: (s: SheetModel) => s.pageLayout.headersFooters[part] ?? "",
        write: (s: SheetModel, v: string) => {
          s.pageLayout.headersFooters[part] = v;
        },
      },
    ]),
  );
}
install(FakeHeaderFooter);

class FakeNamedItemCollection extends FakeObject<SheetModel> {
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

class FakeChartCollection extends FakeObject<SheetModel> {
  readonly _typeName = "ChartCollection";
  static props: PropTable<SheetModel> = {};

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartModel | undefined;
    this._call("add", (s) => {
      if (s.isProtected) throw accessDenied("ChartCollection.add");
      const source = sourceData._model();
      created = { type, source: { sheet: source.sheet, range: source.rect }, seriesBy };
      s.charts.push(created);
    });
    return make(
      new FakeChart(this._ctx, () => {
        if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "The chart was never created.");
        return created;
      }),
    );
  }
}
install(FakeChartCollection);

class FakeChart extends FakeObject<ChartModel> {
  readonly _typeName = "Chart";
  static props: PropTable<ChartModel> = {
    name: {
      read: (c) => c.name ?? "",
      write: (c, v: string) => {
        c.name = v;
      },
    },
  };

  get title(): FakeChartTitle {
    return make(new FakeChartTitle(this._ctx, () => this._model()));
  }

  get series(): FakeChartSeriesCollection {
    return make(new FakeChartSeriesCollection(this._ctx, () => this._model()));
  }

  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this._call("setPosition", (c) => {
      const a = (r: FakeRange | string) => (typeof r === "string" ? rangeAddress(parseA1Range(r)) : rangeAddress(r._model().rect));
      c.position = { start: a(start), ...(end === undefined ? {} : { end: a(end) }) };
    });
  }
}
install(FakeChart);

class FakeChartTitle extends FakeObject<ChartModel> {
  readonly _typeName = "ChartTitle";
  static props: PropTable<ChartModel> = {
    text: {
      read: (c) => c.title ?? "",
      write: (c, v: string) => {
        c.title = v;
      },
    },
  };
}
install(FakeChartTitle);

class FakeChartSeriesCollection extends FakeObject<ChartModel> {
  readonly _typeName = "ChartSeriesCollection";
  static props: PropTable<ChartModel> = {};

  getItemAt(index: number): FakeChartSeries {
    return make(
      new FakeChartSeries(this._ctx, () => {
        if (index !== 0) throw new FakeOfficeError("ItemNotFound", `The fake's charts have one series (asked for ${index}).`);
        return this._model();
      }),
    );
  }
}
install(FakeChartSeriesCollection);

class FakeChartSeries extends FakeObject<ChartModel> {
  readonly _typeName = "ChartSeries";
  static props: PropTable<ChartModel> = {};

  setXAxisValues(source: FakeRange): void {
    this._call("setXAxisValues", (c) => {
      const m = source._model();
      c.xAxisValues = { sheet: m.sheet, range: m.rect };
    });
  }
}
install(FakeChartSeries);

// ---------------------------------------------------------------------------------------------
// Ranges.

interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: CellRange;
}

function rangeProxy(ctx: FakeRequestContext, resolver: () => RangeRef | null, nullable = false): FakeRange {
  return make(new FakeRange(ctx, resolver, nullable));
}

function grid<T>(fake: FakeExcel, ref: RangeRef, fn: (cell: CellModel | undefined, row: number, col: number) => T): T[][] {
  rectCells(ref.rect, 5_000_000);
  const out: T[][] = [];
  for (let row = ref.rect.top; row <= ref.rect.bottom; row++) {
    const line: T[] = [];
    for (let col = ref.rect.left; col <= ref.rect.right; col++) line.push(fn(ref.sheet.peek(row, col), row, col));
    out.push(line);
  }
  void fake;
  return out;
}

/** A stored value as `Range.values` returns it: blank "", errors as their text. */
function apiValue(value: StoredValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

function valueType(value: StoredValue): string {
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

function hiddenState(count: number, isHidden: (i: number) => boolean, from: number, to: number): boolean | null {
  let hidden = 0;
  for (let i = from; i <= to; i++) if (isHidden(i)) hidden++;
  void count;
  return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
}

function writeContent(fake: FakeExcel, ref: RangeRef, value: unknown, location: string): void {
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

class FakeRange extends FakeObject<RangeRef> {
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
    if (cellType !== "Visible") throw new FakeApiMisuse(`getSpecialCellsOrNullObject("${cellType}") is not in the fake's subset (only "Visible")`);
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

interface AreasRef {
  readonly sheet: SheetModel;
  readonly rects: readonly CellRange[];
}

class FakeRangeAreas extends FakeObject<AreasRef> {
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

// ---------------------------------------------------------------------------------------------
// Formats.

function formatCells(t: Target, location: string, fn: (format: CellFormatModel, row: number, col: number, rect: CellRange) => void): void {
  if (assertLive(t.sheet).isProtected) throw accessDenied(location);
  for (const rect of t.rects) forEachCell(rect, (row, col) => fn(t.sheet.cell(row, col).format, row, col, rect));
}

function topLeftFormat(t: Target): CellFormatModel {
  const rect = t.rects[0] as CellRange;
  return t.sheet.peek(rect.top, rect.left)?.format ?? {};
}

/** Excel's default column width: 8.43 characters = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;

class FakeRangeFormat extends FakeObject<Target> {
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
        for (const rect of t.rects) for (let c = rect.left; c <= rect.right; c++) t.sheet.columnWidths.set(c, v);
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

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function checkColor(v: unknown, location: string): string {
  if (typeof v !== "string" || !COLOR.test(v)) throw invalidArgument(`The colour '${String(v)}' is not a #RRGGBB colour (the fake accepts no colour names).`, location);
  return v.toUpperCase();
}

class FakeRangeFill extends FakeObject<Target> {
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

function fontProp<K extends keyof CellFormatModel>(key: K, check: (v: unknown) => CellFormatModel[K], fallback: unknown) {
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

const isBool = (v: unknown): boolean => {
  if (typeof v !== "boolean") throw invalidArgument("expected a boolean");
  return v;
};

class FakeRangeFont extends FakeObject<Target> {
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

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

class FakeRangeBorderCollection extends FakeObject<Target> {
  readonly _typeName = "RangeBorderCollection";
  static props: PropTable<Target> = {};

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeApiMisuse(`unknown border index '${index}'`);
    return make(new FakeRangeBorder(this._ctx, () => ({ ...this._model(), index })));
  }
}
install(FakeRangeBorderCollection);

interface BorderRef extends Target {
  readonly index: string;
}

class FakeRangeBorder extends FakeObject<BorderRef> {
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

class FakeFormatProtection extends FakeObject<Target> {
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

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats.

class FakeDataValidation extends FakeObject<Target> {
  readonly _typeName = "DataValidation";
  private _entry: ValidationModel | undefined;
  static props: PropTable<Target> = {
    rule: {
      read: (t, self: FakeDataValidation) => self._find(t)?.rule ?? {},
      write: (t, v: Record<string, unknown>, self: FakeDataValidation) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("DataValidation.rule");
        const list = v.list as { source?: unknown } | undefined;
        if (list === undefined) throw new FakeApiMisuse("only list validations are in the fake's subset");
        if (typeof list.source !== "string" || list.source === "") throw invalidArgument("A list validation needs a source.", "DataValidation.rule");
        self._ensure(t).rule = v;
      },
    },
    errorAlert: {
      read: (t, self: FakeDataValidation) => self._find(t)?.errorAlert ?? {},
      write: (t, v: Record<string, unknown>, self: FakeDataValidation) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("DataValidation.errorAlert");
        self._ensure(t).errorAlert = v;
      },
    },
  };

  _find(t: Target): ValidationModel | undefined {
    return this._entry ?? t.sheet.validations.find((v) => v.ranges.some((r) => t.rects.some((x) => intersects(r, x))));
  }

  _ensure(t: Target): ValidationModel {
    if (this._entry === undefined) {
      // A new rule replaces what the cells had.
      for (const v of t.sheet.validations) {
        if (v.ranges.some((r) => t.rects.some((x) => intersects(r, x)))) throw new FakeApiMisuse("the fake does not split existing validations");
      }
      this._entry = { ranges: t.rects.map((r) => ({ ...r })) };
      t.sheet.validations.push(this._entry);
    }
    return this._entry;
  }

  clear(): void {
    this._call("clear", (t) => {
      if (t.sheet.isProtected) throw accessDenied("DataValidation.clear");
      const keep = t.sheet.validations.filter((v) => !v.ranges.some((r) => t.rects.some((x) => intersects(r, x))));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
    });
  }
}
install(FakeDataValidation);

let nextConditionalFormatId = 1;

class FakeConditionalFormatCollection extends FakeObject<Target> {
  readonly _typeName = "ConditionalFormatCollection";
  static props: PropTable<Target> = {};

  add(type: string): FakeConditionalFormat {
    if (type !== "ContainsText" && type !== "CellValue" && type !== "DataBar") {
      throw new FakeApiMisuse(`conditional format type '${type}' is not in the fake's subset`);
    }
    let created: ConditionalFormatModel | undefined;
    this._call("add", (t) => {
      if (t.sheet.isProtected) throw accessDenied("ConditionalFormatCollection.add");
      created = { id: nextConditionalFormatId++, type, ranges: t.rects.map((r) => ({ ...r })) };
      t.sheet.conditionalFormats.push(created);
    });
    return make(
      new FakeConditionalFormat(this._ctx, () => {
        if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "The conditional format was never created.");
        return { sheet: this._model().sheet, cf: created };
      }),
    );
  }
}
install(FakeConditionalFormatCollection);

interface CfRef {
  readonly sheet: SheetModel;
  readonly cf: ConditionalFormatModel;
}

class FakeConditionalFormat extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalFormat";
  static props: PropTable<CfRef> = { type: { read: (c) => c.cf.type } };

  private _part(type: ConditionalFormatModel["type"]): () => CfRef {
    return () => {
      const ref = this._model();
      if (ref.cf.type !== type) throw new FakeOfficeError("InvalidArgument", `This conditional format is a ${ref.cf.type}, not a ${type}.`);
      return ref;
    };
  }

  get textComparison(): FakeRuleFormat {
    return make(new FakeRuleFormat(this._ctx, this._part("ContainsText"), "TextConditionalFormat"));
  }

  get cellValue(): FakeRuleFormat {
    return make(new FakeRuleFormat(this._ctx, this._part("CellValue"), "CellValueConditionalFormat"));
  }

  get dataBar(): FakeDataBar {
    return make(new FakeDataBar(this._ctx, this._part("DataBar")));
  }

  delete(): void {
    this._call("delete", (c) => {
      if (c.sheet.isProtected) throw accessDenied("ConditionalFormat.delete");
      const i = c.sheet.conditionalFormats.indexOf(c.cf);
      if (i >= 0) c.sheet.conditionalFormats.splice(i, 1);
    });
  }
}
install(FakeConditionalFormat);

class FakeRuleFormat extends FakeObject<CfRef> {
  readonly _typeName: string;
  static props: PropTable<CfRef> = {
    rule: {
      read: (c) => c.cf.rule ?? {},
      write: (c, v: Record<string, unknown>) => {
        if (c.cf.type === "ContainsText" && (typeof v.text !== "string" || !["Contains", "NotContains", "BeginsWith", "EndsWith"].includes(String(v.operator)))) {
          throw invalidArgument("A text comparison needs text and an operator (Contains, NotContains, BeginsWith, EndsWith).");
        }
        if (c.cf.type === "CellValue") {
          if (typeof v.formula1 !== "string" || typeof v.operator !== "string") throw invalidArgument("A cell value rule needs formula1 and an operator.");
          const problem = v.formula1.startsWith("=") ? formulaProblem(v.formula1) : undefined;
          if (problem !== undefined) throw invalidArgument(`bad formula1 (${problem})`);
        }
        c.cf.rule = v;
      },
    },
  };

  constructor(ctx: FakeRequestContext, resolver: () => CfRef, typeName: string) {
    super(ctx, resolver);
    this._typeName = typeName;
  }

  get format(): FakeCfFormat {
    return make(new FakeCfFormat(this._ctx, () => this._model()));
  }
}
install(FakeRuleFormat);

class FakeCfFormat extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalRangeFormat";
  static props: PropTable<CfRef> = {};

  get fill(): FakeCfColor {
    return make(new FakeCfColor(this._ctx, () => this._model(), "fill"));
  }

  get font(): FakeCfColor {
    return make(new FakeCfColor(this._ctx, () => this._model(), "fontColor"));
  }
}
install(FakeCfFormat);

class FakeCfColor extends FakeObject<CfRef> {
  readonly _typeName: string;
  readonly _key: "fill" | "fontColor";
  static props: PropTable<CfRef> = {
    color: {
      read: (c, self: FakeCfColor) => c.cf[self._key] ?? "",
      write: (c, v: string, self: FakeCfColor) => {
        c.cf[self._key] = checkColor(v, `${self._typeName}.color`);
      },
    },
  };

  constructor(ctx: FakeRequestContext, resolver: () => CfRef, key: "fill" | "fontColor") {
    super(ctx, resolver);
    this._key = key;
    this._typeName = key === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
}
install(FakeCfColor);

class FakeDataBar extends FakeObject<CfRef> {
  readonly _typeName = "DataBarConditionalFormat";
  static props: PropTable<CfRef> = {
    barDirection: {
      read: (c) => c.cf.barDirection ?? "Context",
      write: (c, v: string) => {
        if (!["Context", "LeftToRight", "RightToLeft"].includes(v)) throw invalidArgument("bad bar direction");
        c.cf.barDirection = v;
      },
    },
  };

  get positiveFormat(): FakeDataBarPositive {
    return make(new FakeDataBarPositive(this._ctx, () => this._model()));
  }
}
install(FakeDataBar);

class FakeDataBarPositive extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalDataBarPositiveFormat";
  static props: PropTable<CfRef> = {
    fillColor: {
      read: (c) => c.cf.barColor ?? "#638EC6",
      write: (c, v: string) => {
        c.cf.barColor = checkColor(v, "ConditionalDataBarPositiveFormat.fillColor");
      },
    },
  };
}
install(FakeDataBarPositive);

// ---------------------------------------------------------------------------------------------
// Settings.

class FakeSettingCollection extends FakeObject<WorkbookModel> {
  readonly _typeName = "SettingCollection";
  static props: PropTable<WorkbookModel> = {};

  add(key: string, value: unknown): FakeSetting {
    if (typeof key !== "string" || key === "") throw new FakeApiMisuse("a setting needs a key");
    const copy = clone(value);
    this._call("add", (wb) => {
      wb.settings.set(key, copy);
    });
    return make(new FakeSetting(this._ctx, () => (this._model().settings.has(key) ? key : null)));
  }

  getItem(key: string): FakeSetting {
    return make(
      new FakeSetting(this._ctx, () => {
        if (!this._model().settings.has(key)) throw new FakeOfficeError("ItemNotFound", `The setting '${key}' doesn't exist.`, "SettingCollection.getItem");
        return key;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return make(new FakeSetting(this._ctx, () => (this._model().settings.has(key) ? key : null), true));
  }
}
install(FakeSettingCollection);

class FakeSetting extends FakeObject<string> {
  readonly _typeName = "Setting";
  static props: PropTable<string> = {
    key: { read: (k) => k },
    value: {
      read: (k, self: FakeSetting) => self._ctx._fake.model.settings.get(k),
      write: (k, v: unknown, self: FakeSetting) => {
        self._ctx._fake.model.settings.set(k, v);
      },
    },
  };

  delete(): void {
    this._call("delete", (k) => {
      this._ctx._fake.model.settings.delete(k);
    });
  }
}
install(FakeSetting);
