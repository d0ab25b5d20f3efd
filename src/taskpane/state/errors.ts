/**
 * What a user reads when something fails: the Danish message of the core or the writer, followed
 * by the reassurance that nothing was lost. Never a raw stack or an English exception text.
 */
import { isBudgetlysError } from "../../core/errors";
import { WouldOverwriteError, WriteFailedError } from "../../core/ports";
import type { Strings } from "../i18n/strings";

/** The body of an error message bar. */
export function describeError(error: unknown, strings: Strings): string {
  const known =
    error instanceof WriteFailedError || error instanceof WouldOverwriteError || isBudgetlysError(error)
      ? error.message
      : strings.common.unexpected;
  return `${known} ${strings.common.nothingLost}`;
}
