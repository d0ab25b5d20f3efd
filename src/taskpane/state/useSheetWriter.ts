/**
 * Writing one sheet description through the port, the safe way: when the port says a plan for the
 * unit exists (`WouldOverwriteError`), the user is asked; only after "Erstat" is the write retried
 * with `replaceExisting`. Never throws: the outcome says what happened.
 */
import { useCallback } from "react";
import { WouldOverwriteError, type WriteResult } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import { useConfirm, useConfirmChoice } from "../components/ConfirmProvider";
import type { ReplaceAnswer } from "../actions/allPlans";
import { usePort, useStrings } from "../context";

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
export function useConfirmReplace(): (existingSheet: string) => Promise<boolean> {
  const confirm = useConfirm();
  const strings = useStrings();
  return useCallback(
    (existingSheet) =>
      confirm({
        title: strings.confirm.overwriteTitle,
        body: strings.confirm.overwriteBody(existingSheet),
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
export function useConfirmReplaceAll(): (existingSheet: string, remaining: number) => Promise<ReplaceAnswer> {
  const choose = useConfirmChoice();
  const strings = useStrings();
  return useCallback(
    async (existingSheet, remaining) => {
      const choice = await choose({
        title: strings.confirm.overwriteTitle,
        body: remaining > 0 ? `${strings.confirm.overwriteBody(existingSheet)} ${strings.confirm.moreExisting(remaining)}` : strings.confirm.overwriteBody(existingSheet),
        confirmLabel: strings.confirm.replace,
        cancelLabel: strings.confirm.keep,
        ...(remaining > 0 ? { applyToAllLabel: strings.confirm.applyToAll } : {}),
      });
      return { replace: choice.confirmed, forAll: choice.applyToAll };
    },
    [choose, strings],
  );
}

/** A function that writes a description, asking before anything existing is replaced. */
export function useSheetWriter(): (description: SheetDescription, options?: SheetWriteOptions) => Promise<WriteOutcome> {
  const port = usePort();
  const confirmReplace = useConfirmReplace();
  return useCallback(
    async (description, options = {}) => {
      const activate = options.activate ?? true;
      try {
        return { kind: "written", result: await port.writeSheet(description, { activate }) };
      } catch (error) {
        if (!(error instanceof WouldOverwriteError)) return { kind: "failed", error };
        const replace = options.replace ?? (await confirmReplace(error.existingSheet));
        if (!replace) return { kind: "kept", existingSheet: error.existingSheet };
        try {
          return { kind: "written", result: await port.writeSheet(description, { activate, replaceExisting: true }) };
        } catch (retryError) {
          return { kind: "failed", error: retryError };
        }
      }
    },
    [port, confirmReplace],
  );
}
