/**
 * The plan record written by `budgetlys plan`'s .xlsx writer and read back by the same reader the
 * CLI and the task pane use: every plan, hidden, exact amounts, the input cells of the schedule.
 */
import { danishReason } from "../../src/core/reason";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { sum } from "../../src/core/money";
import { PLAN_RECORD_SHEET, planRecordSheet, readPlanRecords, type PlanRecord } from "../../src/core/planRecord";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { handleplanLayout } from "../../src/core/sheets/handleplanLayout";
import { plansFor } from "../../src/core/sheets/plansFor";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { SAMPLE_UNITS } from "../core/sheets/helpers";

const policy = RANDERSMODELLEN_2_0;

describe("the plan record (Budgetlys_planer)", () => {
  it("is written hidden by the .xlsx writer and read back exactly", async () => {
    const set = plansFor({ units: SAMPLE_UNITS }, { policy, accountsYear: 2025, readAt: "31-05-2026", select: "all", years: 3, begrundelse: "x", dispensations: ["73000202102"], afviklingsplan: "separate" });
    const sheets = workbookSheets(SAMPLE_UNITS, set, policy, "31-05-2026");
    const record = sheets.find((s) => s.name === PLAN_RECORD_SHEET);
    expect(record?.hidden).toBe(true);
    const grids = await readXlsxGrids(await writeWorkbookXlsx(sheets));
    const grid = grids.find((g) => g.name === PLAN_RECORD_SHEET)!;
    expect(grid.visibility).toBe("hidden");
    const read = readPlanRecords(grid)!;
    expect(read.problems).toEqual([]);
    // One plan per Gul/Rød unit (the handleplan, not also the separate afviklingsplan).
    expect(read.plans.map((p) => [p.unitId, p.planSheet, p.kind, p.years])).toEqual([
      ["73000202101", "HP Søndermarkskolen", "handleplan", 1],
      ["73000202102", "HP Børnehuset O’Brien", "handleplan", 3],
    ]);
    const obrien = read.plans[1] as PlanRecord;
    expect(obrien.unitName).toBe("Børnehuset O'Brien");
    expect(obrien.debt).toBe(SAMPLE_UNITS[1]!.assessment!.totalResult);
    expect(sum(obrien.planned)).toBe(obrien.debt);
    expect(obrien.firstYear).toBe(2026);
    expect(obrien.dispensation.decision).toBe("bevilget");
    const L = handleplanLayout(3, policy.followUpDates.length);
    expect(obrien.cells.realised).toEqual([0, 1, 2].map((i) => `E${L.schedule.cell("realised", i).row + 1}`));
    expect(obrien.cells.forecast).toEqual([0, 1, 2].map((i) => `D${L.schedule.cell("forecast", i).row + 1}`));
  });

  it("reports a damaged row instead of guessing, and ignores a sheet without the marker", () => {
    const good = planRecordSheet([]);
    const grid = {
      name: PLAN_RECORD_SHEET,
      origin: { row: 0, col: 0 },
      values: [
        [good.cells[0]!.value as string],
        [],
        ["1", "Enhed", "HP Enhed", "handleplan", 2025, 2026, 2, 100, "50;abc"],
      ],
    };
    const read = readPlanRecords(grid);
    expect(read?.plans).toEqual([]);
    expect(read?.problems.map(danishReason)).toEqual(["Budgetlys_planer!A3: beløbene kan ikke læses."]);
    expect(readPlanRecords({ ...grid, values: [["Noget andet"]] })).toBeNull();
  });
});
