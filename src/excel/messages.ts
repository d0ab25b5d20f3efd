/**
 * What the Excel adapter says when something goes wrong: each failure as a host message (code and
 * parameters, `core/hostMessage.ts`, whose Danish texts and Office.js error codes' Danish reasons
 * live there). Every error leaving `src/excel` carries one of these as `why`, its Danish text as
 * `message`.
 */
import { isBudgetlysError } from "../core/errors";
import {
  causeText,
  danishHostMessage,
  danishHostTexts,
  hostCause,
  hostMessage,
  type HostMessage,
  type WriteIntent,
  type WriteLeftovers,
} from "../core/hostMessage";
import { PLAN_RECORD_SHEET, type PlanRecord } from "../core/planRecord";
import { HostError, WouldOverwriteError, WriteFailedError } from "../core/ports";
import { DANISH_REASONS } from "../core/reason";
import type { SheetKind } from "../core/sheetDescription";

/** A failure to read, navigate or store settings (writes use the port's own error types), with its Danish text. */
export class ExcelPortError extends HostError {
  constructor(message: string | HostMessage, options?: { cause?: unknown }) {
    super(typeof message === "string" ? message : danishHostMessage(message), typeof message === "string" ? options : { ...options, why: message });
    this.name = "ExcelPortError";
  }
}

/**
 * A {@link WriteFailedError} with the host message's Danish text as `message` and the message as
 * `why` (a plain text stays as it is). Built here, not in `core/ports.ts`, so the Danish texts stay
 * out of the task pane's first paint.
 */
export function writeFailedError(message: string | HostMessage, options?: { cause?: unknown; workbookUnchanged?: boolean }): WriteFailedError {
  return typeof message === "string" ? new WriteFailedError(message, options) : new WriteFailedError(danishHostMessage(message), { ...options, why: message });
}

/** A {@link WouldOverwriteError} with the host message's Danish text and the message as `why`. */
export function wouldOverwriteError(existingSheet: string, message: HostMessage): WouldOverwriteError {
  return new WouldOverwriteError(existingSheet, danishHostMessage(message), message);
}

/**
 * Why Excel refused, in Danish, from its error code — never Office's own message. The code stays
 * in the text ("(Excel: AccessDenied)") so support can tell which error it was.
 */
export function reasonFromError(error: unknown): string {
  return causeText(hostCause(error), danishHostTexts(DANISH_REASONS));
}

export type { WriteIntent };

/**
 * The intent of a write of `sheet`: replacing `olds[0]` when the write knows it replaces plans,
 * creating when it knows it does not, and either when it failed before it knew (`olds` undefined)
 * and `replaceExisting` allowed replacing.
 */
export function writeIntent(sheet: string, olds: readonly { readonly name: string }[] | undefined, replaceExisting: boolean | undefined): WriteIntent {
  if (olds === undefined) return replaceExisting === true ? { kind: "createOrReplace", sheet } : { kind: "create", sheet };
  const old = olds[0];
  return old === undefined ? { kind: "create", sheet } : { kind: "replace", oldSheet: old.name };
}

/** The host messages of the Excel adapter, by what failed (each a {@link HostMessage}: the port errors' `why`). */
export const MESSAGES = {
  /** A write that changed nothing (undone, or refused before anything was written). */
  writeFailed: (intent: WriteIntent, error: unknown) => hostMessage("write-failed", { intent, cause: hostCause(error) }),
  wouldOverwrite: (kind: SheetKind, unitKey: string | undefined, existing: string) => hostMessage("would-overwrite", { kind, unitKey: unitKey ?? null, existing }),
  /** A failed write whose undo did not fully succeed: says where every sheet is now. */
  undoIncomplete: (intent: WriteIntent, error: unknown, left: WriteLeftovers) =>
    hostMessage("undo-incomplete", { intent, cause: hostCause(error), left: { known: left.known, complete: left.complete, newSheets: left.newSheets, asideOld: left.asideOld } }),
  contradictingSchedule: (record: Pick<PlanRecord, "unitName" | "years" | "firstYear">, existing: string) =>
    hostMessage("contradicting-schedule", { unitName: record.unitName, years: record.years, firstYear: record.firstYear, existing }),
  recordNotUpdated: (sheet: string, error: unknown) => hostMessage("record-not-updated", { sheet, cause: hostCause(error) }),
  invalidDescription: (intent: WriteIntent, detail: string) => hostMessage("invalid-description", { intent, detail }),
  /** The core refused inside a write: its reason when it gave one, else the error's own text. */
  refused: (error: unknown): HostMessage | string =>
    isBudgetlysError(error) ? hostMessage("write-refused", { why: error.why }) : error instanceof Error ? error.message : String(error),
  patchNotEmpty: (sheet: string, address: string) => hostMessage("patch-not-empty", { sheet, address }),
  patchOutside: (sheet: string) => hostMessage("patch-outside", { sheet }),
  patchProtected: (sheet: string) => hostMessage("patch-protected", { sheet }),
  patchFailed: (sheet: string, error: unknown) => hostMessage("patch-failed", { sheet, cause: hostCause(error) }),
  sheetMissing: (sheet: string) => hostMessage("sheet-missing", { sheet }),
  readFailed: (error: unknown) => hostMessage("read-failed", { cause: hostCause(error) }),
  settingFailed: (error: unknown) => hostMessage("setting-failed", { cause: hostCause(error) }),
  navigateFailed: (sheet: string, error: unknown) => hostMessage("navigate-failed", { sheet, cause: hostCause(error) }),
  updateFailed: (error: unknown) => hostMessage("update-failed", { cause: hostCause(error) }),
  updateUndoFailed: (error: unknown, sheets: readonly string[]) => hostMessage("update-undo-failed", { cause: hostCause(error), sheets }),
  updateNoRecord: () => hostMessage("update-no-record", { record: PLAN_RECORD_SHEET }),
} as const;
