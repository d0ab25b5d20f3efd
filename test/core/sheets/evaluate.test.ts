/**
 * Every generated formula evaluated by a real formula engine (HyperFormula, test-only): no error
 * values, the right figures, and the live checks flip when the inputs change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toKroner, type Ore } from "../../../src/core/money";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { equalInstalments } from "../../../src/core/repayment";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import { at } from "../../../src/core/sheets/build";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { scheduleLayout } from "../../../src/core/sheets/afviklingsplanLayout";
import { unitHeaderLayout } from "../../../src/core/sheets/unitHeaderLayout";
import { AFVIKLINGSPLAN_HEADER_ROLES, AFVIKLINGSPLAN_SHEET } from "../../../src/core/sheets/afviklingsplanLayout";
import { handleplanSheet, BEGRUNDELSE_CHECK } from "../../../src/core/sheets/handleplan";
import { handleplanLayout } from "../../../src/core/sheets/handleplanLayout";
import { overskudsplanSheet } from "../../../src/core/sheets/overskudsplan";
import { overskudsplanLayout } from "../../../src/core/sheets/overskudsplanLayout";
import { oversigtSheet } from "../../../src/core/sheets/oversigt";
import { oversigtLayout } from "../../../src/core/sheets/oversigtLayout";
import { plansFor } from "../../../src/core/sheets/plansFor";
import { isBudgetlysError } from "../../../src/core/errors";
import { ALLOWED_FUNCTIONS, engineOf, formulaErrors, functionsIn, SAMPLE_UNITS, setAt, unitOf, valueAt } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 14.03";
const base = { policy, accountsYear: 2025, readAt };

function allSheets(): SheetDescription[] {
  const set = plansFor({ units: SAMPLE_UNITS }, { ...base, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
  return [oversigtSheet(SAMPLE_UNITS, { policy, readAt }), ...set.descriptions];
}

/** Øre of a kroner value read from the engine. */
const oreOf = (value: unknown): number => Math.round((value as number) * 100);

describe("generated sheets under a formula engine", () => {
  it("evaluate without a single error value", () => {
    const sheets = allSheets();
    expect(sheets.map((s) => s.kind)).toEqual(["oversigt", "handleplan", "afviklingsplan", "handleplan", "afviklingsplan", "overskudsplan"]);
    const hf = engineOf(sheets);
    expect(formulaErrors(hf, sheets)).toEqual([]);
  });

  it("use only functions that Excel 2016 and LibreOffice both have, in English with , separators", () => {
    for (const sheet of allSheets()) {
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        expect(cell.formula.startsWith("=")).toBe(true);
        expect(cell.formula.replace(/"(?:[^"]|"")*"/g, "")).not.toContain(";");
        for (const name of functionsIn(cell.formula)) expect(ALLOWED_FUNCTIONS, `${name} i ${cell.formula}`).toContain(name);
      }
    }
  });

  it("never put workbook text in a formula", () => {
    for (const sheet of allSheets()) {
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        for (const unit of SAMPLE_UNITS) expect(cell.formula).not.toContain(unit.name);
      }
    }
  });

  it("show the core's result, %, indicator and requirement in the handleplan header", () => {
    for (const unit of SAMPLE_UNITS.slice(0, 2)) {
      const years = unit.assessment?.indicator === "Rød" ? 2 : 1;
      const sheet = handleplanSheet({ ...base, unit, years, begrundelse: "x" });
      const hf = engineOf([sheet]);
      const L = handleplanLayout(years, policy.followUpDates.length);
      const a = unit.assessment!;
      expect(oreOf(valueAt(hf, sheet.name, L.header.value("totalResult")))).toBe(a.totalResult);
      expect(valueAt(hf, sheet.name, L.header.value("percent"))).toBeCloseTo(a.deficitFraction, 12);
      expect(valueAt(hf, sheet.name, L.header.value("indicator"))).toBe(a.indicator);
      expect(valueAt(hf, sheet.name, L.header.value("requirement"))).toBe(a.requirementText);
      expect(oreOf(valueAt(hf, sheet.name, L.header.value("debt")))).toBe(a.totalResult);
      expect(valueAt(hf, sheet.name, L.header.value("firstYear"))).toBe(2026);
    }
  });

  it("plan instalments that add up to the debt exactly, as the core's equalInstalments (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 600, max: 5_000_000_000 }), fc.integer({ min: 1, max: 3 }), (debtOre, years) => {
        const unit = unitOf({ name: "Enhed", budget: 100, spending: 100 + debtOre / 100 });
        const sheet = afviklingsplanSheet({ ...base, unit, years, begrundelse: "Særligt tilfælde" });
        const hf = engineOf([sheet]);
        const header = unitHeaderLayout(AFVIKLINGSPLAN_SHEET.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
        const S = scheduleLayout(header.next + 1, years);
        const planned = Array.from({ length: years }, (_, i) => oreOf(valueAt(hf, sheet.name, S.cell("planned", i))));
        expect(planned).toEqual(equalInstalments(debtOre as Ore, years, policy));
        expect(planned.reduce((x, y) => x + y, 0)).toBe(debtOre);
        expect(oreOf(valueAt(hf, sheet.name, S.cell("closing", years - 1)))).toBe(0);
        expect(valueAt(hf, sheet.name, S.check)).toBe("Afstemt");
      }),
      { numRuns: 60 },
    );
  });

  it("flip the schedule's status as realised instalments are typed in, and on a dispensation", () => {
    const unit = SAMPLE_UNITS[1]!;
    const sheet = handleplanSheet({ ...base, unit, years: 3, begrundelse: "Særligt tilfælde" });
    const hf = engineOf([sheet]);
    const L = handleplanLayout(3, policy.followUpDates.length);
    const S = L.schedule;
    const get = (c: { row: number; col: number }) => valueAt(hf, sheet.name, c);
    const planned = [0, 1, 2].map((i) => get(S.cell("planned", i)) as number);
    expect(planned).toEqual([133333, 133333, 133334.5]);
    expect(get(S.overallStatus)).toBe("Afventer");
    expect(get(S.cell("status", 0))).toBe("Afventer");

    setAt(hf, sheet.name, S.cell("realised", 0), planned[0]!);
    expect(get(S.cell("status", 0))).toBe("Overholdt");
    expect(get(S.overallStatus)).toBe("Overholdt");

    setAt(hf, sheet.name, S.cell("realised", 0), planned[0]! - 0.01);
    expect(get(S.cell("status", 0))).toBe("Ikke overholdt");
    expect(get(S.overallStatus)).toBe("Ikke overholdt");
    expect(oreOf(get(S.cell("opening", 1)))).toBe(Math.round((400000.5 - planned[0]! + 0.01) * 100));

    [0, 1, 2].forEach((i) => setAt(hf, sheet.name, S.cell("realised", i), planned[i]!));
    expect(get(S.overallStatus)).toBe("Afviklet");
    expect(oreOf(get(S.cell("closing", 2)))).toBe(0);

    setAt(hf, sheet.name, L.header.value("dispensation"), "ansøgt");
    expect(get(S.overallStatus)).toBe("Afviklet");
    setAt(hf, sheet.name, L.header.value("dispensation"), "bevilget");
    expect(get(S.overallStatus)).toBe("Afvikling dispenseret");
    expect(get(S.cell("status", 1))).toBe("Afvikling dispenseret");
    expect(formulaErrors(hf, [sheet])).toEqual([]);
  });

  it("sum the tiltag per year against the planned instalments: dækker / dækker ikke", () => {
    const unit = SAMPLE_UNITS[1]!;
    const sheet = handleplanSheet({ ...base, unit, years: 2, begrundelse: "Særligt tilfælde" });
    const hf = engineOf([sheet]);
    const L = handleplanLayout(2, policy.followUpDates.length);
    const t = L.tiltag;
    const cov = L.coverage;
    const get = (c: { row: number; col: number }) => valueAt(hf, sheet.name, c);
    const check = (i: number) => get(at(cov.rows[i]!, cov.col.check));
    const total = () => get(at(cov.totalRow, cov.col.check));
    expect([check(0), check(1), total()]).toEqual(["Dækker ikke", "Dækker ikke", "Dækker ikke"]);
    // Two tiltag in year 1 that together cover exactly the first instalment (200.000 kr.).
    setAt(hf, sheet.name, at(t.effectFirstRow, t.effectCols[0]!), 150000);
    setAt(hf, sheet.name, at(t.effectFirstRow + 1, t.effectCols[0]!), 50000);
    expect(check(0)).toBe("Dækker");
    expect(total()).toBe("Dækker ikke");
    setAt(hf, sheet.name, at(t.effectFirstRow + 2, t.effectCols[1]!), 200000.5);
    expect([check(0), check(1), total()]).toEqual(["Dækker", "Dækker", "Dækker"]);
    setAt(hf, sheet.name, at(t.effectFirstRow + 1, t.effectCols[0]!), 49999.99);
    expect([check(0), total()]).toEqual(["Dækker ikke", "Dækker ikke"]);
    expect(get(at(cov.totalRow, cov.col.required))).toBe(400000.5);
  });

  it("asks for a begrundelse in the sheet when the years are raised there", () => {
    const unit = SAMPLE_UNITS[1]!;
    const sheet = handleplanSheet({ ...base, unit, years: 1 });
    const hf = engineOf([sheet]);
    const L = handleplanLayout(1, policy.followUpDates.length);
    expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(BEGRUNDELSE_CHECK.notApplicable);
    setAt(hf, sheet.name, L.header.value("years"), 2);
    expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe("Begrundelse mangler");
    setAt(hf, sheet.name, L.begrundelse.input, "Særligt tilfælde");
    expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe("Begrundelse givet");
  });

  it("check planned uses of a surplus against the surplus", () => {
    const unit = SAMPLE_UNITS[2]!;
    const sheet = overskudsplanSheet({ ...base, unit, years: 1 });
    const hf = engineOf([sheet]);
    const L = overskudsplanLayout();
    const get = (c: { row: number; col: number }) => valueAt(hf, sheet.name, c);
    expect(get(L.header.value("surplus"))).toBe(200000);
    expect(get(L.header.value("surplusOverLimit"))).toBe(75000);
    expect(get(L.header.value("indicator"))).toBe("Grøn");
    expect(get(L.uses.check)).toBe("Ikke hele overskuddet er disponeret");
    setAt(hf, sheet.name, at(L.uses.firstRow, L.uses.col.amount), 200000);
    expect(get(L.uses.check)).toBe("Hele overskuddet er disponeret");
    setAt(hf, sheet.name, at(L.uses.firstRow + 1, L.uses.col.amount), 1);
    expect(get(L.uses.check)).toBe("Der er disponeret mere end overskuddet");
  });

  it("count colours on the Oversigt with COUNTIF and colour each unit as the core does", () => {
    const sheet = oversigtSheet(SAMPLE_UNITS, { policy, readAt });
    const hf = engineOf([sheet]);
    const L = oversigtLayout(SAMPLE_UNITS.length);
    const get = (c: { row: number; col: number }) => valueAt(hf, sheet.name, c);
    expect(["Grøn", "Gul", "Rød", "unassessed", "total"].map((r) => get(L.count(r as "Grøn").value))).toEqual([2, 1, 1, 1, 5]);
    SAMPLE_UNITS.forEach((unit, i) => {
      expect(get(L.cell("indicator", i))).toBe(unit.assessment?.indicator ?? null);
    });
    expect(sheet.charts?.[0]?.values).toEqual(L.column("percent"));
  });

  it("colours exactly like the core, also at the 5 % boundaries (property)", () => {
    const amount = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });
    const boundary = fc.tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.constantFrom(-1, 0, 1), fc.constantFrom(1, -1)).map(
      ([budgetOre, delta, side]) => ({ budgetOre: budgetOre * 20, resultOre: side * budgetOre + delta, carriedOre: 0 }),
    );
    const random = fc.record({ budgetOre: amount.filter((n) => n !== 0), resultOre: amount, carriedOre: amount });
    fc.assert(
      fc.property(fc.array(fc.oneof(boundary, random), { minLength: 1, maxLength: 25 }), (cases) => {
        const units = cases.map((c, i) =>
          unitOf({ name: `E${i}`, id: `${i}`, budget: c.budgetOre / 100, spending: (c.budgetOre + c.resultOre) / 100, carried: c.carriedOre / 100 }),
        );
        const sheet = oversigtSheet(units, { policy, readAt });
        const hf = engineOf([sheet]);
        const L = oversigtLayout(units.length);
        units.forEach((unit, i) => {
          expect(valueAt(hf, sheet.name, L.cell("indicator", i))).toBe(unit.assessment!.indicator);
          expect(valueAt(hf, sheet.name, L.cell("requirement", i))).toBe(unit.assessment!.requirementText);
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("plan rules", () => {
  const rod = SAMPLE_UNITS[1]!;
  const gul = SAMPLE_UNITS[0]!;
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isBudgetlysError(e) ? e.code : "other";
    }
    return "none";
  };
  it("refuse Rød over several years without a begrundelse, Gul over more than one, and more than the maximum", () => {
    expect(code(() => handleplanSheet({ ...base, unit: rod, years: 2 }))).toBe("invalid-argument");
    expect(code(() => handleplanSheet({ ...base, unit: rod, years: 2, begrundelse: "  " }))).toBe("invalid-argument");
    expect(code(() => handleplanSheet({ ...base, unit: rod, years: 4, begrundelse: "x" }))).toBe("years-out-of-range");
    expect(code(() => handleplanSheet({ ...base, unit: gul, years: 2, begrundelse: "x" }))).toBe("years-out-of-range");
    expect(code(() => handleplanSheet({ ...base, unit: SAMPLE_UNITS[4]!, years: 1 }))).toBe("invalid-argument");
    expect(code(() => plansFor({ units: SAMPLE_UNITS }, { ...base, select: "all", years: 2 }))).toBe("invalid-argument");
    expect(code(() => plansFor({ units: SAMPLE_UNITS }, { ...base, select: ["Findes ikke"] }))).toBe("invalid-argument");
    expect(code(() => plansFor({ units: [gul] }, { ...base, select: "all", years: 4 }))).toBe("years-out-of-range");
  });

  it("choose the plans each unit needs", () => {
    const set = plansFor(
      { units: SAMPLE_UNITS },
      { ...base, select: "all", years: 2, begrundelse: "Særligt tilfælde", dispensations: ["73000202102"] },
    );
    expect(set.units.map((u) => [u.unit.name, u.needs, u.note, u.sheets.map((s) => s.kind)])).toEqual([
      ["Søndermarkskolen", ["handleplan", "afviklingsplan"], "Handleplan og afviklingsplan over 1 år (Gul)", ["handleplan"]],
      ["Børnehuset O'Brien", ["handleplan", "afviklingsplan"], "Afvikling dispenseret", ["handleplan"]],
      ['=Vestervang "Plejecenter"', ["overskudsplan"], "Overskud over grænsen: plan for anvendelse", ["overskudsplan"]],
      ["Biblioteket", [], "Ingen plan", []],
      ["Uden for aftale", [], "Ikke vurderet: Forbrug mangler", []],
    ]);
    expect(set.descriptions.map((d) => [d.name, d.unitKey])).toEqual([
      ["HP Søndermarkskolen", "id:73000202101"],
      ["HP Børnehuset O’Brien", "id:73000202102"],
      ['OP =Vestervang "Plejecenter"', "id:73000202103"],
    ]);
    const picked = plansFor({ units: SAMPLE_UNITS }, { ...base, select: ["biblioteket", "73000202101"] });
    expect(picked.units.map((u) => u.unit.name)).toEqual(["Søndermarkskolen", "Biblioteket"]);
    expect(toKroner(SAMPLE_UNITS[1]!.assessment!.totalResult)).toBe(400000.5);
  });
});
