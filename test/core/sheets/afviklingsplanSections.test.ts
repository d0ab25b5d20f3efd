/**
 * The separate afviklingsplan carries what the handleplan carries around its schedule (issue 14,
 * "One schedule per unit"): opfølgning at every follow-up date of EVERY repayment year, the
 * begrundelse for more than one year with its check, and godkendelse — each formula with the
 * value the core stores for it, equal to what a formula engine computes (HyperFormula here,
 * LibreOffice in test/xlsx/storedValuesLibreOffice.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBudgetlysAfviklingsplan } from "../../../src/core/ownSheets";
import { RANDERSMODELLEN_2_0, type Policy } from "../../../src/core/policy";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { afviklingsplanSheetLayout } from "../../../src/core/sheets/afviklingsplanLayout";
import { ref } from "../../../src/core/sheets/build";
import { BEGRUNDELSE_CHECK, excelDateSerial, TEXT_AREA_ROWS } from "../../../src/core/sheets/planSections";
import { engineOf, formulaErrors, SAMPLE_UNITS, setAt, unitOf, valueAt } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const base = { policy, accountsYear: 2025, asOf: "2025-12-31", figures: "accounts", readAt: "12-06-2026 kl. 14.03" } as const;
const rod = SAMPLE_UNITS[1] as NonNullable<(typeof SAMPLE_UNITS)[1]>;

const texts = (d: SheetDescription): string[] => d.cells.flatMap((c) => (typeof c.value === "string" ? [c.value] : []));
const cellOf = (d: SheetDescription, row: number, col: number) => d.cells.find((c) => c.row === row && c.col === col);

/** The sheet as a grid (values, formulas' stored results), as a reader of the written file sees it. */
function gridOf(d: SheetDescription) {
  const rows = Math.max(...d.cells.map((c) => c.row)) + 1;
  const values = Array.from({ length: rows }, () => [] as (string | number | boolean | null)[]);
  for (const c of d.cells) (values[c.row] as unknown[])[c.col] = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
  return { name: d.name, origin: { row: 0, col: 0 }, values };
}

describe("the separate afviklingsplan's sections", () => {
  it("follow-up rows for every date of every repayment year, each date's stored value equal to the engine's (property)", () => {
    const dates = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}`),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2000, max: 2090 }), dates, (years, accountsYear, followUpDates) => {
        const p: Policy = { ...policy, followUpDates };
        const sheet = afviklingsplanSheet({ ...base, policy: p, accountsYear, unit: rod, years, begrundelse: "Særligt tilfælde" });
        const L = afviklingsplanSheetLayout(years, followUpDates.length);
        expect(L.followUp.rows).toHaveLength(years * followUpDates.length);
        const hf = engineOf([sheet]);
        const seenYears = new Set<number>();
        L.followUp.rows.forEach((row, i) => {
          const cell = cellOf(sheet, row, L.followUp.col.date);
          expect(cell?.formula).toMatch(/^=DATE\(/);
          const [day, month] = (followUpDates[i % followUpDates.length] as string).split("/").map(Number) as [number, number];
          const year = accountsYear + 1 + Math.floor(i / followUpDates.length);
          expect(cell?.result).toBe(excelDateSerial(year, month, day));
          expect(valueAt(hf, sheet.name, { row, col: L.followUp.col.date })).toBe(cell?.result);
          seenYears.add(year);
        });
        // Every repayment year, the first (the budget year + 1) to the last.
        expect([...seenYears].sort()).toEqual(Array.from({ length: years }, (_, k) => accountsYear + 1 + k));
      }),
      { numRuns: 25 },
    );
  });

  it("the begrundelse: given over more than one year, missing when cleared, not applicable over one year — stored as the engine computes it", () => {
    for (const years of [1, 2, 3]) {
      const sheet = afviklingsplanSheet({ ...base, unit: rod, years, begrundelse: "Stor engangsudgift til vikarer." });
      const L = afviklingsplanSheetLayout(years, policy.followUpDates.length);
      const check = cellOf(sheet, L.begrundelse.check.row, L.begrundelse.check.col);
      const hf = engineOf([sheet]);
      const expected = years > 1 ? BEGRUNDELSE_CHECK.given : BEGRUNDELSE_CHECK.notApplicable;
      expect(check?.result).toBe(expected);
      expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(expected);
      expect(cellOf(sheet, L.begrundelse.input.row, L.begrundelse.input.col)?.value).toBe("Stor engangsudgift til vikarer.");
      setAt(hf, sheet.name, L.begrundelse.input, null);
      expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(years > 1 ? BEGRUNDELSE_CHECK.missing : BEGRUNDELSE_CHECK.notApplicable);
      // The check reads the sheet's own number of years.
      setAt(hf, sheet.name, L.header.value("years"), 2);
      expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(BEGRUNDELSE_CHECK.missing);
    }
  });

  it("godkendelse like the handleplan: leader (pre-filled) and chief with name, date and signature", () => {
    const sheet = afviklingsplanSheet({ ...base, unit: rod, years: 1, leader: "Anne Leder" });
    const L = afviklingsplanSheetLayout(1, policy.followUpDates.length);
    const ap = L.approval;
    expect(cellOf(sheet, L.sections.approval, 0)?.value).toBe("Godkendelse");
    expect([ap.col.role, ap.col.name, ap.col.date, ap.col.signature].map((col) => cellOf(sheet, ap.headerRow, col)?.value)).toEqual(["Rolle", "Navn", "Dato", "Underskrift"]);
    expect(cellOf(sheet, ap.leaderRow, ap.col.role)?.value).toBe("Leder");
    expect(cellOf(sheet, ap.leaderRow, ap.col.name)?.value).toBe("Anne Leder");
    expect(cellOf(sheet, ap.chiefRow, ap.col.role)?.value).toBe("Chef");
    expect(cellOf(sheet, ap.chiefRow, ap.col.date)?.style).toBe("inputDate");
    expect(texts(sheet)).toEqual(expect.arrayContaining(["Opfølgning", "Begrundelse for afvikling over mere end ét år", "Opfølgningsdato", "Drøftet med"]));
  });

  it("prints like the other documents: A4, the sections inside the print area, a free-text box of at least 6 lines, every formula stored, no formula error", () => {
    for (const years of [1, 3]) {
      const sheet = afviklingsplanSheet({ ...base, unit: rod, years, begrundelse: "Særligt tilfælde" });
      const L = afviklingsplanSheetLayout(years, policy.followUpDates.length);
      expect(sheet.print?.paperSize).toBe("A4");
      expect(sheet.print?.printArea?.bottom).toBe(L.lastRow);
      expect(Math.max(...sheet.cells.map((c) => c.row))).toBe(L.lastRow);
      expect(L.begrundelse.range.bottom - L.begrundelse.range.top + 1).toBe(TEXT_AREA_ROWS);
      expect(TEXT_AREA_ROWS).toBeGreaterThanOrEqual(6);
      const formulas = sheet.cells.filter((c) => c.formula !== undefined);
      expect(formulas.length).toBeGreaterThan(0);
      expect(formulas.filter((c) => c.result === undefined).map((c) => ref(c))).toEqual([]);
      expect(formulaErrors(engineOf([sheet]), [sheet])).toEqual([]);
    }
  });

  it("is still recognised as Budgetlys' own sheet, and its plan record points at its schedule", () => {
    const unit = unitOf({ name: "Enhed", budget: 1_000_000, spending: 1_200_000 });
    const sheet = afviklingsplanSheet({ ...base, unit, years: 3, begrundelse: "Særligt tilfælde" });
    expect(isBudgetlysAfviklingsplan(gridOf(sheet))).toBe(true);
    const L = afviklingsplanSheetLayout(3, policy.followUpDates.length);
    expect(sheet.plan?.cells.realised).toEqual([0, 1, 2].map((i) => ref(L.schedule.cell("realised", i))));
    expect(L.sections.followUp).toBeGreaterThan(L.schedule.next);
  });
});
