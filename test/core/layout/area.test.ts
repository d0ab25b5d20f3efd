/**
 * The udvalg/område of each unit (issue 13): read from an "Område"/"Udvalg" column, else the
 * section heading above its group, else a title naming the udvalg — each with a reason; nothing
 * when the sheet does not say. Both read ports give the same areas.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cell";
import type { SheetGrid } from "../../../src/core/grid";
import { areaOverrideFromJson, areasFound, isSectionLabel, type AreaOverride } from "../../../src/core/layout/area";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import type { UnitRecord } from "../../../src/core/unit";
import { ExcelWorkbookPort } from "../../../src/excel/ExcelWorkbookPort";
import { readXlsxGrids } from "../../../src/xlsx/read";
import { fakeExcelFromGrids } from "../../fakes/workbookSnapshot";

const HEAD = ["Nr.", "Navn", "Korrigeret budget", "Forventet forbrug", "Overført fra tidligere år"];

function sheet(rows: readonly (readonly CellValue[])[], head: readonly string[] = HEAD, title = "Budgetopfølgning pr. 31. maj 2025"): SheetGrid {
  return { name: "Opfølgning", origin: { row: 0, col: 0 }, values: [[title], [], [...head], ...rows.map((r) => [...r])] };
}

function areas(g: SheetGrid): (string | null)[] {
  return scanWorkbook([g], { policy: DEFAULT_POLICY }).units.map((u) => u.area?.name ?? null);
}

function unit(id: string, name: string, budget = 1_000_000): CellValue[] {
  return [id, name, budget, budget + 10_000, 0];
}

function summary(units: readonly UnitRecord[]): [string, number, string][] {
  const out: [string, number, string][] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    const name = u.area?.name ?? "-";
    if (last !== undefined && last[0] === name) last[1]++;
    else out.push([name, 1, u.area?.reason ?? ""]);
  }
  return out;
}

describe("the area of a unit", () => {
  it("eksempel-budget: the three section headings, through the .xlsx reader and through the Excel port alike", async () => {
    const data = readFileSync(join(__dirname, "..", "..", "fixtures", "workbooks", "eksempel-budget.xlsx"));
    const grids = await readXlsxGrids(new Uint8Array(data));
    const viaXlsx = scanWorkbook(grids, { policy: DEFAULT_POLICY }).units;
    const viaExcel = scanWorkbook(await new ExcelWorkbookPort(fakeExcelFromGrids(grids).run).readSheets(), { policy: DEFAULT_POLICY }).units;
    expect(summary(viaXlsx)).toEqual([
      ["Skoler", 8, 'Afsnitsoverskriften i række 6 ("Skoler")'],
      ["Dagtilbud", 6, 'Afsnitsoverskriften i række 17 ("Dagtilbud")'],
      ["Ældre og sundhed", 6, 'Afsnitsoverskriften i række 26 ("Ældre og sundhed")'],
    ]);
    expect(viaExcel.map((u) => u.area)).toEqual(viaXlsx.map((u) => u.area));
  });

  it("a column headed Område or Udvalg wins over the section heading, with the column in the reason", () => {
    const head = ["Nr.", "Navn", "Område", "Korrigeret budget", "Forventet forbrug", "Overført fra tidligere år"];
    const g = sheet([[null, "Skoler"], ["1", "A", "Børn og Skole", 100, 110, 0], ["2", "B", null, 100, 90, 0], ["3", "C", "  Ældre  ", 100, 100, 0]], head);
    const units = scanWorkbook([g], { policy: DEFAULT_POLICY }).units;
    expect(units.map((u) => u.area)).toEqual([
      { name: "Børn og Skole", reason: 'Kolonne C ("Område")', source: "column" },
      { name: "Skoler", reason: 'Afsnitsoverskriften i række 4 ("Skoler")', source: "section" },
      { name: "Ældre", reason: 'Kolonne C ("Område")', source: "column" },
    ]);
    const udvalg = sheet([["1", "A", "Social- og Sundhedsudvalget", 100, 110, 0]], ["Nr.", "Navn", "Udvalg", ...HEAD.slice(2)]);
    expect(areas(udvalg)).toEqual(["Social- og Sundhedsudvalget"]);
    // With no other label column, "Område" is still the units' name, not an area.
    const only = scanWorkbook([sheet([["Bakkeskolen", 100, 110, 0]], ["Område", "Korrigeret budget", "Forventet forbrug", "Overført"])], { policy: DEFAULT_POLICY }).units;
    expect(only.map((u) => [u.name, u.area])).toEqual([["Bakkeskolen", null]]);
  });

  it("a total row ends the group: units after it without a new heading have no area", () => {
    const g = sheet([[null, "Skoler"], unit("1", "A"), unit("2", "B"), [null, "Skoler i alt", 2_000_000, 2_020_000, 0], unit("3", "C"), [null, "Dagtilbud"], unit("4", "D")]);
    expect(areas(g)).toEqual(["Skoler", "Skoler", null, "Dagtilbud"]);
  });

  it("notes and units without figures are not section headings", () => {
    const g = sheet([["Beløb i 1.000 kr."], unit("1", "A"), [null, "Note: plus angiver merforbrug"], unit("2", "B"), ["3", "Skole uden tal"], unit("4", "D")]);
    expect(areas(g)).toEqual([null, null, null]);
    for (const note of ["Beløb i 1.000 kr.", "Plus angiver et merforbrug", "Note: se bilag", "2025", "x".repeat(61)]) expect(isSectionLabel(note), note).toBe(false);
    for (const heading of ["Skoler", "Ældre og sundhed", "Dagtilbud 0-6 år"]) expect(isSectionLabel(heading), heading).toBe(true);
  });

  it("a title naming the udvalg is the area of units without a section; a section heading is more specific", () => {
    expect(areas(sheet([unit("1", "A")], HEAD, "Budgetopfølgning pr. 31. maj 2025 – Børne- og Skoleudvalget"))).toEqual(["Børne- og Skoleudvalget"]);
    const labelled = sheet([unit("1", "A"), [null, "Dagtilbud"], unit("2", "B")], HEAD, "Udvalg: Børn og Skole");
    const units = scanWorkbook([labelled], { policy: DEFAULT_POLICY }).units;
    expect(units.map((u) => u.area?.name)).toEqual(["Børn og Skole", "Dagtilbud"]);
    expect(units[0]?.area?.reason).toBe('Titlen i række 1 ("Udvalg: Børn og Skole") nævner udvalget');
    // A title that names no udvalg gives no area (no guess from "– Børn og Skole").
    expect(areas(sheet([unit("1", "A")], HEAD, "Budgetopfølgning pr. 31. maj 2025 – Børn og Skole"))).toEqual([null]);
    expect(areas(sheet([unit("1", "A")], HEAD, "Referat fra MED-udvalget"))).toEqual([null]);
  });

  it("property: each unit's area is the last section heading above it since the last total", () => {
    type Row = { kind: "heading"; name: string } | { kind: "unit" } | { kind: "total" } | { kind: "blank" };
    const row: fc.Arbitrary<Row> = fc.oneof(
      fc.constantFrom("Skoler", "Dagtilbud", "Ældre og sundhed", "Kultur").map((name) => ({ kind: "heading" as const, name })),
      fc.constant({ kind: "unit" as const }),
      fc.constant({ kind: "unit" as const }),
      fc.constant({ kind: "total" as const }),
      fc.constant({ kind: "blank" as const }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const values: CellValue[][] = [];
        const expected: (string | null)[] = [];
        let current: string | null = null;
        let n = 0;
        for (const r of rows) {
          if (r.kind === "heading") {
            values.push([null, r.name]);
            current = r.name;
          } else if (r.kind === "unit") {
            n++;
            // Budgets far apart, so no unit row equals the sum of the rows above it.
            values.push(unit(String(7_300_000 + n), `Enhed ${n}`, 1_000 * 3 ** n));
            expected.push(current);
          } else if (r.kind === "total") {
            values.push([null, "I alt", 1, 1, 0]);
            current = null;
          } else values.push([]);
        }
        expect(areas(sheet(values))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  describe("corrected by a user (mapping `area`: Kolonner, --mapping's omraade)", () => {
    // Section headings the sheet states, and a column the reader does not know as the område's.
    const head = ["Nr.", "Navn", "Forvaltning", ...HEAD.slice(2)];
    const g = sheet(
      [[null, "Skoler"], ["1", "A", "Børn og Unge", 100, 110, 0], ["2", "B", null, 100, 90, 0], [null, "Ældre"], ["3", "C", " Sundhed  og Omsorg ", 100, 100, 0]],
      head,
    );
    const scan = (area?: AreaOverride) => scanWorkbook([g], { policy: DEFAULT_POLICY, ...(area !== undefined ? { overrides: { Opfølgning: { area } } } : {}) });

    it("a column: each unit's own cell, blank cells no område, the column and the user in the reason", () => {
      expect(scan().units.map((u) => u.area?.name ?? null)).toEqual(["Skoler", "Skoler", "Ældre"]);
      const units = scan({ kind: "column", column: "C" }).units;
      expect(units.map((u) => u.area)).toEqual([
        { name: "Børn og Unge", reason: 'Kolonne C ("Forvaltning"), valgt af en bruger', source: "user" },
        null,
        { name: "Sundhed og Omsorg", reason: 'Kolonne C ("Forvaltning"), valgt af en bruger', source: "user" },
      ]);
    });

    it("one name for the whole sheet, or no område at all (the section rows are not områder)", () => {
      expect(scan({ kind: "name", name: "Børn og Skole" }).units.map((u) => u.area?.name ?? null)).toEqual(["Børn og Skole", "Børn og Skole", "Børn og Skole"]);
      expect(scan({ kind: "none" }).units.map((u) => u.area)).toEqual([null, null, null]);
    });

    it("stays in the sheet's mapping, so the Kolonner page shows it and saves it again", () => {
      expect(scan({ kind: "none" }).sheets[0]?.explained?.mapping.area).toEqual({ kind: "none" });
      expect(scan().sheets[0]?.explained?.mapping.area).toBeUndefined();
    });

    it("a malformed saved correction (a workbook setting) is no correction: the sheet says", () => {
      const broken = { kind: "column", column: 3 } as unknown as AreaOverride;
      expect(scan(broken).units.map((u) => u.area?.name ?? null)).toEqual(["Skoler", "Skoler", "Ældre"]);
      expect(scan({ kind: "name", name: "  " }).units.map((u) => u.area?.name ?? null)).toEqual(["Skoler", "Skoler", "Ældre"]);
    });

    it("areasFound says where the områder were read and which, in order", () => {
      expect(areasFound(scan().units)).toEqual({ from: "section", names: ["Skoler", "Ældre"] });
      expect(areasFound(scan({ kind: "column", column: "C" }).units)).toEqual({ from: "user", names: ["Børn og Unge", "Sundhed og Omsorg"] });
      expect(areasFound(scan({ kind: "none" }).units)).toEqual({ from: "none", names: [] });
    });

    it("the mapping JSON's omraade: a column, a name or null; anything else a Danish reason", () => {
      expect(areaOverrideFromJson({ column: "d" }, "x")).toEqual({ kind: "column", column: "D" });
      expect(areaOverrideFromJson({ name: " Børn  og Skole " }, "x")).toEqual({ kind: "name", name: "Børn og Skole" });
      expect(areaOverrideFromJson(null, "x")).toEqual({ kind: "none" });
      for (const bad of ["D", 3, [], {}, { column: "D", name: "A" }, { column: "4" }, { name: "" }, { kolonne: "D" }]) {
        expect(typeof areaOverrideFromJson(bad, '"Ark".omraade'), JSON.stringify(bad)).toBe("string");
      }
      expect(areaOverrideFromJson({ column: "4" }, '"Ark".omraade')).toBe('"Ark".omraade.column skal være et kolonnebogstav som "D".');
    });

    it("property: a correction changes only the områder — the same units, figures and colours", () => {
      const correction = fc.oneof(
        fc.constant<AreaOverride>({ kind: "none" }),
        fc.constantFrom("A", "B", "C", "D", "Z").map((column): AreaOverride => ({ kind: "column", column })),
        fc.string({ minLength: 1, maxLength: 20 }).filter((n) => n.trim() !== "").map((name): AreaOverride => ({ kind: "name", name })),
      );
      const plain = scan().units.map(({ area: _area, ...rest }) => rest);
      fc.assert(
        fc.property(correction, (area) => {
          const units = scan(area).units;
          expect(units.map(({ area: _area, ...rest }) => rest)).toEqual(plain);
          for (const u of units) if (u.area !== null && u.area !== undefined) expect(u.area.source).toBe("user");
        }),
        { numRuns: 100 },
      );
    });
  });
});
