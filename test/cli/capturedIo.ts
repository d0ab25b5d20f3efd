/** A CliIO that captures what a command prints, for the command-line tests. */
import type { CliIO } from "../../src/cli/io";

/** What a test reads back: the IO plus everything written to stdout and stderr. */
export type CapturedIO = CliIO & { out: () => string; err: () => string };

/** Runs in `cwd`; `now` fixes the command's clock (BUDGETLYS_NOW) when given. */
export function capturedIo(cwd: string, now?: string): CapturedIO {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    env: now === undefined ? {} : { BUDGETLYS_NOW: now },
    out: () => out,
    err: () => err,
  };
}
