/**
 * The plan set's own rules: one unit key per unit (unique within a scan, stable for a unit that is
 * alone with its number or name), which plans a unit needs, and what the Oversigt says for a unit
 * without a plan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { planRegistryKey } from "../../../src/core/ports";
import { NO_PLAN_NEEDED_NOTE, oversigtNote, planNeedsOf, planSetOversigt, plansFor } from "../../../src/core/sheets/plansFor";
import { oversigtColumns } from "../../../src/core/sheets/oversigtLayout";
import { unitKeyMap, unitKeyOf, unitKeys } from "../../../src/core/unitKey";
import { unitOf } from "./helpers";

const keyed = fc.record({
  id: fc.option(fc.constantFrom("1", "2", " 2 ", "73000202101", ""), { nil: null }),
  sheet: fc.constantFrom("Skoler", "Dagtilbud"),
  name: fc.constantFrom("Solstrålen", "Solstrålen ", "Mælkebøtten"),
});

describe("unit keys", () => {
  it("are unique within a scan, index-aligned, and a unit alone with its key keeps it", () => {
    fc.assert(
      fc.property(fc.array(keyed, { maxLength: 12 }), (units) => {
        const keys = unitKeys(units);
        expect(keys).toHaveLength(units.length);
        expect(new Set(keys).size).toBe(keys.length);
        units.forEach((unit, i) => {
          const base = unitKeyOf(unit);
          const earlier = units.slice(0, i).filter((u) => unitKeyOf(u) === base).length;
          expect(keys[i]).toBe(earlier === 0 ? base : `${base}#${earlier + 1}`);
        });
      }),
    );
  });

  it("use the number when there is one, else the sheet and the name", () => {
    expect(unitKeyOf({ id: " 73000202101 ", sheet: "Skoler", name: "Solstrålen" })).toBe("id:73000202101");
    expect(unitKeyOf({ id: null, sheet: "Skoler", name: " Solstrålen " })).toBe("navn:Skoler/Solstrålen");
    expect(unitKeyOf({ id: "  ", sheet: "Skoler", name: "Solstrålen" })).toBe("navn:Skoler/Solstrålen");
  });

  it("by unit are the same keys", () => {
    fc.assert(
      fc.property(fc.array(keyed, { maxLength: 12 }), (plain) => {
        const units = plain.map((u) => ({ ...u }));
        const map = unitKeyMap(units);
        expect(units.map((u) => map.get(u))).toEqual(unitKeys(units));
      }),
    );
  });
});

describe("which plans a unit needs", () => {
  const kroner = fc.integer({ min: 1, max: 10_000_000 });
  it("a handleplan (with its afviklingsplan) for Gul and Rød, an overskudsplan above the limit, else none", () => {
    fc.assert(
      fc.property(kroner, fc.integer({ min: 0, max: 20_000_000 }), (budget, spending) => {
        const unit = unitOf({ name: "Enhed", budget, spending });
        const assessment = unit.assessment!;
        const needs = planNeedsOf(unit);
        if (assessment.indicator === "Gul" || assessment.indicator === "Rød") expect(needs).toEqual(["handleplan", "afviklingsplan"]);
        else if (assessment.requirement === "surplus-explanation") expect(needs).toEqual(["overskudsplan"]);
        else expect(needs).toEqual([]);
        expect(oversigtNote(unit)).toBe(needs.length === 0 ? NO_PLAN_NEEDED_NOTE : "Mangler plan");
      }),
    );
  });

  it("nothing for a unit that could not be assessed, whose note says why", () => {
    const unit = { ...unitOf({ name: "Nul", budget: 1, spending: 10 }), figures: null, assessment: null, error: "Budgettet er 0" };
    expect(planNeedsOf(unit)).toEqual([]);
    expect(oversigtNote(unit)).toBe("Ikke vurderet: Budgettet er 0");
  });

  it("the plan set agrees with the needs, and keeps two units with one number apart", () => {
    const units = [
      unitOf({ name: "Solstrålen", id: "1", budget: 1_000_000, spending: 1_100_000, row: 2 }),
      unitOf({ name: "Solstrålen", id: "1", budget: 1_000_000, spending: 1_030_000, row: 3 }),
      unitOf({ name: "Mælkebøtten", id: "2", budget: 1_000_000, spending: 900_000, row: 4 }),
      unitOf({ name: "Balance", id: "3", budget: 1_000_000, spending: 1_000_000, row: 5 }),
    ];
    const readAt = "31-05-2026 kl. 14.03";
    const set = plansFor({ units }, { policy: RANDERSMODELLEN_2_0, accountsYear: 2025, readAt, select: "all" });
    expect(set.units.map((u) => u.needs)).toEqual(units.map(planNeedsOf));
    expect(set.descriptions.map((d) => d.unitKey)).toEqual(["id:1", "id:1#2", "id:2"]);
    const planSheets = Object.fromEntries(set.descriptions.map((d, i) => [planRegistryKey(d.kind, d.unitKey), `Plan ${i + 1}`]));
    const oversigt = planSetOversigt(units, { policy: RANDERSMODELLEN_2_0, readAt, planSheets });
    const planCells = oversigt.cells.filter((c) => c.col === oversigtColumns(false).plan && c.style !== "tableHeader").map((c) => [c.value, c.link ?? null]);
    expect(planCells).toEqual([
      ["Plan 1", "'Plan 1'!A1"],
      ["Plan 2", "'Plan 2'!A1"],
      ["Plan 3", "'Plan 3'!A1"],
      [NO_PLAN_NEEDED_NOTE, null],
    ]);
  });
});
