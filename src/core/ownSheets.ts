/**
 * Budgetlys' own sheets — the Oversigt, the plans and the plan record it wrote — are not budgets:
 * a scan that read them as units would find every unit twice, and a second "Alle planer" would
 * then write extra plans ("HP Bakkeskolen (2)"). {@link scanSources} leaves them out, for the
 * task pane and the command line alike, and says which it left out ({@link ownSheetsNote}).
 *
 * A sheet is Budgetlys' own when
 * - the plan registry (`SETTING_KEYS.plans`, the workbook setting the Excel port keeps) names it;
 * - the plan record sheet (`planRecord.ts`, also in an .xlsx file, which has no settings) names it,
 *   or it is such a record sheet itself;
 * - it is an Oversigt as `oversigtSheet` writes it (its title and its table's headings, cell for
 *   cell, in either column layout and with any policy's budget basis), or such an Oversigt names it
 *   in its Plan column: how the command line's Oversigt and
 *   its overskudsplaner are known in an .xlsx file, as the plan record names only plans with a
 *   schedule;
 * - it is a separate afviklingsplan sheet as `afviklingsplanSheet` writes it (its title and the
 *   schedule's heading row, cell for cell): the record names the handleplan, which carries the same
 *   schedule, so nothing else in an .xlsx file from `plan --separat-afviklingsplan` names it.
 */
import { cellAt, type SheetGrid } from "./grid";
import { scanWorkbook, type ScanOptions, type WorkbookScan } from "./layout/scan";
import { DEFAULT_POLICY, PERCENTAGE_BASE_LABELS, PERCENTAGE_BASES } from "./policy";
import { readPlanRecords } from "./planRecord";
import { OVERSIGT_TITLE, oversigtHeadings } from "./sheets/oversigt";
import { oversigtColumns, oversigtLayout, type OversigtColumns } from "./sheets/oversigtLayout";
import { SCHEDULE_HEADINGS } from "./sheets/afviklingsplan";
import { SCHEDULE_COLUMNS } from "./sheets/afviklingsplanLayout";

/** A sheet left out of the scan because Budgetlys wrote it, and how that is known. */
export interface OwnSheet {
  readonly sheet: string;
  /**
   * "registry": the plan registry names it; "record": the plan record names it (or it is the
   * record); "oversigt": it is Budgetlys' Oversigt; "linked": such an Oversigt links to it as a plan;
   * "afviklingsplan": it is a separate afviklingsplan sheet Budgetlys wrote (its title and schedule).
   */
  readonly why: "registry" | "record" | "oversigt" | "linked" | "afviklingsplan";
  /** Hidden in the workbook (the plan record): not named to the user. */
  readonly hidden: boolean;
}

/** A scan of the source sheets, with the sheets Budgetlys wrote itself left out. */
export interface SourceScan extends WorkbookScan {
  /** Budgetlys' own sheets, in tab order; none of them is in `sheets`. */
  readonly ownSheets: readonly OwnSheet[];
}

/** Options of {@link scanSources}. */
export interface SourceScanOptions extends ScanOptions {
  /** The plan registry ("kind|unitKey" → sheet name), as `readPlanRegistry` reads it; none in an .xlsx file. */
  readonly registry?: Readonly<Record<string, string>>;
}

const fold = (name: string): string => name.trim().toLowerCase();

/** One cell an Oversigt has wherever its units are, and the texts it may hold. */
interface SignatureCell {
  readonly row: number;
  readonly col: number;
  readonly texts: readonly string[];
}

/** The cells that tell an Oversigt of one column layout. */
interface OversigtSignature {
  readonly columns: OversigtColumns;
  readonly cells: readonly SignatureCell[];
}

let oversigtSignatures: readonly OversigtSignature[] | undefined;

/**
 * The title and the table's headings of every Oversigt layout, cell for cell: budget and base in
 * one column (`oversigtColumns(false)`, the layout of today) or the base in its own column (a unit
 * whose base differs from its budget, and every Oversigt before the one-column layout), each with
 * Kilde last (today) or third (before the Oversigt fitted A4 at 9 pt). The budget
 * heading is the policy's name of its basis, so any of the bases is accepted: an Oversigt written
 * with a non-default `base` is Budgetlys' own without the registry or the record. Only the columns
 * up to Plan: an Oversigt written before the Planstatus and Dispensation columns still is.
 */
function signatures(): readonly OversigtSignature[] {
  if (oversigtSignatures === undefined) {
    const { titleRow, headerRow } = oversigtLayout(0);
    const budgetLabels = PERCENTAGE_BASES.map((base) => PERCENTAGE_BASE_LABELS[base]);
    const layouts = (["last", "third"] as const).flatMap((source) => [false, true].map((separateBase) => oversigtColumns(separateBase, source)));
    oversigtSignatures = layouts.map((columns) => {
      const headings = [...oversigtHeadings(DEFAULT_POLICY, columns)].filter(([col]) => col <= columns.plan);
      return {
        columns,
        cells: [
          { row: titleRow, col: 0, texts: [OVERSIGT_TITLE] },
          ...headings.map(([col, text]) => ({ row: headerRow, col, texts: col === columns.budget ? budgetLabels : [text] })),
        ],
      };
    });
  }
  return oversigtSignatures;
}

/** The columns of the Oversigt Budgetlys wrote in `grid` (its title and headings, cell for cell), or null when it is none. */
function oversigtColumnsOf(grid: SheetGrid): OversigtColumns | null {
  const found = signatures().find((signature) =>
    signature.cells.every((c) => {
      const value = cellAt(grid, c.row, c.col);
      return typeof value === "string" && c.texts.includes(value.trim());
    }),
  );
  return found?.columns ?? null;
}

/** True when `grid` is an Oversigt Budgetlys wrote (its title and headings, cell for cell, in any of its layouts). */
export function isBudgetlysOversigt(grid: SheetGrid): boolean {
  return oversigtColumnsOf(grid) !== null;
}

/** The title's start of a separate afviklingsplan sheet (`sheets/afviklingsplan.ts`). */
const AFVIKLINGSPLAN_TITLE = "Afviklingsplan – ";

/** How far down a separate afviklingsplan's schedule heading row is looked for. */
const SCHEDULE_SEARCH_ROWS = 80;

/**
 * True when `grid` is a separate afviklingsplan sheet Budgetlys wrote: A1 is its title and a row
 * holds the schedule's headings in their columns, cell for cell.
 */
export function isBudgetlysAfviklingsplan(grid: SheetGrid): boolean {
  const title = cellAt(grid, 0, 0);
  if (typeof title !== "string" || !title.startsWith(AFVIKLINGSPLAN_TITLE)) return false;
  const headings = Object.entries(SCHEDULE_COLUMNS).map(([role, col]) => [col, SCHEDULE_HEADINGS[role as keyof typeof SCHEDULE_COLUMNS]] as const);
  const last = Math.min(grid.origin.row + grid.values.length, SCHEDULE_SEARCH_ROWS);
  for (let row = 1; row < last; row++) {
    if (headings.every(([col, text]) => {
      const value = cellAt(grid, row, col);
      return typeof value === "string" && value.trim() === text;
    })) return true;
  }
  return false;
}

/** The texts in the Plan column of an Oversigt's table (the plan sheets' names, or notes such as "Ingen plan"). */
function planColumnTexts(grid: SheetGrid, columns: OversigtColumns): string[] {
  const { firstRow } = oversigtLayout(0);
  const texts: string[] = [];
  for (let row = firstRow; row < grid.origin.row + grid.values.length; row++) {
    const value = cellAt(grid, row, columns.plan);
    if (typeof value === "string" && value.trim() !== "") texts.push(value);
  }
  return texts;
}

/** Budgetlys' own sheets among `grids`, in tab order (see the module's note for how they are known). */
export function ownSheets(grids: readonly SheetGrid[], registry: Readonly<Record<string, string>> = {}): OwnSheet[] {
  const registered = new Set(Object.values(registry).map(fold));
  const recorded = new Set<string>();
  const recordSheets = new Set<SheetGrid>();
  const oversigter = new Set<SheetGrid>();
  const linked = new Set<string>();
  for (const grid of grids) {
    const records = readPlanRecords(grid);
    if (records !== null) {
      recordSheets.add(grid);
      for (const plan of records.plans) recorded.add(fold(plan.planSheet));
    } else {
      const columns = oversigtColumnsOf(grid);
      if (columns === null) continue;
      oversigter.add(grid);
      for (const text of planColumnTexts(grid, columns)) linked.add(fold(text));
    }
  }
  const own: OwnSheet[] = [];
  for (const grid of grids) {
    const name = fold(grid.name);
    const why = registered.has(name)
      ? "registry"
      : recordSheets.has(grid) || recorded.has(name)
        ? "record"
        : oversigter.has(grid)
          ? "oversigt"
          : linked.has(name)
            ? "linked"
            : isBudgetlysAfviklingsplan(grid)
              ? "afviklingsplan"
              : null;
    if (why !== null) own.push({ sheet: grid.name, why, hidden: grid.visibility === "hidden" || grid.visibility === "veryHidden" });
  }
  return own;
}

/**
 * Scans the sheets that are not Budgetlys' own (see {@link ownSheets}); `ownSheets` says which
 * were left out. The one scan of the task pane and the command line. Never throws on any grid.
 */
export function scanSources(grids: readonly SheetGrid[], options: SourceScanOptions): SourceScan {
  const { registry, ...scanOptions } = options;
  const own = ownSheets(grids, registry);
  if (own.length === 0) return { ...scanWorkbook(grids, scanOptions), ownSheets: own };
  const left = new Set(own.map((o) => o.sheet));
  return { ...scanWorkbook(grids.filter((g) => !left.has(g.name)), scanOptions), ownSheets: own };
}

/** Why one of Budgetlys' own sheets was not read (per sheet, as in a list of skipped sheets). */
export const OWN_SHEET_REASON = "Springer over: Budgetlys' eget ark (Oversigt, plan eller planregister), ikke et budget.";

/** How many sheets a note names before it counts the rest. */
const NAMED = 5;

/**
 * The sheets a note names: the visible ones (the hidden plan record is never scanned and the user
 * does not see it), the first five when there are more than six, and how many more there are.
 */
export function ownSheetsShown(own: readonly OwnSheet[]): { readonly names: readonly string[]; readonly more: number } {
  const visible = own.filter((o) => !o.hidden).map((o) => o.sheet);
  return visible.length <= NAMED + 1 ? { names: visible, more: 0 } : { names: visible.slice(0, NAMED), more: visible.length - NAMED };
}

/** The Danish note that says which sheets were left out, or null when no visible sheet was. */
export function ownSheetsNote(own: readonly OwnSheet[]): string | null {
  const { names, more } = ownSheetsShown(own);
  if (names.length === 0) return null;
  const quoted = names.map((name) => `«${name}»`).join(", ");
  return `Springer over Budgetlys' egne ark, som ikke er budgetter: ${more === 0 ? quoted : `${quoted} og ${more} andre`}.`;
}
