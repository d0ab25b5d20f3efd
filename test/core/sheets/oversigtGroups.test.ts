/**
 * The Oversigt grouped by udvalg/område (issue 13): a heading and a subtotal per area, I alt at
 * the end; the live formulas (evaluated by HyperFormula) equal the core's exact sums in øre, the
 * subtotals add up to I alt, and every unit sits in its own area's group.
 */
import { HEADER_VALUE_COL } from "../../../src/core/sheets/unitHeaderLayout";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { at } from "../../../src/core/sheets/build";
import { handleplanSheet } from "../../../src/core/sheets/handleplan";
import { oversigtSheet } from "../../../src/core/sheets/oversigt";
import { NO_AREA_LABEL, oversigtGroups, type GroupTotals } from "../../../src/core/sheets/oversigtGroups";
import { oversigtLayout } from "../../../src/core/sheets/oversigtLayout";
import type { UnitRecord } from "../../../src/core/unit";
import { engineOf, formulaErrors, unitOf, unreadableUnit, valueAt } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 14.03";

function inArea(unit: UnitRecord, area: string | null): UnitRecord {
  return { ...unit, area: area === null ? null : { name: area, reason: `Afsnitsoverskriften i række 1 ("${area}")` } };
}

const oreOfCell = (value: unknown): number => Math.round((value as number) * 100);

function colours(t: GroupTotals): string {
  return `${t.counts.Grøn} Grøn · ${t.counts.Gul} Gul · ${t.counts.Rød} Rød`;
}

describe("the Oversigt by udvalg/område", () => {
  it("groups in the order the areas appear, units without an area last under their own heading", () => {
    const units = [
      inArea(unitOf({ name: "A", budget: 100, spending: 110 }), "Skoler"),
      inArea(unitOf({ name: "B", budget: 100, spending: 90 }), null),
      inArea(unitOf({ name: "C", budget: 100, spending: 100 }), "Dagtilbud"),
      inArea(unitOf({ name: "D", budget: 200, spending: 300 }), "Skoler"),
    ];
    const grouping = oversigtGroups(units, policy);
    expect(grouping.groups.map((g) => [g.area, g.indices])).toEqual([
      ["Skoler", [0, 3]],
      ["Dagtilbud", [2]],
      [null, [1]],
    ]);
    const sheet = oversigtSheet(units, { policy, readAt });
    const L = oversigtLayout(units.length, [2, 1, 1]);
    const text = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value;
    expect(L.groups.map((g) => [text(g.heading, 0), text(g.subtotal, 0)])).toEqual([
      ["Skoler", "Skoler i alt"],
      ["Dagtilbud", "Dagtilbud i alt"],
      [NO_AREA_LABEL, `${NO_AREA_LABEL} i alt`],
    ]);
    expect([0, 1, 2, 3].map((i) => text(L.cell("name", i).row, L.columns.name))).toEqual(["A", "D", "C", "B"]);
    expect(text(L.totalRow, 0)).toBe("I alt");
  });

  it("without any area: no headings or subtotals, the units in their order and one I alt row", () => {
    const units = [unitOf({ name: "A", budget: 100, spending: 110 }), unitOf({ name: "B", budget: 300, spending: 250.5 })];
    expect(oversigtGroups(units, policy).grouped).toBe(false);
    const sheet = oversigtSheet(units, { policy, readAt });
    const L = oversigtLayout(units.length);
    expect(L.groups).toEqual([]);
    const hf = engineOf([sheet]);
    expect(valueAt(hf, sheet.name, L.cell("name", 0))).toBe("A");
    expect(valueAt(hf, sheet.name, at(L.totalRow, 0))).toBe("I alt");
    expect(oreOfCell(valueAt(hf, sheet.name, at(L.totalRow, L.columns.result)))).toBe(1_000 - 4_950);
    expect(valueAt(hf, sheet.name, at(L.totalRow, L.columns.requirement))).toBe("1 Grøn · 0 Gul · 1 Rød");
  });

  it("property: subtotals and I alt under a formula engine equal the core's exact sums; the subtotals add up to I alt", () => {
    const area = fc.constantFrom<string | null>("Skoler", "Dagtilbud", "Ældre og sundhed", null);
    const amount = fc.integer({ min: -500_000_000, max: 500_000_000 });
    const unit = fc.record({
      area,
      budgetOre: fc.integer({ min: 1, max: 2_000_000_000 }),
      resultOre: amount,
      carriedOre: amount,
      unreadable: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 18 }), (cases) => {
        const units = cases.map((c, i) =>
          inArea(
            c.unreadable
              ? unreadableUnit(`U${i}`, 20 + i)
              : unitOf({ name: `E${i}`, id: `${i}`, budget: c.budgetOre / 100, spending: (c.budgetOre + c.resultOre) / 100, carried: c.carriedOre / 100 }),
            c.area,
          ),
        );
        const grouping = oversigtGroups(units, policy);
        // The core: the groups partition the units, and their sums and counts add up to I alt exactly.
        expect(grouping.groups.flatMap((g) => g.indices).sort((a, b) => a - b)).toEqual(units.map((_, i) => i));
        for (const key of ["budget", "spending", "carried", "result", "base"] as const) {
          expect(grouping.groups.reduce((s, g) => s + g.totals[key], 0)).toBe(grouping.total[key]);
        }
        for (const key of ["Grøn", "Gul", "Rød", "unassessed"] as const) {
          expect(grouping.groups.reduce((s, g) => s + g.totals.counts[key], 0)).toBe(grouping.total.counts[key]);
        }
        expect(grouping.total.counts.Grøn + grouping.total.counts.Gul + grouping.total.counts.Rød + grouping.total.counts.unassessed).toBe(units.length);

        // The sheet: the engine computes the same sums in every subtotal and in I alt.
        const sheet = oversigtSheet(units, { policy, readAt });
        const hf = engineOf([sheet]);
        expect(formulaErrors(hf, [sheet])).toEqual([]);
        const L = oversigtLayout(units.length, grouping.grouped ? grouping.groups.map((g) => g.indices.length) : undefined);
        const get = (row: number, col: number) => valueAt(hf, sheet.name, at(row, col));
        const rows = grouping.grouped ? L.groups.map((g, n) => ({ row: g.subtotal, totals: grouping.groups[n]!.totals })) : [];
        for (const { row, totals } of [...rows, { row: L.totalRow, totals: grouping.total }]) {
          for (const key of ["budget", "spending", "carried", "result", "base"] as const) {
            expect(oreOfCell(get(row, L.columns[key])), `${key} i række ${row + 1}`).toBe(totals[key]);
          }
          expect(get(row, L.columns.requirement)).toBe(colours(totals));
        }
        // Each group's rows hold exactly its units, and the counts block still counts units only.
        let position = 0;
        for (const g of grouping.groups) {
          for (const i of g.indices) expect(get(L.cell("name", position++).row, L.columns.name)).toBe(units[i]!.name);
        }
        expect(get(L.count("total").value.row, L.count("total").value.col)).toBe(units.length);
      }),
      { numRuns: 40 },
    );
  });

  it("the plan's Udvalg/område field starts with the unit's area (an input the user may change); the user's own text wins", () => {
    const unit = inArea(unitOf({ name: "A", budget: 100_000, spending: 103_000 }), "Skoler");
    const base = { policy, accountsYear: 2025, readAt, unit, years: 1 };
    // The value cell of the label "Udvalg/område" (the header's value column).
    const cellOf = (sheet: ReturnType<typeof handleplanSheet>) => {
      const label = sheet.cells.find((c) => c.value === "Udvalg/område");
      expect(label).toBeDefined();
      return sheet.cells.find((c) => c.row === label?.row && c.col === HEADER_VALUE_COL);
    };
    expect(cellOf(handleplanSheet(base))).toMatchObject({ value: "Skoler", style: "input" });
    expect(cellOf(handleplanSheet({ ...base, udvalg: "Børn og Skole" }))?.value).toBe("Børn og Skole");
    expect(cellOf(handleplanSheet({ ...base, unit: inArea(unit, null) }))?.value ?? null).toBeNull();
  });
});
