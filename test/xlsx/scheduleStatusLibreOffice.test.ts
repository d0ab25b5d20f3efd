/**
 * The afviklingsplan's status formulas recalculated by LibreOffice headless: each case of
 * test/core/sheets/scheduleCases.ts typed into its own sheet of a workbook written by the .xlsx
 * writer, and every status word as core/planStatus gives it. Skipped where `soffice` is missing.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { CellSpec, SheetDescription } from "../../src/core/sheetDescription";
import { afviklingsplanSheet } from "../../src/core/sheets/afviklingsplan";
import { AFVIKLINGSPLAN_HEADER_ROLES, AFVIKLINGSPLAN_SHEET, scheduleLayout } from "../../src/core/sheets/afviklingsplanLayout";
import { unitHeaderLayout } from "../../src/core/sheets/unitHeaderLayout";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { unitOf } from "../core/sheets/helpers";
import { SCHEDULE_CASES, type Typed } from "../core/sheets/scheduleCases";
import { convert, findSoffice, parseCsv } from "../fixtures/sheets/libreoffice";

const soffice = findSoffice();
if (soffice === null) console.warn("LibreOffice (soffice) findes ikke: LibreOffice-testen af planstatus springes over.");

/** `description` with the given input cells set (numbers, text, or left blank). */
function withInputs(description: SheetDescription, name: string, inputs: ReadonlyMap<string, Typed | string>): SheetDescription {
  const cells: CellSpec[] = description.cells.map((cell) => {
    const v = inputs.get(`${cell.row},${cell.col}`);
    if (v === undefined) return cell;
    const { value: _old, ...rest } = cell;
    return v === null ? rest : { ...rest, value: v };
  });
  return { ...description, name, cells };
}

describe.skipIf(soffice === null)("the afviklingsplan's status in LibreOffice", () => {
  it("gives each status of the table from the generated formulas", () => {
    const unit = unitOf({ name: "Enhed", budget: 1_000_000, spending: 1_100_000 });
    const template = afviklingsplanSheet({ policy: RANDERSMODELLEN_2_0, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03", unit, years: 3, begrundelse: "Særligt tilfælde" });
    const header = unitHeaderLayout(AFVIKLINGSPLAN_SHEET.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
    const S = scheduleLayout(header.next + 1, 3);
    const key = (c: { row: number; col: number }) => `${c.row},${c.col}`;
    const sheets = SCHEDULE_CASES.map(([, realised, forecast, dispensation], n) => {
      const inputs = new Map<string, Typed | string>();
      realised.forEach((v, i) => inputs.set(key(S.cell("realised", i)), v));
      forecast.forEach((v, i) => inputs.set(key(S.cell("forecast", i)), v));
      inputs.set(key(header.value("dispensation")), dispensation === "" ? null : dispensation);
      return withInputs(template, `S${n + 1}`, inputs);
    });
    return (async () => {
      const work = mkdtempSync(join(tmpdir(), "budgetlys-lo-status-"));
      const file = join(work, "status.xlsx");
      writeFileSync(file, await writeWorkbookXlsx(sheets));
      convert(soffice as string, file, work, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1");
      const csvs = readdirSync(work).filter((f) => f.endsWith(".csv"));
      expect(csvs).toHaveLength(sheets.length);
      const statusOf = (n: number): string | undefined => {
        const rows = parseCsv(readFileSync(join(work, `status-S${n + 1}.csv`), "utf8"));
        return rows[S.overallStatus.row]?.[S.overallStatus.col];
      };
      SCHEDULE_CASES.forEach(([name, , , , expected], n) => expect(statusOf(n), name).toBe(expected));
    })();
  }, 120_000);
});
