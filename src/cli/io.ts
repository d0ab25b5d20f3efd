/** What a command needs from its process: streams, working directory, environment. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 all assessed; 1 read but some units not assessed or a sheet without units; 2 usage or unreadable file. */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

/** A usage error: printed in Danish, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
