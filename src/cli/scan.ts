import { UsageError, type CliIO } from "./io";

/** `budgetlys scan` (to be built: issue 4). */
export async function runScan(_argv: readonly string[], _io: CliIO): Promise<number> {
  throw new UsageError("scan er endnu ikke bygget.");
}
