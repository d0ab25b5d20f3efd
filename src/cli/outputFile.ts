/**
 * Writing a command's output file without ever harming a file: the output may not be any input
 * under another name (a symbolic link, a hard link, `./x/../in.xlsx` — compared by real path and
 * by file identity, device + inode), its folder must exist, and the bytes go to a temporary file
 * in the same folder that is renamed into place, so a failure never leaves a half-written file.
 * Without `force` an existing output is kept (the final step is a hard link, which refuses an
 * existing name atomically).
 */
import { randomBytes } from "node:crypto";
import { link, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CliError } from "./io";

/** The file system's code of an error, if any. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Refuses (exit 2, Danish) an output path that is one of the inputs under any name, a folder, or
 * in a folder that does not exist. `shown` is the path as the user wrote it.
 */
export async function checkOutputPath(out: string, inputs: readonly string[], shown: string): Promise<void> {
  const folder = dirname(out);
  const folderStat = await statOrUndefined(folder);
  if (folderStat === undefined) throw new CliError(`Mappen ${dirname(shown) || "."} findes ikke, så ${shown} kan ikke skrives. Opret mappen først, eller vælg en anden --out.`);
  if (!folderStat.isDirectory()) throw new CliError(`${dirname(shown)} er ikke en mappe, så ${shown} kan ikke skrives.`);
  const outStat = await statOrUndefined(out);
  if (outStat?.isDirectory() === true) throw new CliError(`${shown} er en mappe, ikke en fil. Angiv et filnavn med --out.`);
  const outReal = outStat === undefined ? join(await realpath(folder), basename(out)) : await realpath(out);
  for (const input of inputs) {
    const inStat = await statOrUndefined(input);
    const inReal = inStat === undefined ? input : await realpath(input);
    const sameFile = outStat !== undefined && inStat !== undefined && outStat.dev === inStat.dev && outStat.ino === inStat.ino;
    if (sameFile || outReal === inReal) {
      throw new CliError(`Udfilen ${shown} er den fil, der læses (under et andet navn). Budgetlys skriver altid en ny projektmappe og rører aldrig den, der læses; vælg et andet navn med --out.`);
    }
  }
}

/**
 * Writes `bytes` to `out` through a temporary file in the same folder, renamed into place.
 * Without `force` an existing `out` is kept and a {@link CliError} says so.
 */
export async function writeOutputFile(out: string, bytes: Uint8Array, options: { force: boolean; shown: string }): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    if (options.force) {
      await rename(temp, out);
      return;
    }
    try {
      await link(temp, out);
    } catch (error) {
      if (codeOf(error) === "EEXIST") throw error;
      // A file system without hard links: check, then rename (a tiny window, never a partial file).
      if ((await statOrUndefined(out)) !== undefined) throw Object.assign(new Error("exists"), { code: "EEXIST" });
      await rename(temp, out);
      return;
    }
    await unlink(temp).catch(() => undefined);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = codeOf(error);
    if (code === "EEXIST") throw new CliError(`${options.shown} findes allerede; den bevares. Brug --force for at overskrive den.`);
    if (code === "ENOENT") throw new CliError(`Mappen til ${options.shown} findes ikke. Opret mappen først, eller vælg en anden --out.`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new CliError(`${options.shown} kunne ikke skrives: ingen adgang til mappen.`);
    if (code === "ENOSPC") throw new CliError(`${options.shown} kunne ikke skrives: disken er fuld. Intet er ændret.`);
    if (code === "EISDIR") throw new CliError(`${options.shown} er en mappe, ikke en fil.`);
    throw new CliError(`${options.shown} kunne ikke skrives (${code ?? (error instanceof Error ? error.message : String(error))}). Intet er ændret.`);
  }
}
