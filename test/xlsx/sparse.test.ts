/**
 * Issue 12 item 6: one stray cell far from the table (a character at the last column and row)
 * must cost what a cell costs. The same workbook is read with and without the stray cell, each in
 * its own Node process (so the measurements do not share a heap); the peak heap and the peak
 * resident memory with the stray cell stay within 2× of those without it, and the units agree.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "budgetlys-sparse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function budgetWorkbook(stray: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Enheder");
  ws.addRow(["Nr.", "Navn", "Korrigeret budget", "Regnskab", "Overført"]);
  for (let i = 0; i < 2000; i++) ws.addRow([1000 + i, `Enhed ${i}`, 1_000_000 + i * 100, 1_020_000 + i * 37, -(i % 7) * 1000]);
  if (stray) ws.getCell("XFD1048576").value = "x";
  const path = join(dir, stray ? "stray.xlsx" : "plain.xlsx");
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

interface Probe {
  heapPeak: number;
  maxRssKb: number;
  units: unknown[];
}

function probe(path: string): Probe {
  // A heap limit of 512 MB: allocating the whole rectangle (17 billion cells) fails fast.
  const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=512", "--import", "tsx", join(__dirname, "memoryProbe.ts"), path], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Probe;
}

describe("a stray cell at the last cell of the sheet", () => {
  it("reads sparsely: peak heap and peak memory within 2× of the same workbook without it, the same units", async () => {
    const plain = probe(await budgetWorkbook(false));
    const stray = probe(await budgetWorkbook(true));
    expect(stray.units).toEqual(plain.units);
    expect(plain.units.length).toBe(2000);
    expect(stray.heapPeak).toBeLessThanOrEqual(2 * plain.heapPeak);
    expect(stray.maxRssKb).toBeLessThanOrEqual(2 * plain.maxRssKb);
  }, 120_000);
});
