/**
 * Showing a sheet from a link ("Gå til arket …"): when Excel cannot show it (deleted, renamed, the
 * workbook busy), the user gets a Danish error message instead of a link that silently does nothing.
 */
import { useCallback } from "react";
import { usePort, useStrings } from "../context";
import type { NoticeValue } from "../components/Notice";
import { describeError } from "./errors";

/** A function that shows `sheet` and reports a failure through `onFailure` (an error notice). */
export function useGoToSheet(onFailure: (notice: NoticeValue) => void): (sheet: string) => void {
  const port = usePort();
  const strings = useStrings();
  return useCallback(
    (sheet) => {
      port.activateSheet(sheet).catch((error: unknown) => {
        onFailure({ intent: "error", title: strings.common.goToFailed(sheet), body: describeError(error, strings) });
      });
    },
    [port, strings, onFailure],
  );
}
