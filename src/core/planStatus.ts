/**
 * Follow-up of an afviklingsplan: compares realised instalments with the plan. A due year paid
 * below plan makes the plan "Ikke overholdt" — the point where frihedsgrader can be suspended.
 */
import type { Ore } from "./money";

/** The follow-up statuses, in Danish as shown everywhere. */
export type PlanStatus = "Overholdt" | "Ikke overholdt" | "Afviklet" | "Afvikling dispenseret";

/** All statuses. */
export const PLAN_STATUSES: readonly PlanStatus[] = ["Overholdt", "Ikke overholdt", "Afviklet", "Afvikling dispenseret"];

/**
 * The status of a schedule. `realised[i]` is `null` for a year not yet reported (not due).
 * - a dispensation → "Afvikling dispenseret";
 * - any reported year below its planned instalment → "Ikke overholdt";
 * - all planned instalments reported and paid → "Afviklet";
 * - otherwise → "Overholdt".
 */
export function planStatus(
  planned: readonly Ore[],
  realised: readonly (Ore | null)[],
  dispensation = false,
): PlanStatus {
  if (dispensation) return "Afvikling dispenseret";
  let allPaid = planned.length > 0;
  for (let i = 0; i < planned.length; i++) {
    const paid = realised[i] ?? null;
    if (paid === null) {
      allPaid = false;
    } else if (paid < (planned[i] as Ore)) {
      return "Ikke overholdt";
    }
  }
  return allPaid ? "Afviklet" : "Overholdt";
}
