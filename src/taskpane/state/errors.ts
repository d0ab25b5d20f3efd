/**
 * What a user reads when something fails: the core's refusal or the host's failure in the pane's
 * language (rendered from its code and parameters; a host error without a code by its Danish
 * message), followed by the
 * reassurance that nothing was lost. Never a raw stack or an English exception text.
 */
import { isBudgetlysError } from "../../core/errors";
import { renderHostMessage } from "../../core/hostMessage";
import { HostError, WouldOverwriteError, WriteFailedError } from "../../core/ports";
import type { Strings } from "../i18n/strings";
import type { PlanProblem } from "../actions/plans";
import { reasonText } from "./reasonText";

/**
 * The body of an error message bar. The host's own message (a read, a setting, navigation) is
 * shown too; "nothing was lost" is left out only when a failed write could not clean up after
 * itself — its message then says which sheets are left where.
 */
export function describeError(error: unknown, strings: Strings): string {
  const known = isBudgetlysError(error)
    ? reasonText(error.why, strings)
    : error instanceof WriteFailedError || error instanceof WouldOverwriteError || error instanceof HostError
      ? error.why === null
        ? error.message
        : renderHostMessage(error.why, strings.host)
      : strings.common.unexpected;
  if (error instanceof WriteFailedError && !error.workbookUnchanged) return known;
  return `${known} ${strings.common.nothingLost}`;
}

/** Why a plan request cannot be written (years, begrundelse), in the user's words. */
export function planProblemText(problem: PlanProblem, strings: Strings, maxYears: number): string {
  switch (problem) {
    case "years-too-many":
      return strings.unit.yearsTooMany(maxYears);
    case "begrundelse-required":
      return strings.unit.begrundelseRequired;
    case "gul-one-year":
      return strings.unit.yearsHintGul;
    case "not-assessed":
    case "years-invalid":
      return strings.unit.yearsInvalid;
  }
}
