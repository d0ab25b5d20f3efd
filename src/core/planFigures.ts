/**
 * Follow-up figures into the plans' input cells — the one owner of the rule for "Skriv i planerne"
 * (the task pane, through the port's `updatePlans`) and `budgetlys opfoelgning --out` (a copy of
 * the plans workbook):
 *
 * - a cell may take a figure when it is **blank**, or when it still holds **exactly the figure
 *   Budgetlys recorded writing there** (the plan record's "Skrevet af Budgetlys", `planRecord.ts`):
 *   the September forecast replaces the May forecast Budgetlys wrote;
 * - a cell holding anything else — a figure a person typed, or typed over Budgetlys' figure, a
 *   "-" — is **never overwritten**: it is reported with what it holds and what Budgetlys would
 *   have written;
 * - what Budgetlys writes is recorded in the same write, so the next follow-up knows it.
 *
 * A record without the column (older plans) records nothing: every non-blank cell counts as typed.
 * A person who types exactly the figure Budgetlys wrote cannot be told apart from it; the figure is
 * the same, so nothing is lost either way.
 */
import { isBlank, readAmount, type CellValue } from "./cell";
import type { FiguresKind, FollowedYear } from "./followUp";
import { cellAt, type SheetGrid } from "./grid";
import { toKroner, type Ore } from "./money";
import { addressCell, currentRow, type PlanRecord } from "./planRecord";
import type { PlanCellWrite, PlanUpdate, PlanUpdateResult } from "./ports";
import { reason, type Reason } from "./reason";

/** Who put what a plan input cell holds there, as far as the record can tell. */
export type CellOwner = "blank" | "budgetlys" | "person";

/**
 * Whose a cell's content is: blank; Budgetlys' (it holds exactly the number Budgetlys recorded
 * writing there, compared exactly in kroner as the cell holds it); else a person's.
 */
export function cellOwner(current: CellValue, recorded: Ore | undefined): CellOwner {
  if (isBlank(current)) return "blank";
  return recorded !== undefined && typeof current === "number" && current === toKroner(recorded) ? "budgetlys" : "person";
}

/** One repayment year's follow-up figure for a plan. */
export interface FollowedFigure {
  readonly amount: Ore;
  /** Regnskab goes into the realised cell, a forecast into the forecast cell. */
  readonly figures: FiguresKind;
}

/**
 * Whether a cell holding `current` at write time takes a {@link PlanCellWrite}: the rule of
 * {@link cellOwner}, checked again by the port inside its write (the cell may have changed since it
 * was read) in the kroner the port writes — anything when the user chose it for this cell, else a
 * blank cell or one still holding exactly `over.blankOr`.
 */
export function writeAllowed(over: PlanCellWrite["over"], current: CellValue): boolean {
  if (over === "anything" || isBlank(current)) return true;
  return over.blankOr !== null && typeof current === "number" && current === over.blankOr;
}

/** A plan and the follow-up figure for each of its repayment years (null: none), in the order of its years. */
export interface PlanFigures {
  readonly record: PlanRecord;
  readonly years: readonly (FollowedFigure | null)[];
}

/**
 * The figures a follow-up offers a plan's input cells (`followPlans`: `opfoelgning --out` and "Skriv
 * i planerne"): each year's figure where a follow-up sheet's counts (`yearFigure.ts`); nothing where
 * the plan sheet's own cell counts — it holds the figure already.
 */
export function followedFigures(plan: { readonly record: PlanRecord; readonly years: readonly FollowedYear[] }): PlanFigures {
  return {
    record: plan.record,
    years: plan.years.map((y): FollowedFigure | null => {
      if (y.source === null || y.source.from !== "followUp") return null;
      const amount = y.source.figures === "regnskab" ? y.realised : y.forecast;
      return amount === null ? null : { amount, figures: y.source.figures };
    }),
  };
}

/** Where one figure goes: the plan, the year and the input cell. */
export interface FigureCell {
  readonly record: PlanRecord;
  readonly year: number;
  readonly sheet: string;
  /** A1 address on the plan sheet. */
  readonly cell: string;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly amount: Ore;
  readonly figures: FiguresKind;
}

/** A figure that goes in: the cell is blank or holds Budgetlys' own earlier figure. */
export interface FigureWrite extends FigureCell {
  /** What Budgetlys recorded writing there before (the cell still holds it), or null for a blank cell. */
  readonly replaces: Ore | null;
}

/** A figure that does not go in: the cell holds something a person typed, kept as it is. */
export interface TypedCell extends FigureCell {
  readonly current: CellValue;
}

/** What writing the figures would do. */
export interface FigureWrites {
  readonly writes: readonly FigureWrite[];
  readonly typed: readonly TypedCell[];
  /** Plans whose sheet the workbook does not have (any more): nothing is written for them. */
  readonly sheetGone: readonly PlanRecord[];
}

/**
 * Which figures go into which cells of the plan sheets in `grids` (names compared as Excel does):
 * each year's figure into its input cell where {@link cellOwner} says blank or Budgetlys'; a cell that already holds
 * exactly the figure is left alone; a typed cell is listed in `typed`.
 */
export function figureWrites(plans: readonly PlanFigures[], grids: readonly SheetGrid[]): FigureWrites {
  const byName = new Map(grids.map((g) => [g.name.toLowerCase(), g] as const));
  const writes: FigureWrite[] = [];
  const typed: TypedCell[] = [];
  const sheetGone: PlanRecord[] = [];
  for (const { record, years } of plans) {
    if (years.every((y) => y === null)) continue;
    const grid = byName.get(record.planSheet.toLowerCase());
    if (grid === undefined) {
      sheetGone.push(record);
      continue;
    }
    years.forEach((figure, i) => {
      if (figure === null) return;
      const address = (figure.figures === "regnskab" ? record.cells.realised : record.cells.forecast)[i];
      if (address === undefined) return;
      const { row, col } = addressCell(address);
      const target: FigureCell = { record, year: record.firstYear + i, sheet: grid.name, cell: address, row, col, amount: figure.amount, figures: figure.figures };
      const current = cellAt(grid, row, col);
      if (typeof current === "number" && current === toKroner(figure.amount)) return;
      const recorded = record.written?.[address];
      const owner = cellOwner(current, recorded);
      if (owner === "person") typed.push({ ...target, current });
      else writes.push({ ...target, replaces: owner === "budgetlys" ? (recorded as Ore) : null });
    });
  }
  return { writes, typed, sheetGone };
}

/** A cell key: sheet (as Excel compares names), row and column. */
const cellKey = (c: { readonly sheet: string; readonly row: number; readonly col: number }): string => `${c.sheet.toLowerCase()}|${c.row}|${c.col}`;

/**
 * The record rows after `writes` went in: each plan's row with the new figures among its written
 * cells — built on its row in `current` (the record as read at write time) where it has one.
 */
export function recordsAfterWrites(writes: readonly Pick<FigureWrite, "record" | "cell" | "amount">[], current: readonly PlanRecord[] = []): PlanRecord[] {
  const byRecord = new Map<PlanRecord, { base: PlanRecord; written: Record<string, Ore> }>();
  for (const w of writes) {
    let entry = byRecord.get(w.record);
    if (entry === undefined) {
      const base = currentRow(current, w.record);
      entry = { base, written: { ...base.written } };
      byRecord.set(w.record, entry);
    }
    entry.written[w.cell] = w.amount;
  }
  return [...byRecord.values()].map(({ base, written }) => ({ ...base, written }));
}

/**
 * The port write of `writes` (`WorkbookWriter.updatePlans`): each figure in kroner, allowed at
 * write time only into a blank cell or one still holding what Budgetlys recorded (`over.blankOr`),
 * and the record's rows with the cells actually written — one write, both or neither.
 */
export function figureUpdate(writes: readonly FigureWrite[]): PlanUpdate {
  const cells: PlanCellWrite[] = writes.map((w) => ({
    sheet: w.sheet,
    row: w.row,
    col: w.col,
    value: toKroner(w.amount),
    over: { blankOr: w.replaces === null ? null : toKroner(w.replaces) },
  }));
  return {
    cells,
    records: (written, current) => {
      const done = new Set(written.map(cellKey));
      return recordsAfterWrites(writes.filter((w) => done.has(cellKey(w))), current);
    },
  };
}

/**
 * The cells a write kept because a person typed in them after they were read (the port's
 * `kept`), as {@link TypedCell}s of `writes`.
 */
export function typedAtWrite(writes: readonly FigureWrite[], kept: PlanUpdateResult["kept"]): TypedCell[] {
  const byKey = new Map(writes.map((w) => [cellKey(w), w] as const));
  return kept.flatMap(({ cell, current }) => {
    const w = byKey.get(cellKey(cell));
    return w === undefined ? [] : [{ ...w, current }];
  });
}

/** Why a typed cell was not written: which plan sheet, which cell, what it holds, what Budgetlys would have written. */
export function typedCellReason(t: TypedCell): Reason {
  const read = typeof t.current === "number" ? readAmount(t.current) : null;
  const holds: Ore | string = read?.kind === "amount" ? read.ore : t.current === null || typeof t.current === "object" ? "" : String(t.current);
  return reason("plan-cell-typed", { sheet: t.sheet, cell: t.cell, holds, would: t.amount });
}
