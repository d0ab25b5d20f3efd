/**
 * The two ports every host implements: reading a workbook's grids and writing sheet
 * descriptions. The Excel adapter (`src/excel`), the .xlsx adapter (`src/xlsx`) and the preview
 * host implement them; the task pane and the CLI only ever see these interfaces.
 */
import type { CellValue } from "./cell";
import type { HostMessage } from "./hostMessage";
import type { CellRange, SheetGrid } from "./grid";
import type { PlanRecord } from "./planRecord";
import type { CellSpec, ConditionalFormat, SheetDescription, SheetKind } from "./sheetDescription";

/** Reads a workbook. */
export interface WorkbookReader {
  /** Every worksheet's used range, in tab order. Excel: at most 2 `context.sync()` calls. */
  readSheets(): Promise<readonly SheetGrid[]>;
}

/** How a write may treat what exists. */
export interface WriteOptions {
  /** Replace an existing sheet with the same unit and kind (only after the user confirmed). */
  readonly replaceExisting?: boolean;
  /** Activate the new sheet afterwards (default true in the task pane). */
  readonly activate?: boolean;
}

/** What a write did. */
export interface WriteResult {
  /** The name the sheet got (unique, valid). */
  readonly sheetName: string;
  /** True when an existing plan sheet for the same unit was replaced. */
  readonly replaced: boolean;
}

/**
 * A change to an existing sheet that may only touch empty cells (indicator columns). Writers
 * check `mustBeEmpty` at write time and refuse, changing nothing, when anything is there.
 */
export interface SheetPatch {
  readonly sheet: string;
  /** Cells in sheet coordinates. */
  readonly cells: readonly CellSpec[];
  readonly mustBeEmpty: CellRange;
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly columnWidths?: Readonly<Record<number, number>>;
}

/** Thrown by writers when a write would replace something the user has not agreed to lose. */
export class WouldOverwriteError extends Error {
  readonly existingSheet: string;
  /** The message as a code, for a host's own language (`message` is its Danish text); null for a plain Danish text. */
  readonly why: HostMessage | null;
  constructor(existingSheet: string, message: string, why: HostMessage | null = null) {
    super(message);
    this.name = "WouldOverwriteError";
    this.existingSheet = existingSheet;
    this.why = why;
  }
}

/**
 * Thrown by writers when a write failed. Normally the workbook is as it was before; when even the
 * clean-up failed, `workbookUnchanged` is false and the message says which sheets are left where.
 */
export class WriteFailedError extends Error {
  readonly workbookUnchanged: boolean;
  /** The message as a code, for a host's own language (`message` is its Danish text); null for a plain Danish text. */
  readonly why: HostMessage | null;
  constructor(message: string, options?: { cause?: unknown; workbookUnchanged?: boolean; why?: HostMessage }) {
    super(message, options);
    this.name = "WriteFailedError";
    this.workbookUnchanged = options?.workbookUnchanged ?? true;
    this.why = options?.why ?? null;
  }
}

/**
 * Thrown by a host when reading, navigating or storing settings failed, with a Danish message for
 * the user (the host's own error as `cause`). Nothing was changed.
 */
export class HostError extends Error {
  /** The message as a code, for a host's own language (`message` is its Danish text); null for a plain Danish text. */
  readonly why: HostMessage | null;
  constructor(message: string, options?: { cause?: unknown; why?: HostMessage }) {
    super(message, options);
    this.name = "HostError";
    this.why = options?.why ?? null;
  }
}

/** Writes generated sheets. All or nothing per sheet. */
export interface WorkbookWriter {
  /**
   * Writes one description as a new sheet. Excel: 2 `context.sync()` calls whatever its size (3
   * for a plan with a schedule in a workbook with a plan record; more only when it fails). Throws
   * {@link WouldOverwriteError} when a plan for the same unit and kind exists, or the plan record
   * holds a contradicting schedule for the unit (core/planRecord.ts), and
   * `replaceExisting` is not set; {@link WriteFailedError} (Danish message) when the write failed,
   * after removing anything half-written. A successful write records the sheet under
   * `SETTING_KEYS.plans` ("kind|unitKey" → sheet name) in the same round trips, so callers never
   * write that setting themselves.
   */
  writeSheet(description: SheetDescription, options?: WriteOptions): Promise<WriteResult>;
  /** Writes into empty cells of an existing sheet (indicator columns). At most 2 syncs in Excel. */
  patchSheet(patch: SheetPatch): Promise<void>;
  /**
   * Writes many descriptions as new sheets (never activated), in batches — Excel: 1 sync, then 1
   * per batch of at most 25 sheets and 4 MB of request (2 more when a batch fails). A batch is all
   * or nothing: a failing batch removes every sheet it created and the rest is not attempted.
   * Plans that exist come back as "exists" unless `replaceExisting`. Optional: callers use
   * {@link writeSheetsThrough}, which writes one by one where a port has no batches.
   */
  writeSheets?(descriptions: readonly SheetDescription[], options?: BatchWriteOptions): Promise<BatchItemResult[]>;
  /**
   * Writes cells of existing plan sheets and the plan record's rows together, as one write: both
   * or neither (a dispensation decision; follow-up figures). Each cell is written only when what it
   * holds at write time allows it ({@link PlanCellWrite.over}); a cell that does not is kept and
   * reported, and so is a cell of a sheet the workbook no longer has. The record's rows come from
   * `update.records` given the cells actually written. Excel: 3 `context.sync()` calls whatever the
   * number of cells and plans (4 when the write fails and is undone). Throws
   * {@link WriteFailedError} (Danish) when it failed; the cells and the record are then as before.
   */
  updatePlans(update: PlanUpdate): Promise<PlanUpdateResult>;
}

/**
 * One value for one cell of a plan sheet (0-based coordinates). Text is written as text, never as
 * a formula.
 */
export interface PlanCellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
  /**
   * What the cell may hold at write time for the value to go in: `"anything"` — the user chose this
   * value for this very cell in a dialog that showed what it held (the dispensation decision); or
   * `{ blankOr }` — only a blank cell, or one holding exactly `blankOr` (a figure Budgetlys itself
   * wrote there before, as the plan record says; `null` when it wrote none).
   */
  readonly over: "anything" | { readonly blankOr: number | null };
}

/** A write to plan sheets and the plan record together ({@link WorkbookWriter.updatePlans}). */
export interface PlanUpdate {
  readonly cells: readonly PlanCellWrite[];
  /**
   * The record's new rows, given the cells that were written and the record's rows as read at write
   * time (`current`: build on those, so that a change made since the caller read the record is not
   * undone): each replaces the row of the same unit (`mergedPlanRecordSheet`). A pure function of
   * core (e.g. `dispensationUpdate`, `figureUpdate`).
   */
  readonly records: (written: readonly PlanCellWrite[], current: readonly PlanRecord[]) => readonly PlanRecord[];
}

/** What {@link WorkbookWriter.updatePlans} did, in the order of the cells. */
export interface PlanUpdateResult {
  readonly written: readonly PlanCellWrite[];
  /** Cells whose content at write time did not allow the write: kept, with what they held. */
  readonly kept: readonly { readonly cell: PlanCellWrite; readonly current: CellValue }[];
  /** Cells of sheets the workbook does not have (any more). */
  readonly missingSheet: readonly PlanCellWrite[];
}

/** How a batch write goes. */
export interface BatchWriteOptions {
  readonly replaceExisting?: boolean;
  /** Asked before every batch: true stops; the rest come back "cancelled". */
  readonly shouldStop?: () => boolean;
  /** After every batch (or sheet, one by one): how many descriptions are settled. */
  readonly onProgress?: (settled: number) => void;
}

/** What happened to one description of a batch write (same order as given). */
export type BatchItemResult =
  | { readonly kind: "written"; readonly result: WriteResult }
  | { readonly kind: "exists"; readonly existingSheet: string }
  | { readonly kind: "failed"; readonly error: unknown }
  | { readonly kind: "cancelled" }
  /** Not tried because an earlier batch failed. */
  | { readonly kind: "notAttempted" };

/**
 * Writes descriptions through a port: its batches when it has them, else one `writeSheet` after
 * the other (each sheet its own all-or-nothing unit, so a failure does not stop the rest).
 */
export async function writeSheetsThrough(
  port: WorkbookWriter,
  descriptions: readonly SheetDescription[],
  options: BatchWriteOptions = {},
): Promise<BatchItemResult[]> {
  if (port.writeSheets !== undefined) return port.writeSheets(descriptions, options);
  const results: BatchItemResult[] = [];
  for (const description of descriptions) {
    if (options.shouldStop?.() === true) {
      results.push({ kind: "cancelled" });
      continue;
    }
    try {
      results.push({ kind: "written", result: await port.writeSheet(description, { activate: false, replaceExisting: options.replaceExisting === true }) });
    } catch (error) {
      if (error instanceof WouldOverwriteError) {
        results.push({ kind: "exists", existingSheet: error.existingSheet });
      } else {
        results.push({ kind: "failed", error });
      }
    }
    options.onProgress?.(results.length);
  }
  return results;
}

/** Small workbook-level state: the saved mapping and policy travel with the workbook. */
export interface WorkbookSettings {
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string | null): Promise<void>;
}

/** Navigation in the open workbook (the task pane's "select its row", "go to the sheet"). */
export interface WorkbookNavigator {
  /** Selects a range (0-based sheet coordinates) on a sheet and activates the sheet. */
  select(sheet: string, range: CellRange): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
}

/** One range to read again (0-based sheet coordinates). */
export interface RangeRequest {
  readonly sheet: string;
  readonly range: CellRange;
}

/**
 * Keeping the task pane's figures current: re-reading a few rows right before a plan is written
 * from them, and hearing about edits in the source sheets.
 */
export interface WorkbookWatcher {
  /**
   * The current values of some ranges, in the order asked, each row-major and as wide as its
   * range (blank cells are null). Excel: 1 `context.sync()` whatever the number of ranges.
   */
  readRanges(requests: readonly RangeRequest[]): Promise<readonly (readonly (readonly CellValue[])[])[]>;
  /**
   * Calls `onChange` with a sheet's name whenever a cell of one of `sheets` changes (Excel:
   * `Worksheet.onChanged`, ExcelApi 1.7). Resolves to the function that stops listening, or to
   * null when the host cannot tell (an older Excel): the pane then relies on "Opdatér" and on the
   * re-read before each write. Never rejects.
   */
  watchSheets(sheets: readonly string[], onChange: (sheet: string) => void): Promise<(() => Promise<void>) | null>;
}

/** Everything the task pane needs from its host. */
export interface WorkbookPort extends WorkbookReader, WorkbookWriter, WorkbookSettings, WorkbookNavigator, WorkbookWatcher {}

/**
 * The key of a generated sheet in the plan registry (`SETTING_KEYS.plans`): "kind|unitKey", and
 * "oversigt|" for the one overview. Writers record under it; the task pane looks plans up by it.
 */
export function planRegistryKey(kind: SheetKind, unitKey?: string): string {
  return `${kind}|${unitKey ?? ""}`;
}

/**
 * The plan registry from its setting's text ("kind|unitKey" → sheet name): empty when there is
 * none or it cannot be read (a registry someone edited by hand); entries that are not names are dropped.
 */
export function readPlanRegistry(text: string | null | undefined): Record<string, string> {
  if (typeof text !== "string" || text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Settings keys stored in the workbook. */
export const SETTING_KEYS = {
  /** JSON: Record<sheet name, SheetMapping> the user corrected. */
  mappings: "budgetlys.mappings",
  /** JSON: the policy (see `policyFromJson`). */
  policy: "budgetlys.policy",
  /** JSON: Record<"kind|unitKey", sheet name> of generated plans. */
  plans: "budgetlys.plans",
} as const;
