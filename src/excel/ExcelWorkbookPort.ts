/**
 * The Excel host of the two ports: the only place in Budgetlys that calls `Excel.run`. Every
 * action runs in a fixed, small number of `context.sync()` calls whatever the data's size
 * (docs/excel.md has the budget of each and how it is met). Errors leave as
 * {@link WriteFailedError}, {@link WouldOverwriteError} or {@link ExcelPortError}, always with a
 * Danish message; nothing is only logged.
 */
import type { CellRange, SheetGrid } from "../core/grid";
import { rangeAddress } from "../core/grid";
import {
  planRegistryKey,
  readPlanRegistry,
  SETTING_KEYS,
  type BatchItemResult,
  type BatchWriteOptions,
  type PlanUpdate,
  type PlanUpdateResult,
  type SheetPatch,
  type RangeRequest,
  type WorkbookPort,
  type WriteOptions,
  type WriteResult,
} from "../core/ports";
import type { SheetDescription } from "../core/sheetDescription";
import { uniqueSheetName } from "../core/validSheetNames";
import { ExcelPortError, MESSAGES, wouldOverwriteError, writeFailedError, writeIntent } from "./messages";
import { hostErrorCode } from "../core/hostMessage";
import { cellValue, DEFAULT_CELLS_PER_SYNC, readAllSheets, readRowChunks, rechunk, type ReadOptions, type RowChunk } from "./readSheets";
import type { CellValue } from "../core/cell";
import { MAX_BATCH_BYTES, measureDescription, planBatches, splitDescription } from "./payload";
import { undoWrite, type ReplacedSheet } from "./undoWrite";
import { PLAN_RECORD_SHEET, planRecordOf, type PlanRecord } from "../core/planRecord";
import { contradictingSheets, lastRecordRow, queueRecordRead, queueRecordRewrite, queueRecordWrite, recordAfter, recordGrid, recordSheetOf, recordsOf, type ReadRecord } from "./planRecord";
import { boundingRectangle, contains } from "./rectangles";
import { updatePlans } from "./planUpdate";
import {
  mergeCellSpecs,
  queueCellContents,
  queueCellFormats,
  queueColumnWidths,
  queueConditionalFormats,
  queueSheetDescription,
} from "./sheetContent";

/** `Excel.run`'s shape; tests pass the fake's `run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Options of the port. */
export interface ExcelWorkbookPortOptions extends ReadOptions {
  /** Makes the temporary name of a sheet being written (default: random). */
  readonly temporaryName?: () => string;
  /**
   * The most request bytes (as `payload.ts` measures them) one write sync may carry; a sheet over it
   * is written in parts, one sync each (default {@link MAX_BATCH_BYTES}: 4 MB of Excel on the web's 5).
   */
  readonly maxRequestBytes?: number;
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/** Record<"kind|unitKey", sheet name> of generated plans, as stored under SETTING_KEYS.plans. */
type PlanRegistry = Record<string, string>;

/** The stored registry (a setting's value of any type); a registry edited by hand into something else is empty: plans are then found by name only. */
function parseRegistry(value: unknown): PlanRegistry {
  return readPlanRegistry(typeof value === "string" ? value : undefined);
}

/**
 * What every write loads in its first sync: the sheets (name, place, id), the plan registry
 * setting and the active sheet (given back by an undone write).
 */
function queueWriteState(context: Excel.RequestContext): { worksheets: Excel.WorksheetCollection; registrySetting: Excel.Setting; active: Excel.Worksheet } {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position,items/id");
  const registrySetting = context.workbook.settings.getItemOrNullObject(SETTING_KEYS.plans);
  registrySetting.load("value");
  const active = worksheets.getActiveWorksheet();
  active.load("id");
  return { worksheets, registrySetting, active };
}

/** The registry without the entries of sheets that are being replaced. */
function withoutSheets(registry: PlanRegistry, sheets: readonly Excel.Worksheet[]): PlanRegistry {
  const gone = new Set(sheets.map((s) => s.name.toLowerCase()));
  return Object.fromEntries(Object.entries(registry).filter(([, name]) => !gone.has(name.toLowerCase())));
}

function randomTemporaryName(): string {
  return `Budgetlys-${Math.random().toString(36).slice(2, 12)}`;
}

/** Checks a description before anything touches Excel; returns a Danish reason or undefined. */
function descriptionProblem(description: SheetDescription): string | undefined {
  for (const cell of description.cells) {
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0 || cell.row >= 1_048_576 || cell.col >= 16_384) {
      return `cellen (${cell.row}, ${cell.col}) ligger uden for et regneark.`;
    }
    if (cell.formula !== undefined && cell.value !== undefined) return `cellen ${rangeAddress({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col })} har både værdi og formel.`;
    if (cell.formula !== undefined && !cell.formula.startsWith("=")) return `formlen "${cell.formula}" begynder ikke med =.`;
    if (typeof cell.value === "number" && !Number.isFinite(cell.value)) return "en celle har et tal, der ikke er endeligt.";
  }
  for (const validation of description.validations ?? []) {
    if (validation.values.some((v) => v.includes(","))) return "en valgliste indeholder et komma.";
  }
  return undefined;
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly options: ExcelWorkbookPortOptions;

  constructor(run: ExcelRun = defaultRun, options: ExcelWorkbookPortOptions = {}) {
    this.run = run;
    this.options = options;
  }

  /** Cells per sync learnt from a payload refusal: later reads (sheets and ranges) start there. */
  private cellsPerSync: number | undefined;

  private lowerCellsPerSync(cells: number): void {
    this.cellsPerSync = cells;
    this.options.onCellsPerSyncLowered?.(cells);
  }

  /** Every sheet's used range, in tab order: 2 syncs (more only for data over one response). */
  async readSheets(): Promise<readonly SheetGrid[]> {
    const options: ReadOptions = {
      ...this.options,
      ...(this.cellsPerSync === undefined ? {} : { maxCellsPerSync: this.cellsPerSync }),
      onCellsPerSyncLowered: (cells) => this.lowerCellsPerSync(cells),
    };
    try {
      return await this.run((context) => readAllSheets(context, options));
    } catch (error) {
      throw new ExcelPortError(MESSAGES.readFailed(error), { cause: error });
    }
  }

  /**
   * Writes a description as a new sheet in 2 syncs (4 when it fails: {@link undoWrite} looks and
   * puts the workbook back):
   * 1. load the sheet names and the plan registry, and add the new sheet under a temporary name;
   * 2. write everything; when replacing, move the old plan aside (a temporary name), give the new
   *    sheet its name and place, register it, and delete the old plan last.
   */
  async writeSheet(description: SheetDescription, options: WriteOptions = {}): Promise<WriteResult> {
    const problem = descriptionProblem(description);
    if (problem !== undefined) throw writeFailedError(MESSAGES.invalidDescription(writeIntent(description.name, undefined, options.replaceExisting), problem));
    const temporaryName = (this.options.temporaryName ?? randomTemporaryName)();
    return this.run(async (context) => {
      const { worksheets, registrySetting, active } = queueWriteState(context);
      // Added last, so a refused add leaves nothing behind.
      const sheet = worksheets.add(temporaryName);
      try {
        await context.sync();
      } catch (error) {
        throw writeFailedError(MESSAGES.writeFailed(writeIntent(description.name, undefined, options.replaceExisting), error), { cause: error });
      }

      const existingSheets = worksheets.items.filter((s) => s.name !== temporaryName);
      const registryBefore: unknown = registrySetting.isNullObject ? undefined : registrySetting.value;
      const registry = parseRegistry(registryBefore);
      const key = planRegistryKey(description.kind, description.unitKey);
      const registered = registry[key];
      const existing = registered === undefined ? undefined : existingSheets.find((s) => s.name.toLowerCase() === registered.toLowerCase());
      const refuse = async (error: Error): Promise<never> => {
        sheet.delete();
        await context.sync();
        throw error;
      };
      if (existing !== undefined && options.replaceExisting !== true) {
        return refuse(wouldOverwriteError(existing.name, MESSAGES.wouldOverwrite(description.kind, description.unitKey, existing.name)));
      }
      // One schedule per unit: a plan with a schedule reads the plan record first (1 sync more, only
      // when the workbook has one) and replaces a contradicting schedule only when told to.
      const record = await this.readRecord(context, description, existingSheets, sheet, existing === undefined ? undefined : [existing], options.replaceExisting);
      const contradiction = contradictingSheets(description, recordsOf(record?.grid), registry);
      const contradicted = existingSheets.filter((s) => s !== existing && contradiction.sheets.some((n) => n.toLowerCase() === s.name.toLowerCase()));
      if (contradicted.length > 0 && contradiction.record !== undefined && options.replaceExisting !== true) {
        const first = contradicted[0] as Excel.Worksheet;
        return refuse(wouldOverwriteError(first.name, MESSAGES.contradictingSchedule(contradiction.record, first.name)));
      }
      const olds = existing === undefined ? contradicted : [existing, ...contradicted];
      const taken = existingSheets.map((s) => s.name);
      const finalName = uniqueSheetName(
        description.name,
        taken.filter((n) => !olds.some((o) => o.name === n)),
      );
      const replaced: ReplacedSheet[] = [];
      for (const old of olds) {
        const asideName = uniqueSheetName(`${temporaryName} gammel`, [...taken, temporaryName, finalName, ...replaced.map((r) => r.asideName)]);
        replaced.push({ id: old.id, name: old.name, asideName });
      }
      const plan = planRecordOf({ ...description, name: finalName });
      let recordDescription: SheetDescription | undefined;
      try {
        recordDescription = plan === undefined ? undefined : recordAfter(record, [plan]);
      } catch (error) {
        return refuse(writeFailedError(MESSAGES.refused(error), { cause: error }));
      }

      // A sheet whose request is over the limit: its row bands first, one sync each, on the sheet
      // still under its temporary name (a failure deletes it: nothing else has changed yet); the
      // last part goes with the rename, the registry and the deletions, as for any sheet.
      const parts = splitDescription(description, this.options.maxRequestBytes ?? MAX_BATCH_BYTES);
      for (const part of parts.slice(0, -1)) {
        queueSheetDescription(sheet, part);
        try {
          // One sync per further 4 MB of request: only for a sheet bigger than one request.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          const outcome = await undoWrite(context, { newSheetNames: [temporaryName], replaced: [], registryBefore, activeBefore: active.id });
          const intent = writeIntent(description.name, replaced, options.replaceExisting);
          const message = outcome.kind === "incomplete" ? MESSAGES.undoIncomplete(intent, error, outcome) : MESSAGES.writeFailed(intent, error);
          throw writeFailedError(message, { cause: error, workbookUnchanged: outcome.kind !== "incomplete" });
        }
      }
      queueSheetDescription(sheet, parts.at(-1) ?? description);
      // The old plans step aside (nothing is lost), and are deleted only after the registry.
      olds.forEach((old, i) => (old.name = (replaced[i] as ReplacedSheet).asideName));
      sheet.name = finalName;
      if (olds.length > 0) sheet.position = Math.min(...olds.map((o) => o.position));
      if (options.activate !== false) sheet.activate();
      context.workbook.settings.add(SETTING_KEYS.plans, JSON.stringify({ ...withoutSheets(registry, olds), [key]: finalName }));
      for (const old of olds) old.delete();
      // The plan record last: a failure before it leaves it as it was (undone), or the write
      // complete with the record still to write (completed: written in one round trip more).
      const addedRecord = recordDescription === undefined ? undefined : queueRecordWrite(worksheets, record, recordDescription);
      const result: WriteResult = { sheetName: finalName, replaced: olds.length > 0 };
      try {
        await context.sync();
      } catch (error) {
        const newSheetNames = [temporaryName, finalName, ...(addedRecord === undefined ? [] : [PLAN_RECORD_SHEET])];
        const outcome = await undoWrite(context, { newSheetNames, replaced, registryBefore, activeBefore: active.id });
        if (outcome.kind === "completed") {
          if (recordDescription !== undefined) await this.completeRecord(context, record, recordDescription, finalName);
          return result;
        }
        if (outcome.kind === "undone" && record !== undefined && recordDescription !== undefined) {
          await this.rewriteRecord(context, record.sheet, recordAfter(record, []), lastRecordRow(recordDescription));
        }
        // "erstatte" whenever plans were being replaced (the same kind's, or a contradicting schedule's).
        // (Their names as before the write: the proxies' names were set to the aside names.)
        const intent = writeIntent(description.name, replaced, options.replaceExisting);
        const message = outcome.kind === "incomplete" ? MESSAGES.undoIncomplete(intent, error, outcome) : MESSAGES.writeFailed(intent, error);
        throw writeFailedError(message, { cause: error, workbookUnchanged: outcome.kind !== "incomplete" });
      }
      return result;
    });
  }

  /**
   * The plan record's sheet and cells, read in 1 sync — only for a description with a schedule in
   * a workbook that has a record. A failed read removes the sheet being written and throws.
   */
  private async readRecord(
    context: Excel.RequestContext,
    description: SheetDescription,
    sheets: readonly Excel.Worksheet[],
    written: Excel.Worksheet,
    replacing: readonly Excel.Worksheet[] | undefined,
    replaceExisting: boolean | undefined,
  ): Promise<ReadRecord | undefined> {
    const recordSheet = recordSheetOf(sheets);
    if (description.plan === undefined || recordSheet === undefined) return undefined;
    const read = queueRecordRead(recordSheet);
    try {
      await context.sync();
    } catch (error) {
      written.delete();
      await context.sync().catch(() => undefined);
      // A contradicting schedule is not known yet: a plan of the same kind is, and otherwise either may happen.
      throw writeFailedError(MESSAGES.writeFailed(writeIntent(description.name, replacing, replaceExisting), error), { cause: error });
    }
    return { sheet: recordSheet, grid: recordGrid(read) };
  }

  /**
   * After a failed sync that completed the plans (undoWrite: "completed") but perhaps not the
   * record: 1 sync to find the record sheet, 1 to write it whole. Throws a Danish
   * `WriteFailedError` saying the plan is written but the record is not.
   */
  private async completeRecord(context: Excel.RequestContext, record: ReadRecord | undefined, desired: SheetDescription, sheetName: string): Promise<void> {
    try {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const target = recordSheetOf(worksheets.items);
      if (target === undefined) queueRecordWrite(worksheets, undefined, desired);
      else if (record === undefined) queueSheetDescription(target, desired);
      else queueRecordRewrite(target, desired, Math.max(lastRecordRow(desired), record.grid.origin.row + record.grid.values.length - 1));
      await context.sync();
    } catch (error) {
      throw writeFailedError(MESSAGES.recordNotUpdated(sheetName, error), { cause: error });
    }
  }

  /** The record sheet by name (1 sync), after a failed batch that completed; undefined when it cannot be found. */
  private async findRecord(context: Excel.RequestContext): Promise<ReadRecord | undefined> {
    try {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const sheet = recordSheetOf(worksheets.items);
      return sheet === undefined ? undefined : { sheet, grid: { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [] } };
    } catch {
      return undefined;
    }
  }

  /** After a failed sync that was undone: the record set back to `desired` (1 sync; a failure only leaves a stale row). */
  private async rewriteRecord(context: Excel.RequestContext, sheet: Excel.Worksheet, desired: SheetDescription, upToRow: number): Promise<void> {
    queueRecordRewrite(sheet, desired, upToRow);
    await context.sync().catch(() => undefined);
  }

  /**
   * Writes many descriptions as new sheets in 1 + one sync per batch (see `WorkbookWriter.writeSheets`):
   * 1. load the sheet names and the plan registry;
   * 2…. per batch of ≤ 25 sheets and ≤ 4 MB of measured request (`payload.ts`): add each sheet
   *    under a temporary name, queue its contents, (replace: move the old plan aside), rename it,
   *    record the batch in the registry, and (replace) delete the old plans last — one sync.
   * A failing batch costs 2 syncs more ({@link undoWrite}): every sheet of the batch is deleted and
   * every old plan gets its name back — or, when the failing sync had already deleted an old plan,
   * the batch is complete and the rest of the old plans go. The batches after a failed one are not
   * tried. `shouldStop` is asked before each batch, `onProgress` told after each.
   */
  async writeSheets(descriptions: readonly SheetDescription[], options: BatchWriteOptions = {}): Promise<BatchItemResult[]> {
    const results: (BatchItemResult | undefined)[] = descriptions.map((description) => {
      const problem = descriptionProblem(description);
      return problem === undefined ? undefined : { kind: "failed", error: writeFailedError(MESSAGES.invalidDescription(writeIntent(description.name, undefined, options.replaceExisting), problem)) };
    });
    const settled = (): number => results.filter((r) => r !== undefined).length;
    const makeTemporary = this.options.temporaryName ?? randomTemporaryName;
    await this.run(async (context) => {
      const { worksheets, registrySetting } = queueWriteState(context);
      try {
        await context.sync();
      } catch (error) {
        descriptions.forEach((d, i) => (results[i] ??= { kind: "failed", error: writeFailedError(MESSAGES.writeFailed(writeIntent(d.name, undefined, options.replaceExisting), error), { cause: error }) }));
        return;
      }
      let registryBefore: unknown = registrySetting.isNullObject ? undefined : registrySetting.value;
      const registry = parseRegistry(registryBefore);
      const sheets = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s] as const));
      const taken = worksheets.items.map((s) => s.name);
      // The plan record (one schedule per unit): 1 sync more, only when a plan has a schedule and
      // the workbook has a record.
      let record: ReadRecord | undefined;
      const recordSheet = recordSheetOf(worksheets.items);
      if (recordSheet !== undefined && descriptions.some((d, i) => results[i] === undefined && d.plan !== undefined)) {
        const read = queueRecordRead(recordSheet);
        try {
          await context.sync();
        } catch (error) {
          descriptions.forEach((d, i) => (results[i] ??= { kind: "failed", error: writeFailedError(MESSAGES.writeFailed(writeIntent(d.name, undefined, options.replaceExisting), error), { cause: error }) }));
          return;
        }
        record = { sheet: recordSheet, grid: recordGrid(read) };
        try {
          recordAfter(record, []);
        } catch (error) {
          // A sheet of that name that is not the record: plans with a schedule are refused, never written into it.
          const message = MESSAGES.refused(error);
          descriptions.forEach((d, i) => (results[i] ??= d.plan === undefined ? undefined : { kind: "failed", error: writeFailedError(message, { cause: error }) }));
          record = undefined;
        }
      }
      const records = recordsOf(record?.grid);
      interface Job {
        readonly index: number;
        readonly description: SheetDescription;
        readonly key: string;
        readonly finalName: string;
        readonly temporaryName: string;
        /** The plans this one replaces: the same kind's, and the sheets with a contradicting schedule. */
        readonly olds: readonly Excel.Worksheet[];
        readonly replaced: readonly ReplacedSheet[];
        readonly bytes: number;
      }
      const jobs: Job[] = [];
      const temporaryNames = new Set<string>();
      const temporaryName = (): string => {
        let name = makeTemporary();
        if (temporaryNames.has(name) || taken.some((n) => n.toLowerCase() === name.toLowerCase())) name = `${name.slice(0, 24)}-${temporaryNames.size + 1}`;
        temporaryNames.add(name);
        return name;
      };
      const claimed = new Set<Excel.Worksheet>();
      descriptions.forEach((description, index) => {
        if (results[index] !== undefined) return;
        const key = planRegistryKey(description.kind, description.unitKey);
        const registered = registry[key];
        const existing = registered === undefined ? undefined : sheets.get(registered.toLowerCase());
        if (existing !== undefined && options.replaceExisting !== true) {
          results[index] = { kind: "exists", existingSheet: existing.name };
          return;
        }
        const contradicted = contradictingSheets(description, records, registry)
          .sheets.map((name) => sheets.get(name.toLowerCase()))
          .filter((s): s is Excel.Worksheet => s !== undefined && s !== existing);
        if (contradicted.length > 0 && options.replaceExisting !== true) {
          results[index] = { kind: "exists", existingSheet: (contradicted[0] as Excel.Worksheet).name };
          return;
        }
        // Each old sheet is replaced once, by the first plan that claims it.
        const olds = [...new Set(existing === undefined ? contradicted : [existing, ...contradicted])].filter((s) => !claimed.has(s));
        for (const old of olds) claimed.add(old);
        const oldNames = new Set(olds.map((s) => s.name));
        const finalName = uniqueSheetName(description.name, taken.filter((n) => !oldNames.has(n)));
        taken.push(finalName);
        const replaced = olds.map((old) => ({ id: old.id, name: old.name, asideName: temporaryName() }));
        jobs.push({ index, description, key, finalName, temporaryName: temporaryName(), olds, replaced, bytes: measureDescription(description).bytes });
      });
      options.onProgress?.(settled());
      const batches = planBatches(jobs, (job) => job.bytes);
      const writtenPlans: PlanRecord[] = [];
      let recordTarget = record;
      for (const [batchIndex, batch] of batches.entries()) {
        if (options.shouldStop?.() === true) {
          for (const job of batches.slice(batchIndex).flat()) results[job.index] = { kind: "cancelled" };
          break;
        }
        const added = batch.map((job) => ({ job, sheet: worksheets.add(job.temporaryName) }));
        for (const { job, sheet } of added) queueSheetDescription(sheet, job.description);
        for (const { job, sheet } of added) {
          // The old plans step aside (nothing is lost) and are deleted only after the registry.
          job.olds.forEach((old, i) => (old.name = (job.replaced[i] as ReplacedSheet).asideName));
          sheet.name = job.finalName;
          if (job.olds.length > 0) sheet.position = Math.min(...job.olds.map((o) => o.position));
        }
        const recorded = withoutSheets(registry, batch.flatMap((job) => job.olds));
        for (const { job } of added) recorded[job.key] = job.finalName;
        const recordedText = JSON.stringify(recorded);
        context.workbook.settings.add(SETTING_KEYS.plans, recordedText);
        for (const { job } of added) for (const old of job.olds) old.delete();
        // The plan record last, with every plan written so far (see writeSheet).
        const batchPlans = batch.flatMap((job) => planRecordOf({ ...job.description, name: job.finalName }) ?? []);
        const recordNow = batchPlans.length === 0 ? undefined : recordAfter(record, [...writtenPlans, ...batchPlans]);
        const addedRecord = recordNow === undefined ? undefined : queueRecordWrite(worksheets, recordTarget, recordNow);
        const written = (): void => {
          for (const key of Object.keys(registry)) if (!(key in recorded)) Reflect.deleteProperty(registry, key);
          Object.assign(registry, recorded);
          registryBefore = recordedText;
          writtenPlans.push(...batchPlans);
          for (const job of batch) results[job.index] = { kind: "written", result: { sheetName: job.finalName, replaced: job.olds.length > 0 } };
          options.onProgress?.(settled());
        };
        try {
          // One sync per batch of up to 25 sheets: the batches are the point (Annullér between them).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          const replaced = batch.flatMap((job) => job.replaced);
          const newSheetNames = [...batch.flatMap((job) => [job.temporaryName, job.finalName]), ...(addedRecord === undefined ? [] : [PLAN_RECORD_SHEET])];
          // After a failed sync, one look and one repair (2 syncs), then the loop ends or continues.
          const outcome = await undoWrite(context, { newSheetNames, replaced, registryBefore });
          if (outcome.kind === "completed") {
            const lastSheet = batch.at(-1)?.finalName ?? "";
            let recordError: unknown;
            if (recordNow !== undefined) await this.completeRecord(context, recordTarget, recordNow, lastSheet).catch((e: unknown) => (recordError = e));
            written();
            if (recordError !== undefined) {
              for (const job of batch) results[job.index] = { kind: "failed", error: recordError };
              for (const job of batches.slice(batchIndex + 1).flat()) results[job.index] = { kind: "notAttempted" };
              break;
            }
            // A record added by this batch is found by name again in the next one.
            if (addedRecord !== undefined) recordTarget = await this.findRecord(context);
            continue;
          }
          if (outcome.kind === "undone" && recordTarget !== undefined && recordNow !== undefined) {
            await this.rewriteRecord(context, recordTarget.sheet, recordAfter(record, writtenPlans), lastRecordRow(recordNow));
          }
          for (const job of batch) {
            const intent = writeIntent(job.description.name, job.olds.length > 0 ? job.replaced : [], options.replaceExisting);
            const message = outcome.kind === "incomplete" ? MESSAGES.undoIncomplete(intent, error, outcome) : MESSAGES.writeFailed(intent, error);
            results[job.index] = { kind: "failed", error: writeFailedError(message, { cause: error, workbookUnchanged: outcome.kind !== "incomplete" }) };
          }
          for (const job of batches.slice(batchIndex + 1).flat()) results[job.index] = { kind: "notAttempted" };
          break;
        }
        written();
        if (addedRecord !== undefined) recordTarget = { sheet: addedRecord, grid: { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [] } };
      }
    });
    options.onProgress?.(settled());
    return results.map((r) => r ?? { kind: "notAttempted" });
  }

  /**
   * Writes into empty cells of an existing sheet in 2 syncs: 1 checks that `mustBeEmpty` holds
   * no value or formula and that the sheet is not protected; 2 writes cells, formats, widths and
   * conditional formats. A failed sync 2 costs a third that empties the written cells again.
   */
  async patchSheet(patch: SheetPatch): Promise<void> {
    const cells = mergeCellSpecs(patch.cells);
    const area = boundingRectangle(cells);
    if (area !== undefined && !contains(patch.mustBeEmpty, area)) throw writeFailedError(MESSAGES.patchOutside(patch.sheet));
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(patch.sheet);
      // `protection` is a navigation property (a proxy), not a value: it needs no load; the rule
      // cannot tell the two apart.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      const protection = sheet.protection;
      protection.load("protected");
      const target = patch.mustBeEmpty;
      const used = sheet
        .getRangeByIndexes(target.top, target.left, target.bottom - target.top + 1, target.right - target.left + 1)
        .getUsedRangeOrNullObject(true);
      used.load("address");
      // The widths the patch will change, to put back if the write fails.
      const widths = Object.keys(patch.columnWidths ?? {}).map((col) => {
        // `format` is a navigation property (a proxy), loaded on the next line; the rule cannot tell.
        // eslint-disable-next-line office-addins/load-object-before-read
        const format = sheet.getRangeByIndexes(0, Number(col), 1, 1).getEntireColumn().format;
        format.load("columnWidth");
        return { col: Number(col), format };
      });
      try {
        await context.sync();
      } catch (error) {
        throw writeFailedError(
          hostErrorCode(error) === "ItemNotFound" ? MESSAGES.sheetMissing(patch.sheet) : MESSAGES.patchFailed(patch.sheet, error),
          { cause: error },
        );
      }
      if (!used.isNullObject) throw wouldOverwriteError(patch.sheet, MESSAGES.patchNotEmpty(patch.sheet, rangeAddress(target)));
      if (protection.protected) throw writeFailedError(MESSAGES.patchProtected(patch.sheet));

      queueCellContents(sheet, cells, area);
      queueCellFormats(sheet, cells);
      queueColumnWidths(sheet, patch.columnWidths);
      queueConditionalFormats(sheet, patch.conditionalFormats);
      try {
        await context.sync();
      } catch (error) {
        // Undo everything the patch added inside the cells it covered (they were empty before
        // sync 1 checked them): values, formats, and the conditional formats it set.
        if (area !== undefined) {
          sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1).clear("All");
        }
        for (const format of patch.conditionalFormats ?? []) {
          const r = format.range;
          sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).conditionalFormats.clearAll();
        }
        for (const { col, format } of widths) {
          sheet.getRangeByIndexes(0, col, 1, 1).getEntireColumn().format.columnWidth = format.columnWidth;
        }
        await context.sync().catch(() => undefined);
        throw writeFailedError(MESSAGES.patchFailed(patch.sheet, error), { cause: error });
      }
    });
  }

  /**
   * Reads a setting. Reads asked for in the same tick (the task pane asks for the policy, the
   * mappings and the plan list at once) share one batch: one `context.sync()` for all of them.
   */
  getSetting(key: string): Promise<string | null> {
    return new Promise<string | null>((resolve, reject) => {
      if (this.pendingSettingReads === null) {
        this.pendingSettingReads = [];
        queueMicrotask(() => void this.readPendingSettings());
      }
      this.pendingSettingReads.push({ key, resolve, reject });
    });
  }

  private pendingSettingReads: { key: string; resolve: (value: string | null) => void; reject: (error: unknown) => void }[] | null = null;

  private async readPendingSettings(): Promise<void> {
    const reads = this.pendingSettingReads ?? [];
    this.pendingSettingReads = null;
    try {
      const values = await this.run(async (context) => {
        const items = reads.map((read) => context.workbook.settings.getItemOrNullObject(read.key));
        for (const item of items) item.load("value");
        await context.sync();
        return items.map((item) => {
          if (item.isNullObject) return null;
          const value: unknown = item.value;
          return typeof value === "string" ? value : JSON.stringify(value);
        });
      });
      reads.forEach((read, index) => read.resolve(values[index] ?? null));
    } catch (error) {
      const failure = new ExcelPortError(MESSAGES.settingFailed(error), { cause: error });
      for (const read of reads) read.reject(failure);
    }
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    try {
      await this.run(async (context) => {
        const settings = context.workbook.settings;
        if (value !== null) {
          settings.add(key, value);
          await context.sync();
          return;
        }
        const item = settings.getItemOrNullObject(key);
        await context.sync();
        if (item.isNullObject) return;
        item.delete();
        await context.sync();
      });
    } catch (error) {
      throw new ExcelPortError(MESSAGES.settingFailed(error), { cause: error });
    }
  }

  async select(sheet: string, range: CellRange): Promise<void> {
    await this.navigate(sheet, (ws) =>
      ws.getRangeByIndexes(range.top, range.left, range.bottom - range.top + 1, range.right - range.left + 1).select(),
    );
  }

  async activateSheet(sheet: string): Promise<void> {
    await this.navigate(sheet, (ws) => ws.activate());
  }

  private async navigate(sheet: string, act: (ws: Excel.Worksheet) => void): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        act(ws);
        await context.sync();
      });
    } catch (error) {
      throw new ExcelPortError(hostErrorCode(error) === "ItemNotFound" ? MESSAGES.sheetMissing(sheet) : MESSAGES.navigateFailed(sheet, error), {
        cause: error,
      });
    }
  }


  /** Plan sheets' cells and the plan record together (`./planUpdate.ts`): 3 syncs whatever their number. */
  async updatePlans(update: PlanUpdate): Promise<PlanUpdateResult> {
    return updatePlans(this.run, update);
  }

  /**
   * The current values of some ranges: 1 sync whatever their number, while they fit one response
   * (the same cells per sync as `readSheets`). A sync Excel refuses as over its payload limit is
   * asked again with half the cells, down to one row, and the port remembers the size
   * (`readRowChunks`, shared with `readSheets`).
   */
  async readRanges(requests: readonly RangeRequest[]): Promise<readonly (readonly (readonly CellValue[])[])[]> {
    if (requests.length === 0) return [];
    const cellsPerSync = Math.max(1, this.cellsPerSync ?? this.options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC);
    const chunks: RowChunk[] = requests.flatMap(({ range }, source) => {
      const columns = range.right - range.left + 1;
      return rechunk([{ source, top: range.top, rows: range.bottom - range.top + 1, left: range.left, columns }], cellsPerSync);
    });
    try {
      return await this.run(async (context) => {
        const sheets = requests.map(({ sheet }) => context.workbook.worksheets.getItem(sheet));
        const done = await readRowChunks(context, chunks, {
          cellsPerSync,
          rangeOf: (chunk) => (sheets[chunk.source] as Excel.Worksheet).getRangeByIndexes(chunk.top, chunk.left, chunk.rows, chunk.columns),
          load: "values,valueTypes",
          onLowered: (cells) => this.lowerCellsPerSync(cells),
        });
        const out: CellValue[][][] = requests.map(() => []);
        for (const { chunk, range } of done) {
          const types = range.valueTypes;
          (out[chunk.source] as CellValue[][]).push(...range.values.map((row, r) => row.map((value, c) => cellValue(value, types[r]?.[c]))));
        }
        return out;
      });
    } catch (error) {
      throw new ExcelPortError(MESSAGES.readFailed(error), { cause: error });
    }
  }

  /**
   * `Worksheet.onChanged` (ExcelApi 1.7) on each named sheet, registered in 1 sync. Null when the
   * host has no such event or refuses it; the stop function removes the handlers (1 sync).
   */
  async watchSheets(sheets: readonly string[], onChange: (sheet: string) => void): Promise<(() => Promise<void>) | null> {
    if (sheets.length === 0) return null;
    try {
      const registered = await this.run(async (context) => {
        const results = sheets.map((name) =>
          context.workbook.worksheets.getItem(name).onChanged.add(async () => {
            onChange(name);
          }),
        );
        await context.sync();
        return results;
      });
      return async () => {
        try {
          // Handlers are removed in the request context they were added in (Office.js' rule).
          for (const result of registered) result.remove();
          await registered[0]?.context.sync();
        } catch {
          // A handler that cannot be removed only costs a needless "Tallene er ændret".
        }
      };
    } catch {
      return null;
    }
  }
}
