/**
 * The written workbook opened and recalculated by LibreOffice headless: not a single error value,
 * and the figures the core computes. Skipped (with a message) where `soffice` is not installed:
 * `apt-get install -y libreoffice-calc`.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { scanWorkbook } from "../../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { oversigtColumns } from "../../src/core/sheets/oversigtLayout";
import { plansFor } from "../../src/core/sheets/plansFor";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { convert, findSoffice, parseCsv } from "../fixtures/sheets/libreoffice";

const soffice = findSoffice();
if (soffice === null) console.warn("LibreOffice (soffice) findes ikke: LibreOffice-testen springes over (apt-get install -y libreoffice-calc).");

describe.skipIf(soffice === null)("generated workbook in LibreOffice", () => {
  it("recalculates every sheet without an error value and with the core's figures", async () => {
    const policy = RANDERSMODELLEN_2_0;
    const readAt = "31-05-2026 kl. 09.30";
    const grids = await readXlsxGrids(readFileSync(join(__dirname, "../fixtures/workbooks/eksempel-budget.xlsx")));
    const scan = scanWorkbook(grids, { policy, file: "eksempel-budget.xlsx" });
    const set = plansFor(scan, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
    // The Oversigt and one sheet of each kind and colour keep LibreOffice's work (and the test) short.
    const keep = ["Oversigt", "HP Nørrevangsskolen", "AP Nørrevangsskolen", "HP O’Brien Skole", "OP Vorup Skole"];
    const sheets = workbookSheets(scan.units, set, policy, readAt).filter((s) => keep.includes(s.name));
    expect([...sheets.map((s) => s.name)].sort()).toEqual([...keep].sort());
    const work = mkdtempSync(join(tmpdir(), "budgetlys-lo-"));
    const file = join(work, "planer.xlsx");
    writeFileSync(file, await writeWorkbookXlsx(sheets));

    // Raw values (not as shown), "." decimals, one CSV file per sheet.
    convert(soffice as string, file, work, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1");
    const csvs = readdirSync(work).filter((f) => f.endsWith(".csv"));
    expect(csvs).toHaveLength(sheets.length);
    const bySheet = new Map(csvs.map((f) => [f.replace(/^planer-/, "").replace(/\.csv$/, ""), parseCsv(readFileSync(join(work, f), "utf8"))]));
    const errors: string[] = [];
    for (const [sheet, rows] of bySheet) {
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (/^(#[A-Z/0!?]+|Err:\d+)/.test(value)) errors.push(`${sheet} R${r + 1}C${c + 1}: ${value}`);
        }),
      );
    }
    expect(errors).toEqual([]);

    const cellOf = (sheet: string, cell: { row: number; col: number }) => bySheet.get(sheet)?.[cell.row]?.[cell.col];
    // Every formula of every description has a value, and the indicator/instalments match the core.
    for (const d of sheets) {
      for (const spec of d.cells) {
        if (spec.formula === undefined) continue;
        expect(cellOf(d.name, spec), `${d.name} ${spec.formula}`).not.toBeUndefined();
      }
    }
    const rows = bySheet.get("Oversigt")!;
    for (const unit of scan.units) {
      const row = rows.find((r) => r[1] === unit.name);
      expect(row?.[oversigtColumns(false).indicator], unit.name).toBe(unit.assessment?.indicator ?? "");
    }
    const counts = rows.slice(4, 9).map((r) => [r[1], Number(r[2])]);
    const count = (i: string) => scan.units.filter((u) => u.assessment?.indicator === i).length;
    expect(counts).toEqual([["Grøn", count("Grøn")], ["Gul", count("Gul")], ["Rød", count("Rød")], ["Ikke vurderet", 0], ["Enheder i alt", scan.units.length]]);
    const ap = bySheet.get("AP Nørrevangsskolen")!;
    const planned = ap.map((r) => r[2]).filter((v, i) => i > 0 && /^\d/.test(v ?? "") && ap[i]?.[0]?.match(/^20\d\d$/)).map(Number);
    expect(planned).toEqual([750000, 750000, 750000]);
  }, 60_000);
});
