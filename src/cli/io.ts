/** What a command needs from its process: streams, working directory, environment. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Exit codes, the same for every subcommand: 0 done; 1 done, but something could not be assessed
 * (a unit, a sheet without units); 2 bad usage, an unreadable file, or a refusal (an output that
 * would overwrite something); 3 an unexpected internal error (a bug: please report it).
 */
export const EXIT = { ok: 0, partial: 1, usage: 2, internal: 3 } as const;

/**
 * A refusal the user can act on: printed as `Fejl: <message>` on stderr, exit code 2 unless
 * given. Every subcommand throws this (or {@link UsageError}) instead of writing errors itself.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Bad usage (an unknown option, a missing value): like {@link CliError}, followed by the command's usage text. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}
