/**
 * The result basis (issue 13): one policy setting decides the budget of the result (forbrug −
 * budget) and the percentage base. The default is the department's: korr. budget ekskl.
 * overførsler inkl. bevillingsansøgninger — the sheet's own column where it has one (a blank cell
 * there: korrigeret + bevillingsansøgninger), else korrigeret + bevillingsansøgninger, else the
 * korrigeret budget. The indicator columns' live formulas agree with the core on every variant.
 */
import fc from "fast-check";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../src/core/grid";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { ore } from "../../../src/core/money";
import { DEFAULT_POLICY, RANDERSMODELLEN_2_0, type Policy } from "../../../src/core/policy";
import { indicatorColumnsPatch } from "../../../src/core/sheets/indicatorColumns";
import type { UnitRecord } from "../../../src/core/unit";

const HEAD = ["Nr.", "Navn", "Korrigeret budget", "Bevillingsansøgninger", "Forventet forbrug", "Overført fra tidligere år"];
const HEAD_INCL = ["Nr.", "Navn", "Korrigeret budget", "Bevillingsansøgninger", "Korr. budget inkl. bevillingsans.", "Forventet forbrug", "Overført fra tidligere år"];
const HEAD_PLAIN = ["Nr.", "Navn", "Korrigeret budget", "Forventet forbrug", "Overført fra tidligere år"];

function grid(head: readonly string[], rows: readonly (readonly (string | number | null)[])[]): SheetGrid {
  return { name: "Input", origin: { row: 0, col: 0 }, values: [["Budgetopfølgning pr. 31. maj 2025"], [], [...head], ...rows.map((r) => [...r])] };
}

function unitsOf(g: SheetGrid, policy: Policy = DEFAULT_POLICY): readonly UnitRecord[] {
  return scanWorkbook([g], { policy }).units;
}

/** The indicator column's colours, evaluated by HyperFormula over the sheet's cells and the patch. */
function formulaColours(g: SheetGrid, policy: Policy): unknown[] {
  const scan = scanWorkbook([g], { policy });
  const reading = scan.sheets[0]!;
  const patch = indicatorColumnsPatch(reading, g, policy);
  const raw: RawCellContent[][] = g.values.map((row) => row.map((v) => (typeof v === "string" ? `'${v}` : (v as RawCellContent))));
  for (const cell of patch.cells) {
    const row = (raw[cell.row] ??= []);
    row[cell.col] = cell.formula ?? (typeof cell.value === "string" ? `'${cell.value}` : (cell.value ?? null));
  }
  const width = Math.max(...raw.map((r) => r.length));
  const hf = HyperFormula.buildFromSheets({ S: raw.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) }, { licenseKey: "gpl-v3" });
  return reading.units.map((u) => hf.getCellValue({ sheet: 0, row: u.row - 1, col: patch.mustBeEmpty.left + 1 }));
}

describe("the result basis", () => {
  it("is the department's by default: korr. budget ekskl. overførsler inkl. bevillingsansøgninger", () => {
    expect(DEFAULT_POLICY.base).toBe("korrigeret-inkl-bevillingsans");
  });

  it("500.000 kr. of pending applications: Gul on the korrigeret budget, Grøn on the department's basis", () => {
    // Budget 10 mio., forventet forbrug 10,3 mio., 0,5 mio. ansøgt: −200.000 kr. on the department's basis.
    const g = grid(HEAD, [["1", "Skolen", 10_000_000, 500_000, 10_300_000, 0]]);
    const [department] = unitsOf(g);
    expect(department?.figures?.budget).toBe(ore(1_050_000_000));
    expect(department?.assessment?.yearResult).toBe(ore(-20_000_000));
    expect(department?.assessment?.indicator).toBe("Grøn");
    const [corrected] = unitsOf(g, { ...RANDERSMODELLEN_2_0, base: "korrigeret-ekskl-overfoersler" });
    expect(corrected?.figures?.budget).toBe(ore(1_000_000_000));
    expect(corrected?.assessment?.yearResult).toBe(ore(30_000_000));
    expect(corrected?.assessment?.indicator).toBe("Gul");
  });

  it("takes the sheet's 'inkl. bevillingsans.' column where it has one; a blank cell there is korrigeret + ansøgninger", () => {
    const g = grid(HEAD_INCL, [
      ["1", "A", 1_000_000, 100_000, 1_200_000, 1_100_000, 0],
      ["2", "B", 1_000_000, 100_000, null, 1_100_000, 0],
    ]);
    const [a, b] = unitsOf(g);
    expect(a?.figures?.budget).toBe(ore(120_000_000));
    expect(b?.figures?.budget).toBe(ore(110_000_000));
    expect(b?.assessment?.yearResult).toBe(ore(0));
  });

  it("is the korrigeret budget where the sheet has neither column", () => {
    const [u] = unitsOf(grid(HEAD_PLAIN, [["1", "A", 1_000_000, 1_040_000, 0]]));
    expect(u?.figures?.budget).toBe(ore(100_000_000));
    expect(u?.figures?.base).toBe(ore(100_000_000));
    expect(u?.assessment?.indicator).toBe("Gul");
  });

  it("one figure: the result's budget is the percentage base, for every basis and any figures", () => {
    const kr = fc.integer({ min: 1, max: 50_000_000 });
    fc.assert(
      fc.property(kr, fc.integer({ min: 0, max: 5_000_000 }), kr, fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.boolean(), (budget, applications, spending, carried, incl) => {
        const row = incl ? ["1", "A", budget, applications, budget + applications, spending, carried] : ["1", "A", budget, applications, spending, carried];
        const g = grid(incl ? HEAD_INCL : HEAD, [row]);
        for (const base of ["korrigeret-inkl-bevillingsans", "korrigeret-ekskl-overfoersler"] as const) {
          const policy = { ...RANDERSMODELLEN_2_0, base };
          const [u] = unitsOf(g, policy);
          const expected = base === "korrigeret-ekskl-overfoersler" ? budget : budget + applications;
          expect(u?.figures?.budget).toBe(ore(expected * 100));
          expect(u?.figures?.base).toBe(u?.figures?.budget);
          expect(u?.assessment?.yearResult).toBe(ore((spending - expected) * 100));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the indicator columns' formulas colour like the core on every basis (HyperFormula)", () => {
    const rows = [
      ["1", "Skolen", 10_000_000, 500_000, 10_300_000, 0],
      ["2", "Børnehaven", 2_000_000, 0, 2_150_000, 0],
      ["3", "Klubben", 1_000_000, 200_000, 1_050_000, -30_000],
      ["4", "Biblioteket", 3_000_000, null, 2_700_000, 0],
    ];
    const inclRows = [
      ["1", "Skolen", 10_000_000, 500_000, 10_500_000, 10_300_000, 0],
      ["2", "Børnehaven", 2_000_000, 100_000, null, 2_150_000, 0],
    ];
    for (const g of [grid(HEAD, rows), grid(HEAD_INCL, inclRows)]) {
      for (const base of ["korrigeret-inkl-bevillingsans", "korrigeret-ekskl-overfoersler"] as const) {
        const policy = { ...RANDERSMODELLEN_2_0, base };
        const colours = unitsOf(g, policy).map((u) => u.assessment?.indicator);
        expect(colours.every((c) => c !== undefined)).toBe(true);
        expect(formulaColours(g, policy)).toEqual(colours);
      }
    }
  });
});
