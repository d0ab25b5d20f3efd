/**
 * The rule for writing follow-up figures into the plans' input cells (core/planFigures.ts), which
 * "Skriv i planerne" and `opfoelgning --out` both apply: a cell is written when it is blank or still
 * holds exactly the figure Budgetlys recorded writing there; anything else was typed by a person and
 * is kept and reported.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "../../src/core/cell";
import type { SheetGrid } from "../../src/core/grid";
import { oreFromKroner, toKroner, type Ore } from "../../src/core/money";
import {
  cellOwner,
  figureUpdate,
  figureWrites,
  recordsAfterWrites,
  typedAtWrite,
  typedCellReason,
  writeAllowed,
  type PlanFigures,
} from "../../src/core/planFigures";
import { addressCell, type PlanRecord } from "../../src/core/planRecord";
import { danishReason } from "../../src/core/reason";

const kr = (n: number): Ore => oreFromKroner(n);

/** A plan over two years: forecast cells D20:D21, realised E20:E21 on "HP Skolen". */
const RECORD: PlanRecord = {
  unitId: "73000202101",
  unitName: "Skolen",
  planSheet: "HP Skolen",
  kind: "handleplan",
  accountsYear: 2025,
  firstYear: 2026,
  years: 2,
  debt: kr(300_000),
  planned: [kr(150_000), kr(150_000)],
  dispensation: { decision: "", by: "", date: "", caseNumber: "" },
  cells: { forecast: ["D20", "D21"], realised: ["E20", "E21"], dispensation: "B5" },
};

/** The plan sheet with `cells` (A1 → value), everything else blank. */
function sheet(cells: Readonly<Record<string, CellValue>>, name = "HP Skolen"): SheetGrid {
  const values: CellValue[][] = Array.from({ length: 25 }, () => Array.from({ length: 6 }, () => null));
  for (const [address, value] of Object.entries(cells)) {
    const { row, col } = addressCell(address);
    (values[row] as CellValue[])[col] = value;
  }
  return { name, origin: { row: 0, col: 0 }, values };
}

const forecast = (amount: number, year2: number | null = null): PlanFigures => ({
  record: RECORD,
  years: [{ amount: kr(amount), figures: "forecast" }, year2 === null ? null : { amount: kr(year2), figures: "forecast" }],
});

describe("cellOwner", () => {
  it("blank, Budgetlys' own figure (exactly, in kroner), or a person's", () => {
    expect(cellOwner(null, undefined)).toBe("blank");
    expect(cellOwner("  ", kr(5))).toBe("blank");
    expect(cellOwner(200_000, kr(200_000))).toBe("budgetlys");
    expect(cellOwner(133_334.5, oreFromKroner(133_334.5))).toBe("budgetlys");
    expect(cellOwner(200_000.01, kr(200_000))).toBe("person");
    expect(cellOwner(200_000, undefined)).toBe("person");
    expect(cellOwner("200000", kr(200_000))).toBe("person");
    expect(cellOwner("-", kr(200_000))).toBe("person");
  });

  it("property: the port's write-time check (writeAllowed, in kroner) lets in exactly what cellOwner does not call a person's", () => {
    const current = fc.oneof(
      fc.constant<CellValue>(null),
      fc.constantFrom<CellValue>("", "  ", "-", "200000"),
      fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((o) => toKroner(o as Ore) as CellValue),
    );
    const recorded = fc.option(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((o) => o as Ore), { nil: undefined });
    fc.assert(
      fc.property(current, recorded, fc.boolean(), (value, rec, same) => {
        // Half the runs: the cell holds exactly the recorded figure.
        const cell = same && rec !== undefined ? toKroner(rec) : value;
        const over = { blankOr: rec === undefined ? null : toKroner(rec) };
        expect(writeAllowed(over, cell)).toBe(cellOwner(cell, rec) !== "person");
        expect(writeAllowed("anything", cell)).toBe(true);
      }),
    );
  });
});

describe("figureWrites: which cells take a follow-up figure", () => {
  it("a blank cell takes the May forecast; the forecast kind goes into the forecast cell, regnskab into the realised cell", () => {
    const plan: PlanFigures = { record: RECORD, years: [{ amount: kr(200_000), figures: "forecast" }, { amount: kr(90_000), figures: "regnskab" }] };
    const { writes, typed, sheetGone } = figureWrites([plan], [sheet({})]);
    expect(writes.map((w) => [w.cell, w.year, w.amount, w.replaces])).toEqual([
      ["D20", 2026, kr(200_000), null],
      ["E21", 2027, kr(90_000), null],
    ]);
    expect(writes[0]).toMatchObject({ sheet: "HP Skolen", row: 19, col: 3 });
    expect([typed, sheetGone]).toEqual([[], []]);
  });

  it("in September, the cell still holding Budgetlys' May figure takes the new one; a cell a person typed over is kept and reported", () => {
    const record: PlanRecord = { ...RECORD, written: { D20: kr(200_000), D21: kr(100_000) } };
    // D20 still holds what Budgetlys wrote; a person typed 120.000 over D21.
    const grid = sheet({ D20: 200_000, D21: 120_000 });
    const { writes, typed } = figureWrites([{ record, years: forecast(250_000, 130_000).years }], [grid]);
    expect(writes.map((w) => [w.cell, w.amount, w.replaces])).toEqual([["D20", kr(250_000), kr(200_000)]]);
    expect(typed.map((t) => [t.cell, t.current, t.amount])).toEqual([["D21", 120_000, kr(130_000)]]);
    expect(danishReason(typedCellReason(typed[0]!))).toBe(
      "HP Skolen!D21 indeholder 120.000 kr., skrevet af en person; Budgetlys ville have skrevet 130.000 kr., men ændrer ikke cellen.",
    );
  });

  it("a record without written cells (older plans): every non-blank cell is a person's, a \"-\" too", () => {
    const { writes, typed } = figureWrites([forecast(250_000, 130_000)], [sheet({ D20: 200_000, D21: "-" })]);
    expect(writes).toEqual([]);
    expect(typed.map((t) => [t.cell, t.current])).toEqual([["D20", 200_000], ["D21", "-"]]);
    expect(danishReason(typedCellReason(typed[1]!))).toContain("HP Skolen!D21 indeholder «-», skrevet af en person");
  });

  it("a cell already holding the figure is left alone; a plan whose sheet is gone is listed; sheet names compared as Excel does", () => {
    const same = figureWrites([forecast(200_000)], [sheet({ D20: 200_000 }, "hp skolen")]);
    expect([same.writes, same.typed, same.sheetGone]).toEqual([[], [], []]);
    const gone = figureWrites([forecast(200_000), { record: { ...RECORD, planSheet: "HP Andet" }, years: [null, null] }], []);
    expect(gone.sheetGone).toEqual([RECORD]);
  });
});

describe("figureUpdate: the port write and the record", () => {
  it("allows each cell at write time only blank or holding the recorded figure (kroner), and records only the cells written", () => {
    const record: PlanRecord = { ...RECORD, written: { D20: kr(200_000), E21: kr(1) } };
    const { writes } = figureWrites([{ record, years: forecast(250_000, 133_334.5).years }], [sheet({ D20: 200_000 })]);
    const update = figureUpdate(writes);
    expect(update.cells).toEqual([
      { sheet: "HP Skolen", row: 19, col: 3, value: 250_000, over: { blankOr: 200_000 } },
      { sheet: "HP Skolen", row: 20, col: 3, value: 133_334.5, over: { blankOr: null } },
    ]);
    // Only D21 went in (D20 was typed over in between): D20 keeps its old record entry.
    expect(update.records([update.cells[1]!], [record])).toEqual([{ ...record, written: { D20: kr(200_000), E21: kr(1), D21: oreFromKroner(133_334.5) } }]);
    expect(update.records([], [record])).toEqual([]);
    // Built on the row as read at write time: a decision recorded since the figures were read is kept.
    const since: PlanRecord = { ...record, dispensation: { decision: "bevilget", by: "Hanne Holm", date: "", caseNumber: "" } };
    expect(update.records([update.cells[1]!], [since])).toEqual([{ ...since, written: { D20: kr(200_000), E21: kr(1), D21: oreFromKroner(133_334.5) } }]);
    // What the write kept comes back as typed cells with the figure Budgetlys would have written.
    expect(typedAtWrite(writes, [{ cell: update.cells[0]!, current: 210_000 }]).map((t) => [t.cell, t.current, t.amount])).toEqual([["D20", 210_000, kr(250_000)]]);
  });
});

describe("the rule as a property", () => {
  /** What a cell may hold: blank, Budgetlys' recorded figure, another number, a marker or text. */
  const contentArb = fc.oneof(
    fc.constant<"blank">("blank"),
    fc.constant<"recorded">("recorded"),
    fc.integer({ min: -50_000_000, max: 50_000_000 }).map((o) => ({ number: toKroner(o as Ore) })),
    fc.constantFrom("-", "x", "ikke oplyst").map((text) => ({ text })),
  );
  const cellArb = fc.record({
    content: contentArb,
    recorded: fc.option(fc.integer({ min: -50_000_000, max: 50_000_000 }), { nil: undefined }),
    amount: fc.integer({ min: -50_000_000, max: 50_000_000 }),
  });

  it("a cell is overwritten iff it is blank or holds its recorded figure; typed values never change; the record then knows the new figure", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 2, maxLength: 2 }), (cells) => {
        const written: Record<string, Ore> = {};
        const contents: Record<string, CellValue> = {};
        cells.forEach((c, i) => {
          const address = RECORD.cells.forecast[i] as string;
          if (c.recorded !== undefined) written[address] = c.recorded as Ore;
          if (c.content === "recorded") contents[address] = c.recorded === undefined ? null : toKroner(c.recorded as Ore);
          else if (c.content !== "blank") contents[address] = "number" in c.content ? c.content.number : c.content.text;
        });
        const record: PlanRecord = { ...RECORD, written };
        const plan: PlanFigures = { record, years: cells.map((c) => ({ amount: c.amount as Ore, figures: "forecast" as const })) };
        const grid = sheet(contents);
        const { writes, typed } = figureWrites([plan], [grid]);
        // Apply the writes as a writer does.
        const after: Record<string, CellValue> = { ...contents };
        for (const w of writes) after[w.cell] = toKroner(w.amount);
        cells.forEach((c, i) => {
          const address = RECORD.cells.forecast[i] as string;
          const before = contents[address] ?? null;
          const blank = before === null;
          const own = c.recorded !== undefined && before === toKroner(c.recorded as Ore);
          const already = before === toKroner(c.amount as Ore);
          const isWritten = writes.some((w) => w.cell === address);
          const isTyped = typed.some((t) => t.cell === address);
          expect(isWritten).toBe((blank || own) && !already);
          expect(isTyped).toBe(!blank && !own && !already);
          if (!isWritten) expect(after[address] ?? null).toBe(before);
          else expect(after[address]).toBe(toKroner(c.amount as Ore));
        });
        // Recorded afterwards: a second run with the same figures writes nothing and reports the same typed cells.
        const [next] = recordsAfterWrites(writes);
        const again = figureWrites([{ ...plan, record: next ?? record }], [sheet(after)]);
        expect(again.writes).toEqual([]);
        expect(again.typed.map((t) => t.cell)).toEqual(typed.map((t) => t.cell));
      }),
      { numRuns: 300 },
    );
  });
});
