/**
 * Golden files (script-lab style): every workbook in test/fixtures/workbooks is read with
 * readXlsxGrids → scanWorkbook and compared with its `.expected.json`, written from the truth
 * the example was rendered from (scripts/make-fixtures.ts). `error-*` inputs must be refused
 * with their reason.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { toKroner } from "../../../src/core/money";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { readXlsxGrids, XlsxReadError } from "../../../src/xlsx/read";
import type { Expected, ExpectedUnit } from "../../fixtures/workbooks/expected";

const dir = join(__dirname, "..", "..", "fixtures", "workbooks");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.slice(0, -".xlsx".length))
  .sort();

describe("golden workbooks", () => {
  it("has at least 10 examples and 5 error inputs", () => {
    expect(names.filter((n) => !n.startsWith("error-")).length).toBeGreaterThanOrEqual(10);
    expect(names.filter((n) => n.startsWith("error-")).length).toBeGreaterThanOrEqual(5);
  });

  for (const name of names) {
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Expected & { error?: string };
    const data = readFileSync(join(dir, `${name}.xlsx`));

    if (name.startsWith("error-")) {
      it(`${name} is refused with a Danish reason`, async () => {
        const error = await readXlsxGrids(new Uint8Array(data)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(XlsxReadError);
        expect((error as XlsxReadError).reason).toBe(expected.error);
        expect((error as XlsxReadError).message).toMatch(/[a-zæøå]{3,}/);
        expect((error as XlsxReadError).message).not.toMatch(/\bat\s+\S+:\d+/);
      });
      continue;
    }

    it(`${name} reads as expected`, async () => {
      const grids = await readXlsxGrids(new Uint8Array(data));
      const scan = scanWorkbook(grids, { policy: DEFAULT_POLICY, file: `${name}.xlsx` });

      for (const sheet of expected.sheets) {
        const reading = scan.sheets.find((s) => s.sheet === sheet.sheet);
        expect(reading?.explained, `${sheet.sheet}: ${JSON.stringify(reading?.skipped)}`).not.toBeNull();
        const mapping = reading?.explained?.mapping;
        expect({ headerRow: mapping?.headerRow, unit: mapping?.unit, signConvention: mapping?.signConvention }).toEqual({
          headerRow: sheet.headerRow,
          unit: sheet.unit,
          signConvention: sheet.signConvention,
        });
        for (const [role, letter] of Object.entries(sheet.columns)) {
          expect(`${role}=${(mapping?.columns as Record<string, string> | undefined)?.[role]}`).toBe(`${role}=${letter}`);
        }
        if (sheet.period !== undefined) {
          const p = reading?.period;
          // A guessed year is today's: compared as "guess", and a date in it as "YYYY-…".
          const asOf = p?.guess === true ? (p.asOf?.replace(/^\d{4}/, "YYYY") ?? null) : p?.asOf;
          expect({ budgetYear: p?.guess ? "guess" : p?.budgetYear, asOf, figures: p?.figures, source: p?.source }).toEqual({
            budgetYear: sheet.period.budgetYear,
            asOf: sheet.period.asOf,
            figures: sheet.period.figures,
            source: sheet.period.source,
          });
          if (sheet.period.reasonContains !== undefined) expect(p?.reason).toContain(sheet.period.reasonContains);
        }
        const skippedRows = new Set(reading?.skipped.map((s) => s.row));
        for (const row of sheet.skippedRows) expect(skippedRows.has(row), `${sheet.sheet} row ${row} skipped`).toBe(true);
      }

      for (const refusal of expected.refused ?? []) {
        const reading = scan.sheets.find((s) => s.sheet === refusal.sheet);
        expect(reading, refusal.sheet).toBeDefined();
        expect(reading?.units, `${refusal.sheet} gives no colour`).toEqual([]);
        const reason = reading?.skipped.find((s) => s.row === 0)?.reason ?? "";
        for (const words of refusal.reasonContains) expect(reason, `${refusal.sheet}: ${reason}`).toContain(words);
      }

      const actual = scan.units.map((u): ExpectedUnit => ({
        sheet: u.sheet,
        row: u.row,
        id: u.id,
        name: u.name,
        budget: u.figures === null ? null : toKroner(u.figures.budget),
        spending: u.figures === null ? null : toKroner(u.figures.spending),
        carried: u.figures === null ? null : toKroner(u.figures.carried),
        result: u.assessment === null ? null : toKroner(u.assessment.totalResult),
        indicator: u.assessment?.indicator ?? null,
        requirement: u.assessment?.requirement ?? null,
        error: u.error,
      }));
      // Errors are compared by the substring the example expects (the cell's error code, "tom" …).
      const comparable = actual.map((u, i) => {
        const want = expected.units[i]?.error;
        return { ...u, error: u.error !== null && want !== null && want !== undefined && u.error.includes(want) ? want : u.error };
      });
      expect(comparable).toEqual(expected.units);
      for (const u of scan.units) expect(u.file).toBe(`${name}.xlsx`);
    });
  }
});
