/**
 * Writing one sheet description through the port, the safe way: when the port says a plan for the
 * unit exists (`WouldOverwriteError`), the user is asked; only after "Erstat" is the write retried
 * with `replaceExisting`. The question names the years when the new schedule's differ from the
 * unit's recorded one ("Den eksisterende plan afvikler over 2 år (2026–2027); den nye over 3 år …").
 * Never throws: the outcome says what happened.
 */
import { useCallback } from "react";
import { formatKroner } from "../../core/format";
import { scheduleChange, type PlanRecord, type ScheduleChange, type ScheduleSpan } from "../../core/planRecord";
import { WouldOverwriteError, type WriteResult } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import { useConfirm, useConfirmChoice } from "../components/ConfirmProvider";
import type { ReplaceAnswer } from "../actions/allPlans";
import { usePort, useStrings, useWorkbook } from "../context";
import type { Strings } from "../i18n/strings";
import { workbookPlansOf, type PlansInput } from "./workbookPlansOf";

/** Each unit's schedule in the workbook's plan record, by unit key (`workbookPlans`, the badges' owner). */
export function recordedSchedules(workbook: PlansInput): Readonly<Record<string, PlanRecord>> {
  const byUnit = workbookPlansOf(workbook)?.byUnit ?? {};
  const out: Record<string, PlanRecord> = {};
  for (const [key, status] of Object.entries(byUnit)) if (status.plan !== undefined) out[key] = status.plan.record;
  return out;
}

/** The unit's schedule in the workbook's plan record, if it has one. */
export function recordedSchedule(workbook: PlansInput, unitKey: string | undefined): PlanRecord | undefined {
  return unitKey === undefined ? undefined : recordedSchedules(workbook)[unitKey];
}

/** How the description's schedule differs from the unit's recorded one, or null (same, or nothing to compare). */
export function changeOf(workbook: PlansInput, description: SheetDescription): ScheduleChange | null {
  const recorded = recordedSchedule(workbook, description.unitKey);
  return recorded === undefined || description.plan === undefined ? null : scheduleChange(recorded, description.plan);
}

/** The replace question's body: the sheet, and the years (and debt) of both schedules when they differ. */
export function replaceBody(strings: Strings, existingSheet: string, change: ScheduleChange | null): string {
  const body = strings.confirm.overwriteBody(existingSheet);
  if (change === null) return body;
  const span = (s: ScheduleSpan) => strings.confirm.scheduleSpan(s.years, s.firstYear, s.lastYear, change.debtDiffers ? formatKroner(s.debt, { ore: "auto" }) : null);
  return `${strings.confirm.scheduleDiffers(span(change.existing), span(change.next))} ${body}`;
}

/** What a write did. */
export type WriteOutcome =
  | { readonly kind: "written"; readonly result: WriteResult }
  | { readonly kind: "kept"; readonly existingSheet: string }
  | { readonly kind: "failed"; readonly error: unknown };

/** Options of one write. */
export interface SheetWriteOptions {
  /** Show the sheet afterwards (default true). */
  readonly activate?: boolean;
  /**
   * The answer already given to the replace question ("Gælder alle" earlier in the same run): true
   * replaces an existing sheet without asking, false keeps it. Absent: ask.
   */
  readonly replace?: boolean;
}

/** Asks the user whether the plan in `existingSheet` may be replaced (true = "Erstat"). */
export function useConfirmReplace(): (existingSheet: string, change?: ScheduleChange | null) => Promise<boolean> {
  const confirm = useConfirm();
  const strings = useStrings();
  return useCallback(
    (existingSheet, change = null) =>
      confirm({
        title: strings.confirm.overwriteTitle,
        body: replaceBody(strings, existingSheet, change),
        confirmLabel: strings.confirm.replace,
        cancelLabel: strings.confirm.keep,
      }),
    [confirm, strings],
  );
}

/**
 * Asks whether the plan in `existingSheet` may be replaced, offering "Gælder alle" when `remaining`
 * more existing plans would be asked about (Alle planer).
 */
export function useConfirmReplaceAll(): (existingSheet: string, remaining: number, description?: SheetDescription) => Promise<ReplaceAnswer> {
  const choose = useConfirmChoice();
  const strings = useStrings();
  const workbook = useWorkbook();
  return useCallback(
    async (existingSheet, remaining, description) => {
      const body = replaceBody(strings, existingSheet, description === undefined ? null : changeOf(workbook, description));
      const choice = await choose({
        title: strings.confirm.overwriteTitle,
        body: remaining > 0 ? `${body} ${strings.confirm.moreExisting(remaining)}` : body,
        confirmLabel: strings.confirm.replace,
        cancelLabel: strings.confirm.keep,
        ...(remaining > 0 ? { applyToAllLabel: strings.confirm.applyToAll } : {}),
      });
      return { replace: choice.confirmed, forAll: choice.applyToAll };
    },
    [choose, strings, workbook],
  );
}

/** A function that writes a description, asking before anything existing is replaced. */
export function useSheetWriter(): (description: SheetDescription, options?: SheetWriteOptions) => Promise<WriteOutcome> {
  const port = usePort();
  const workbook = useWorkbook();
  const confirmReplace = useConfirmReplace();
  return useCallback(
    async (description, options = {}) => {
      const activate = options.activate ?? true;
      try {
        return { kind: "written", result: await port.writeSheet(description, { activate }) };
      } catch (error) {
        if (!(error instanceof WouldOverwriteError)) return { kind: "failed", error };
        const replace = options.replace ?? (await confirmReplace(error.existingSheet, changeOf(workbook, description)));
        if (!replace) return { kind: "kept", existingSheet: error.existingSheet };
        try {
          return { kind: "written", result: await port.writeSheet(description, { activate, replaceExisting: true }) };
        } catch (retryError) {
          return { kind: "failed", error: retryError };
        }
      }
    },
    [port, workbook, confirmReplace],
  );
}
