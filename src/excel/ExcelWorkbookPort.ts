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
  SETTING_KEYS,
  type BatchItemResult,
  type BatchWriteOptions,
  WouldOverwriteError,
  WriteFailedError,
  type SheetPatch,
  type RangeRequest,
  type WorkbookPort,
  type WriteOptions,
  type WriteResult,
} from "../core/ports";
import type { SheetDescription } from "../core/sheetDescription";
import { uniqueSheetName } from "../core/sheetNames";
import { ExcelPortError, MESSAGES, officeErrorCode } from "./messages";
import { cellValue, readAllSheets, type ReadOptions } from "./readSheets";
import type { CellValue } from "../core/cell";
import { measureDescription, planBatches } from "./payload";
import { undoWrite, type ReplacedSheet } from "./undoWrite";
import { boundingRectangle, contains } from "./rectangles";
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
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/** Record<"kind|unitKey", sheet name> of generated plans, as stored under SETTING_KEYS.plans. */
type PlanRegistry = Record<string, string>;

function parseRegistry(value: unknown): PlanRegistry {
  if (typeof value !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    // A registry someone edited by hand is treated as empty: plans are then found by name only.
    return {};
  }
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

  /** Cells per sync learnt from a payload refusal: later reads start there. */
  private cellsPerSync: number | undefined;

  /** Every sheet's used range, in tab order: 2 syncs (more only for data over one response). */
  async readSheets(): Promise<readonly SheetGrid[]> {
    const options: ReadOptions = {
      ...this.options,
      ...(this.cellsPerSync === undefined ? {} : { maxCellsPerSync: this.cellsPerSync }),
      onCellsPerSyncLowered: (cells) => {
        this.cellsPerSync = cells;
        this.options.onCellsPerSyncLowered?.(cells);
      },
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
    if (problem !== undefined) throw new WriteFailedError(MESSAGES.invalidDescription(description.name, problem));
    const temporaryName = (this.options.temporaryName ?? randomTemporaryName)();
    return this.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load("items/name,items/position,items/id");
      const registrySetting = workbook.settings.getItemOrNullObject(SETTING_KEYS.plans);
      registrySetting.load("value");
      // Added last, so a refused add leaves nothing behind.
      const sheet = worksheets.add(temporaryName);
      try {
        await context.sync();
      } catch (error) {
        throw new WriteFailedError(MESSAGES.writeFailed(description.name, error), { cause: error });
      }

      const existingSheets = worksheets.items.filter((s) => s.name !== temporaryName);
      const registryBefore: unknown = registrySetting.isNullObject ? undefined : registrySetting.value;
      const registry = parseRegistry(registryBefore);
      const key = planRegistryKey(description.kind, description.unitKey);
      const registered = registry[key];
      const existing = registered === undefined ? undefined : existingSheets.find((s) => s.name.toLowerCase() === registered.toLowerCase());
      if (existing !== undefined && options.replaceExisting !== true) {
        sheet.delete();
        await context.sync();
        throw new WouldOverwriteError(existing.name, MESSAGES.wouldOverwrite(description.kind, description.unitKey, existing.name));
      }
      const taken = existingSheets.map((s) => s.name);
      const finalName = uniqueSheetName(
        description.name,
        taken.filter((n) => n !== existing?.name),
      );
      const replaced: ReplacedSheet[] =
        existing === undefined ? [] : [{ id: existing.id, name: existing.name, asideName: uniqueSheetName(`${temporaryName} gammel`, [...taken, temporaryName, finalName]) }];

      queueSheetDescription(sheet, description);
      for (const old of replaced) {
        // The old plan steps aside (nothing is lost), and is deleted only as the very last step.
        (existing as Excel.Worksheet).name = old.asideName;
      }
      sheet.name = finalName;
      if (existing !== undefined) sheet.position = existing.position;
      if (options.activate !== false) sheet.activate();
      workbook.settings.add(SETTING_KEYS.plans, JSON.stringify({ ...registry, [key]: finalName }));
      if (existing !== undefined) existing.delete();
      const result: WriteResult = { sheetName: finalName, replaced: existing !== undefined };
      try {
        await context.sync();
      } catch (error) {
        const outcome = await undoWrite(context, { newSheetNames: [temporaryName, finalName], replaced, registryBefore });
        if (outcome.kind === "completed") return result;
        const message =
          outcome.kind === "incomplete"
            ? MESSAGES.undoIncomplete(description.name, error, outcome)
            : existing !== undefined
              ? MESSAGES.replaceFailed(existing.name, error)
              : MESSAGES.writeFailed(description.name, error);
        throw new WriteFailedError(message, { cause: error });
      }
      return result;
    });
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
      return problem === undefined ? undefined : { kind: "failed", error: new WriteFailedError(MESSAGES.invalidDescription(description.name, problem)) };
    });
    const settled = (): number => results.filter((r) => r !== undefined).length;
    const makeTemporary = this.options.temporaryName ?? randomTemporaryName;
    await this.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load("items/name,items/position,items/id");
      const registrySetting = workbook.settings.getItemOrNullObject(SETTING_KEYS.plans);
      registrySetting.load("value");
      try {
        await context.sync();
      } catch (error) {
        descriptions.forEach((d, i) => (results[i] ??= { kind: "failed", error: new WriteFailedError(MESSAGES.writeFailed(d.name, error), { cause: error }) }));
        return;
      }
      let registryBefore: unknown = registrySetting.isNullObject ? undefined : registrySetting.value;
      const registry = parseRegistry(registryBefore);
      const sheets = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s] as const));
      const taken = worksheets.items.map((s) => s.name);
      interface Job {
        readonly index: number;
        readonly description: SheetDescription;
        readonly key: string;
        readonly finalName: string;
        readonly temporaryName: string;
        readonly existing: Excel.Worksheet | undefined;
        readonly replaced: ReplacedSheet | undefined;
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
      descriptions.forEach((description, index) => {
        if (results[index] !== undefined) return;
        const key = planRegistryKey(description.kind, description.unitKey);
        const registered = registry[key];
        const existing = registered === undefined ? undefined : sheets.get(registered.toLowerCase());
        if (existing !== undefined && options.replaceExisting !== true) {
          results[index] = { kind: "exists", existingSheet: existing.name };
          return;
        }
        const others = existing === undefined ? taken : taken.filter((n) => n !== existing.name);
        const finalName = uniqueSheetName(description.name, others);
        taken.push(finalName);
        const replaced = existing === undefined ? undefined : { id: existing.id, name: existing.name, asideName: temporaryName() };
        jobs.push({ index, description, key, finalName, temporaryName: temporaryName(), existing, replaced, bytes: measureDescription(description).bytes });
      });
      options.onProgress?.(settled());
      const batches = planBatches(jobs, (job) => job.bytes);
      for (const [batchIndex, batch] of batches.entries()) {
        if (options.shouldStop?.() === true) {
          for (const job of batches.slice(batchIndex).flat()) results[job.index] = { kind: "cancelled" };
          break;
        }
        const added = batch.map((job) => ({ job, sheet: worksheets.add(job.temporaryName) }));
        for (const { job, sheet } of added) queueSheetDescription(sheet, job.description);
        for (const { job, sheet } of added) {
          // The old plan steps aside (nothing is lost) and is deleted only after the registry.
          if (job.existing !== undefined && job.replaced !== undefined) job.existing.name = job.replaced.asideName;
          sheet.name = job.finalName;
          if (job.existing !== undefined) sheet.position = job.existing.position;
        }
        const recorded = { ...registry };
        for (const { job } of added) recorded[job.key] = job.finalName;
        const recordedText = JSON.stringify(recorded);
        workbook.settings.add(SETTING_KEYS.plans, recordedText);
        for (const { job } of added) job.existing?.delete();
        const written = (): void => {
          Object.assign(registry, recorded);
          registryBefore = recordedText;
          for (const job of batch) results[job.index] = { kind: "written", result: { sheetName: job.finalName, replaced: job.existing !== undefined } };
          options.onProgress?.(settled());
        };
        try {
          // One sync per batch of up to 25 sheets: the batches are the point (Annullér between them).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          const replaced = batch.flatMap((job) => (job.replaced === undefined ? [] : [job.replaced]));
          const newSheetNames = batch.flatMap((job) => [job.temporaryName, job.finalName]);
          // After a failed sync, one look and one repair (2 syncs), then the loop ends or continues.
          const outcome = await undoWrite(context, { newSheetNames, replaced, registryBefore });
          if (outcome.kind === "completed") {
            written();
            continue;
          }
          for (const job of batch) {
            const message =
              outcome.kind === "incomplete"
                ? MESSAGES.undoIncomplete(job.description.name, error, outcome)
                : job.existing !== undefined
                  ? MESSAGES.replaceFailed(job.replaced?.name ?? job.finalName, error)
                  : MESSAGES.writeFailed(job.description.name, error);
            results[job.index] = { kind: "failed", error: new WriteFailedError(message, { cause: error }) };
          }
          for (const job of batches.slice(batchIndex + 1).flat()) results[job.index] = { kind: "notAttempted" };
          break;
        }
        written();
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
    if (area !== undefined && !contains(patch.mustBeEmpty, area)) throw new WriteFailedError(MESSAGES.patchOutside(patch.sheet));
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
        throw new WriteFailedError(
          officeErrorCode(error) === "ItemNotFound" ? MESSAGES.sheetMissing(patch.sheet) : MESSAGES.patchFailed(patch.sheet, error),
          { cause: error },
        );
      }
      if (!used.isNullObject) throw new WouldOverwriteError(patch.sheet, MESSAGES.patchNotEmpty(patch.sheet, rangeAddress(target)));
      if (protection.protected) throw new WriteFailedError(MESSAGES.patchProtected(patch.sheet));

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
        throw new WriteFailedError(MESSAGES.patchFailed(patch.sheet, error), { cause: error });
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
      throw new ExcelPortError(officeErrorCode(error) === "ItemNotFound" ? MESSAGES.sheetMissing(sheet) : MESSAGES.navigateFailed(sheet, error), {
        cause: error,
      });
    }
  }

  /** The current values of some ranges: 1 sync whatever their number. */
  async readRanges(requests: readonly RangeRequest[]): Promise<readonly (readonly (readonly CellValue[])[])[]> {
    if (requests.length === 0) return [];
    try {
      return await this.run(async (context) => {
        const ranges = requests.map(({ sheet, range }) => {
          const target = context.workbook.worksheets
            .getItem(sheet)
            .getRangeByIndexes(range.top, range.left, range.bottom - range.top + 1, range.right - range.left + 1);
          target.load("values,valueTypes");
          return target;
        });
        await context.sync();
        return ranges.map((range) => {
          const types = range.valueTypes;
          return range.values.map((row, r) => row.map((value, c) => cellValue(value, types[r]?.[c])));
        });
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
