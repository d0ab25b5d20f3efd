/**
 * Writing one sheet description through the port, the safe way: when the port says a plan for the
 * unit exists (`WouldOverwriteError`), the user is asked; only after "Erstat" is the write retried
 * with `replaceExisting`. Never throws: the outcome says what happened.
 */
import { useCallback } from "react";
import { WouldOverwriteError, type WriteResult } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import { useConfirm } from "../components/ConfirmProvider";
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
        const replace = await confirmReplace(error.existingSheet);
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
