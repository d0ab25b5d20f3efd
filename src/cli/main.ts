/**
 * `budgetlys` — the command line over `src/xlsx`: `scan` reads workbooks, `plan` writes plans.
 * Each subcommand is a {@link Command} in its own module, listed once in {@link COMMANDS}; this
 * module only dispatches and prints errors in the one style (see `command.ts`).
 */
import { reportError, runCommand, type Command } from "./command";
import { EXIT, UsageError, type CliIO } from "./io";
import { opfoelgningCommand } from "./opfoelgning";
import { planCommand } from "./plan";
import { scanCommand } from "./scan";

/** Every subcommand, in the order `budgetlys help` lists them. Adding one: its module, one entry here. */
export const COMMANDS: readonly Command[] = [scanCommand, planCommand, opfoelgningCommand];

/** The text of `budgetlys help`. */
export function mainUsage(): string {
  return `Brug: budgetlys <kommando> [tilvalg]

Kommandoer:
${COMMANDS.map((c) => c.synopsis).join("\n")}
  help  Vis denne hjælp. "budgetlys <kommando> --help" viser kommandoens tilvalg.

Exitkoder: 0 færdig; 1 færdig, men noget kunne ikke vurderes; 2 forkert brug, en fil der ikke
kunne læses, eller noget der ville blive overskrevet; 3 en uventet fejl i programmet.
`;
}

/** Runs the command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(mainUsage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) return reportError(new UsageError(`Ukendt kommando "${name}".`), io, mainUsage());
  return runCommand(command, rest, io);
}
