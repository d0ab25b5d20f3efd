/**
 * Reading .xlsx files by path (Node only: the CLI and scripts). The browser-safe part is
 * `read.ts`; this module adds the file system and maps its errors to {@link XlsxReadError}.
 */
import { readFile } from "node:fs/promises";
import type { SheetGrid } from "../core/grid";
import { readXlsxGrids } from "./read";
import { XlsxReadError } from "./readErrors";

/** Reads the workbook at `path`. Throws only {@link XlsxReadError}. */
export async function readXlsxFile(path: string): Promise<SheetGrid[]> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === "ENOENT") throw new XlsxReadError("not-found", { cause });
    if (code === "EISDIR") throw new XlsxReadError("io", { cause, detail: "Stien er en mappe." });
    if (code === "EACCES" || code === "EPERM") throw new XlsxReadError("io", { cause, detail: "Ingen adgang til filen." });
    throw new XlsxReadError("io", { cause });
  }
  return readXlsxGrids(data);
}
