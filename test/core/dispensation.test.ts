/**
 * The dispensation decision (core/dispensation.ts), shared by `plan --dispensation` and the pane's
 * dialog: the words, the date check, and the write of a decision — the plan sheet's cell and the
 * record's row, which round-trips through the record sheet and decides the status.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "../../src/core/cell";
import { dispensationProblem, dispensationUpdate, isIsoDate, parseDispensationDecision, separateScheduleDispensationCell } from "../../src/core/dispensation";
import type { SheetGrid } from "../../src/core/grid";
import { ore } from "../../src/core/money";
import { addressCell, mergedPlanRecordSheet, PLAN_RECORD_SHEET, planRecordSheet, readPlanRecords, type PlanRecord } from "../../src/core/planRecord";
import { DISPENSATION_DECISIONS, judgePlan, PLAN_STATUS } from "../../src/core/planStatus";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { planSheet } from "../../src/core/sheets/plansFor";
import { SAMPLE_UNITS } from "./sheets/helpers";

function gridOf(description: SheetDescription, name = description.name): SheetGrid {
  const values: CellValue[][] = [];
  for (const cell of description.cells) {
    const row = (values[cell.row] ??= []);
    row[cell.col] = cell.value ?? null;
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name, origin: { row: 0, col: 0 }, values: values.map((r) => Array.from(r, (v) => v ?? null)) };
}

const PLAN: PlanRecord = {
  unitId: "73000202102",
  unitName: "Børnehuset O'Brien",
  planSheet: "HP Børnehuset O’Brien",
  kind: "handleplan",
  accountsYear: 2025,
  firstYear: 2026,
  years: 2,
  debt: ore(400_000_50),
  planned: [ore(200_000_00), ore(200_000_50)],
  dispensation: { decision: "ansøgt", by: "", date: "", caseNumber: "" },
  cells: { forecast: ["D60", "D61"], realised: ["E60", "E61"], dispensation: "B21" },
  unitKey: "id:73000202102",
};

describe("the dispensation decision", () => {
  it("reads the three words, with or without æøå, and nothing else", () => {
    expect(["ansøgt", "Ansoegt", " BEVILGET ", "afslået", "afslaaet"].map(parseDispensationDecision)).toEqual(["ansøgt", "ansøgt", "bevilget", "afslået", "afslået"]);
    expect(["ja", "", "bevilliget"].map(parseDispensationDecision)).toEqual([undefined, undefined, undefined]);
  });

  it("a date is a real calendar date written ÅÅÅÅ-MM-DD (property against the calendar)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(isIsoDate(text)).toBe(real);
      }),
    );
    expect(["2026-2-1", "15-03-2026", "2026-03-15 ", "2026-13-01"].map(isIsoDate)).toEqual([false, false, false, false]);
    expect(dispensationProblem({ decision: "bevilget", by: "", date: "2026-02-30", caseNumber: "" })).toBe("date-invalid");
    expect(dispensationProblem({ decision: "", by: "x", date: "", caseNumber: "" })).toBe("decision-missing");
    expect(dispensationProblem({ decision: "afslået", by: "", date: "", caseNumber: "" })).toBeNull();
  });

  it("writes the word into the plan's dispensation cell and the decision into its record row; granted is the only one that dispenses", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISPENSATION_DECISIONS), fc.string(), fc.string(), (decision, by, caseNumber) => {
        const update = dispensationUpdate(PLAN, { decision, by, date: "2026-03-15", caseNumber });
        expect(update.cells).toEqual([{ sheet: PLAN.planSheet, ...addressCell("B21"), value: decision, over: "anything" }]);
        const records = update.records(update.cells, [PLAN]);
        // Round trip through the record sheet: the row of the unit replaced in place, texts trimmed and kept as text.
        const merged = mergedPlanRecordSheet(gridOf(planRecordSheet([PLAN]), PLAN_RECORD_SHEET), records);
        const read = readPlanRecords(gridOf(merged, PLAN_RECORD_SHEET));
        expect(read?.plans).toHaveLength(1);
        expect(read?.plans[0]?.dispensation).toEqual({ decision, by: by.trim(), date: "2026-03-15", caseNumber: caseNumber.trim() });
        const judged = judgePlan({ planned: PLAN.planned, realised: [ore(0), null], dispensationGranted: read?.plans[0]?.dispensation.decision === "bevilget" });
        expect(judged.status === PLAN_STATUS.dispensed).toBe(decision === "bevilget");
      }),
    );
  });

  it("builds on the record's row as read at write time: figures Budgetlys wrote since the dialog opened are kept", () => {
    const since: PlanRecord = { ...PLAN, written: { D60: ore(20_000_00) } };
    const [row] = dispensationUpdate(PLAN, { decision: "bevilget", by: "", date: "", caseNumber: "" }).records([], [since]);
    expect(row).toEqual({ ...since, dispensation: { decision: "bevilget", by: "", date: "", caseNumber: "" } });
  });

  it("refuses a decision with a problem, in Danish", () => {
    expect(() => dispensationUpdate(PLAN, { decision: "bevilget", by: "", date: "15/3 2026", caseNumber: "" })).toThrow("ÅÅÅÅ-MM-DD");
  });

  it("finds a separate afviklingsplan's dispensation cell by its label, and never writes a sheet laid out otherwise", () => {
    const unit = SAMPLE_UNITS[1] as (typeof SAMPLE_UNITS)[number];
    const ap = planSheet("afviklingsplan", { unit, policy: RANDERSMODELLEN_2_0, accountsYear: 2025, years: 1, readAt: "" }, "id:73000202102");
    const grid = gridOf(ap);
    const cell = separateScheduleDispensationCell(grid);
    expect(cell).toEqual(addressCell(ap.plan?.cells.dispensation as string));
    const update = dispensationUpdate(PLAN, { decision: "bevilget", by: "", date: "", caseNumber: "" }, { sheet: ap.name, grid });
    expect(update.cells.map((c) => c.sheet)).toEqual([PLAN.planSheet, ap.name]);
    const moved: SheetGrid = { ...grid, values: [[null], ...grid.values] };
    expect(separateScheduleDispensationCell(moved)).toBeUndefined();
    expect(dispensationUpdate(PLAN, { decision: "bevilget", by: "", date: "", caseNumber: "" }, { sheet: ap.name, grid: moved }).cells).toHaveLength(1);
  });
});
