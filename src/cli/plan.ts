import { UsageError, type CliIO } from "./io";

/** `budgetlys plan` (to be built: issue 5). */
export async function runPlan(_argv: readonly string[], _io: CliIO): Promise<number> {
  throw new UsageError("plan er endnu ikke bygget.");
}
