/**
 * A subcommand and the one error style they all share. A command declares its options and its
 * usage text and returns an exit code; it throws {@link CliError} / {@link UsageError} for
 * anything the user must fix, and {@link runCommand} prints every error the same way:
 * `Fejl: <Danish message>` on stderr (plus the usage text for bad usage), exit code from
 * {@link EXIT}. Nothing here calls `process.exit`, so tests run commands in-process.
 */
import { parseCommandLine, type OptionSpecs, type ParsedArgs } from "./args";
import { CliError, EXIT, UsageError, type CliIO } from "./io";

export interface Command {
  /** The word after `budgetlys`. */
  readonly name: string;
  /** The command's lines in `budgetlys help`: its synopsis and one line saying what it does. */
  readonly synopsis: string;
  /** The full text of `budgetlys <name> --help`. */
  readonly usage: string;
  /** Parses `argv` and runs; throws {@link CliError} for what the user must fix. Use {@link runCommand}. */
  readonly run: (argv: readonly string[], io: CliIO) => Promise<number>;
}

/** A command from its options and a `run` that receives them parsed (`--help` is handled here). */
export function defineCommand<const O extends OptionSpecs>(definition: {
  readonly name: string;
  readonly synopsis: string;
  readonly usage: string;
  readonly options: O;
  readonly run: (args: ParsedArgs<O>, io: CliIO) => Promise<number>;
}): Command {
  const { name, synopsis, usage, options, run } = definition;
  return {
    name,
    synopsis,
    usage,
    run: async (argv, io) => {
      const args = parseCommandLine(argv, options);
      if (args.help) {
        io.stdout.write(usage);
        return EXIT.ok;
      }
      return run(args, io);
    },
  };
}

/** Runs `command` and prints any error in the one style; returns the exit code. */
export async function runCommand(command: Command, argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    return reportError(error, io, command.usage);
  }
}

/** Prints `error` in Danish on stderr and returns its exit code; `usage` follows a {@link UsageError}. */
export function reportError(error: unknown, io: CliIO, usage: string): number {
  if (error instanceof CliError) {
    io.stderr.write(`Fejl: ${error.message}\n${error instanceof UsageError ? `\n${usage}` : ""}`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(`Fejl: Uventet fejl i budgetlys (${detail}). Det er en fejl i programmet: skriv kommandoen og filen til udviklerne.\n`);
  if (io.env.BUDGETLYS_DEBUG !== undefined && io.env.BUDGETLYS_DEBUG !== "" && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
