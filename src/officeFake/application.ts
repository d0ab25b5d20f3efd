/**
 * The fake application: `FakeExcel` (the workbook model, `run` like `Excel.run`, sync counting,
 * injected failures, change events) and the request context whose `sync()` runs the queued work.
 */
import { SheetModel, WorkbookModel, type StoredValue } from "./model";
import { FakeApiMisuse, FakeObject, FakeOfficeError, NEWEST_EXCEL_API, compareVersions, make, strict } from "./base";
import { rangeAddress, type CellRange } from "../core/grid";
import { FakeWorkbook } from "./workbook";

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

export interface ArmedRule extends FailureRule {
  readonly atSync?: number;
}

export interface QueuedOp {
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
  /**
   * Cells requested through per-cell reads (`values`, `valueTypes`, `numberFormat`, `formulas`):
   * a reader of a used range stretched by one stray cell must not request the empty rectangle.
   */
  cellsRequested = 0;
  /** Computes formula values; without it formula cells read their cached value (or blank). */
  calculator: FormulaCalculator | undefined;
  /**
   * The requirement sets this Excel supports (default: the newest ExcelApi the typings know). A
   * member above them throws `ApiNotFound`, e.g. `{ ExcelApi: "1.9" }` for the manifest's minimum.
   */
  requirementSets: Readonly<Record<string, string>> = { ExcelApi: NEWEST_EXCEL_API };

  /** Like `Office.context.requirements.isSetSupported`, for the configured sets. */
  isSetSupported(name: string, version = "1.1"): boolean {
    const supported = this.requirementSets[name];
    return supported !== undefined && compareVersions(supported, version) >= 0;
  }

  /**
   * The user is editing a cell: Excel then refuses every queued operation with
   * `InvalidOperationInCellEditMode` (the most common real error; docs/excel.md).
   */
  cellEditMode = false;
  /**
   * The most bytes of loaded values one sync may return (Excel on the web: 5 MB), or none. A sync
   * whose loads come to more fails with `ResponsePayloadSizeLimitExceeded`, as Excel does, with its
   * operations applied and its loads discarded. Measured as the JSON of every loaded value.
   */
  responsePayloadLimit: number | undefined;
  /** With a limit set: the bytes of loaded values each successful sync returned. */
  readonly responseBytes: number[] = [];
  /**
   * The most bytes one sync's request may carry (Excel on the web: 5 MB, "RequestPayloadSizeLimitExceeded"
   * in Microsoft's error table), or none. Measured as the add-in's sets and calls since the last
   * sync (`REQUEST_ACTION_BYTES` plus the JSON of each value or argument list). A request over it is
   * refused whole, before Excel runs any of it: nothing is applied, nothing loaded.
   */
  requestPayloadLimit: number | undefined;
  /** With a request limit set: the bytes of each sync's request (refused ones too). */
  readonly requestBytes: number[] = [];
  private readonly rules: ArmedRule[] = [];
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  /** @internal `Worksheet.onChanged` handlers registered at a sync, by sheet id. */
  readonly _changedHandlers = new Map<string, Set<(args: Excel.WorksheetChangedEventArgs) => Promise<unknown>>>();

  constructor(model: WorkbookModel = new WorkbookModel()) {
    this.model = model;
    // A user's edit raises the sheet's onChanged, after the edit (events are asynchronous in Excel).
    model.onUserEdit((sheet, range) => this._raiseChanged(sheet, range));
  }

  /** @internal Calls the sheet's onChanged handlers with Excel's event arguments. */
  _raiseChanged(sheet: SheetModel, range: CellRange): void {
    const handlers = this._changedHandlers.get(sheet.id);
    if (handlers === undefined || handlers.size === 0) return;
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: rangeAddress(range),
      changeType: "RangeEdited",
      source: "Local",
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const handler of [...handlers]) {
      setTimeout(() => void handler(args).catch(() => undefined), 0);
    }
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
    if (this.cellEditMode) {
      return new FakeOfficeError("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode.", op.name);
    }
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


export class FakeRequestContext {
  readonly _fake: FakeExcel;
  _queue: QueuedOp[] = [];
  /** The request since the last sync, measured while the workbook has a request limit (see `strict`). */
  _requestBytes = 0;
  _requestDepth = 0;
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
    const request = this._requestBytes;
    this._requestBytes = 0;
    await Promise.resolve();
    if (fake.requestPayloadLimit !== undefined) {
      fake.requestBytes.push(request);
      // The request never reaches the workbook: nothing of it runs.
      if (request > fake.requestPayloadLimit) {
        throw new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
        );
      }
    }
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
      if (fake.responsePayloadLimit !== undefined) {
        const bytes = this._staged.reduce((sum, { value }) => sum + responseBytes(value), 0);
        if (bytes > fake.responsePayloadLimit) {
          throw new FakeOfficeError(
            "ResponsePayloadSizeLimitExceeded",
            "The size of the payload exceeded the limit. Read the documentation: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
          );
        }
        fake.responseBytes.push(bytes);
      }
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

const encoder = new TextEncoder();

/** UTF-8 bytes of a loaded value as JSON (a loaded proxy, such as a collection's items, counts as a reference). */
function responseBytes(value: unknown): number {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof FakeObject ? 0 : v));
  return text === undefined ? 0 : encoder.encode(text).length;
}
