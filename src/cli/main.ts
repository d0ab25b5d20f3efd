/**
 * `budgetlys` — the command line over `src/xlsx`: `scan` reads workbooks, `plan` writes plans.
 * Each subcommand lives in its own module and returns an exit code; nothing here calls
 * `process.exit`, so tests run commands in-process.
 */
import { EXIT, UsageError, type CliIO } from "./io";

const USAGE = `Brug: budgetlys <kommando> [tilvalg]

Kommandoer:
  scan FILE... [--json] [--sheet NAVN] [--mapping FIL.json] [--policy FIL.json]
        Læs enhedernes budgetter og vis trafiklys for hver enhed.
  plan FILE (--unit ID|NAVN ... | --all) [--years N] [--begrundelse TEKST]
       [--mapping FIL.json] [--policy FIL.json] [--out UD.xlsx] [--force]
        Skriv Oversigt og handleplaner/afviklingsplaner/overskudsplaner i en ny projektmappe.
  help  Vis denne hjælp.
`;

/** Runs the command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "scan": {
        const { runScan } = await import("./scan");
        return await runScan(rest, io);
      }
      case "plan": {
        const { runPlan } = await import("./plan");
        return await runPlan(rest, io);
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Ukendt kommando "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`Fejl: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}
