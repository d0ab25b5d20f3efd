/**
 * Reading units with a given mapping (no detection): one pass over the data rows, each unit's
 * figures normalised to kroner-øre and Randers' sign, then assessed by the policy. A unit whose
 * figures cannot be read gets a Danish error and no colour; it never stops the others.
 */
import { assess, type Assessment } from "../assessment";
import { readAmount } from "../cell";
import { isBudgetlysError } from "../errors";
import { cellAddress, columnIndex, columnLetter, quoteSheetName, type SheetGrid } from "../grid";
import { add, negate, ZERO, type Ore } from "../money";
import type { PercentageBase, Policy } from "../policy";
import { AMOUNT_UNIT_EXPONENT, type CarriedUnclear, type ColumnRole, type SheetMapping, type SkippedRow, type UnitArea, type UnitFigures, type UnitRecord } from "../unit";
import { areaByUser, areaColumn, areaInColumn, isSectionLabel, sectionArea, titleArea } from "./area";
import { amountColumns } from "./detect";
import { because, reason, ROLE_LABELS as REASON_ROLE_LABELS, type FigureProblem, type Reason, type SignDoubt } from "../reason";
import { RowClassifier } from "./rows";
import { GridView } from "./text";

/** Danish labels of the column roles (task pane, CLI, error messages). */
export const ROLE_LABELS: Readonly<Record<ColumnRole, string>> = REASON_ROLE_LABELS;

const NOT_ASSESSED: Reason = reason("not-assessed");

/** The column role each percentage base is read from. */
export const BASE_ROLE: Readonly<Record<PercentageBase, ColumnRole>> = {
  "korrigeret-ekskl-overfoersler": "budget",
  oprindeligt: "budgetOriginal",
  "korrigeret-inkl-bevillingsans": "budgetInclApplications",
};

/** The units and skipped rows of one sheet. */
export interface UnitReading {
  readonly units: UnitRecord[];
  readonly skipped: SkippedRow[];
  /** Units read with a doubt (a numbered row equal to the sum above it), with the reason. */
  readonly warnings: SkippedRow[];
}

/** How a mapping is read beyond its parts. */
export interface ReadOptions {
  /**
   * Detection could not tell the sign (`ExplainedMapping.signUnknown`): a unit with an
   * overført amount gets no colour and this reason, never a colour from an assumed sign.
   */
  readonly signUnknown?: SignDoubt | undefined;
  /**
   * Columns that look like a carry-over but were not read as the overført
   * (`ExplainedMapping.carriedUnclear`): when the policy counts overført, a unit with an amount in
   * one gets no colour — the amount may be the unit's carry-over.
   */
  readonly carriedUnclear?: readonly CarriedUnclear[] | undefined;
}

export { CHOOSE_CARRIED } from "../reason";

/** Reads the units of a sheet with `mapping`. Never throws. */
export function readUnits(grid: SheetGrid, mapping: SheetMapping, policy: Policy, file?: string, options: ReadOptions = {}): UnitReading {
  const view = new GridView(grid);
  const units: UnitRecord[] = [];
  const skipped: SkippedRow[] = [];
  const warnings: SkippedRow[] = [];
  const fileField = file === undefined ? {} : { file };
  const cols: Partial<Record<ColumnRole, number>> = {};
  for (const [role, letters] of Object.entries(mapping.columns) as [ColumnRole, string | undefined][]) {
    if (letters === undefined) continue;
    const index = columnIndex(letters);
    if (index >= 0) cols[role] = index;
  }
  const scale = AMOUNT_UNIT_EXPONENT[mapping.unit] ?? 0;
  const amounts = amountColumns((role) => cols[role]);
  const classifier = new RowClassifier(view, {
    id: cols.id,
    name: cols.name,
    amounts,
    budget: cols.budget,
    spending: cols.spending,
    scale,
  });
  const first = Math.max(view.top, (mapping.firstDataRow ?? mapping.headerRow + 1) - 1);
  const last = Math.min(view.bottom, (mapping.lastDataRow ?? Number.MAX_SAFE_INTEGER) - 1);
  const baseRole = BASE_ROLE[policy.base];
  const unclearCols = (options.carriedUnclear ?? []).flatMap((u) => {
    const col = columnIndex(u.column);
    return col < 0 ? [] : [{ col, heading: u.heading }];
  });
  // The udvalg/område: the user's correction; else the unit's own cell in an "Område"/"Udvalg"
  // column, else the section heading above its group, else the title (see ./area.ts).
  const userArea = areaByUser(view, mapping.headerRow - 1, mapping.area);
  const areaCol = areaColumn(view, mapping.headerRow - 1, new Set(Object.values(cols)));
  const areaLetters = areaCol === undefined ? "" : columnLetter(areaCol.col);
  const fromTitle = titleArea(view, mapping.headerRow - 1) ?? null;
  let section: UnitArea | null = null;
  // Only the rows the grid has: a row it leaves out is blank (and blank rows change no state).
  for (const r of view.rowsBetween(first, last)) {
    const kind = classifier.classify(r);
    if (kind.kind === "blank") continue;
    if (kind.kind === "skip") {
      skipped.push({ ...fileField, sheet: grid.name, row: r + 1, ...because(kind.why) });
      if (kind.endsGroup === true) section = null;
      else if (kind.label !== undefined) section = isSectionLabel(kind.label) ? sectionArea(kind.label, r + 1) : section;
      continue;
    }
    const area = userArea !== undefined ? userArea(r) : ((areaCol === undefined ? undefined : areaInColumn(view, r, areaCol, areaLetters)) ?? section ?? fromTitle);
    if (kind.warning !== undefined) warnings.push({ ...fileField, sheet: grid.name, row: r + 1, ...because(kind.warning) });
    const unclear = policy.includeCarried ? unclearCarriedAt(view, r, unclearCols, scale) : undefined;
    const read = unclear !== undefined ? ({ ok: false, error: unclear } as const) : readFigures(view, r, cols, scale, mapping, baseRole, options.signUnknown);
    if (!read.ok) {
      units.push(unitRecord(file, grid.name, r + 1, kind.id, kind.name, null, null, read.error, area));
      continue;
    }
    try {
      const assessment = assess(read.figures, policy);
      units.push(unitRecord(file, grid.name, r + 1, kind.id, kind.name, read.figures, assessment, null, area));
    } catch (error) {
      const why = isBudgetlysError(error) ? error.why : NOT_ASSESSED;
      units.push(unitRecord(file, grid.name, r + 1, kind.id, kind.name, read.figures, null, why, area));
    }
  }
  return { units, skipped, warnings };
}

/**
 * Why a unit gets no colour because a column that looks like a carry-over holds an amount (or
 * something unreadable) in its row; `undefined` when those cells are blank or 0.
 */
function unclearCarriedAt(view: GridView, row: number, unclear: readonly { col: number; heading: string }[], scale: number): Reason | undefined {
  for (const { col, heading } of unclear) {
    const read = readAmount(view.value(row, col), scale);
    if (read.kind === "blank" || (read.kind === "amount" && read.ore === 0)) continue;
    const where = `${quoteSheetName(view.grid.name)}!${cellAddress(row, col)}`;
    return reason("carried-unclear", { column: columnLetter(col), heading, cell: where });
  }
  return undefined;
}

/** One record with a fixed shape (no spreads: a 100.000-row sheet allocates little). */
function unitRecord(
  file: string | undefined,
  sheet: string,
  row: number,
  id: string | null,
  name: string,
  figures: UnitFigures | null,
  assessment: Assessment | null,
  errorWhy: Reason | null,
  area: UnitArea | null,
): UnitRecord {
  const error = errorWhy === null ? null : because(errorWhy).reason;
  return file === undefined
    ? { sheet, row, id, name, figures, assessment, error, errorWhy, area }
    : { file, sheet, row, id, name, figures, assessment, error, errorWhy, area };
}

type FiguresRead = { ok: true; figures: UnitFigures } | { ok: false; error: Reason };

function readFigures(
  view: GridView,
  row: number,
  cols: Partial<Record<ColumnRole, number>>,
  scale: number,
  mapping: SheetMapping,
  baseRole: ColumnRole,
  signUnknown: SignDoubt | undefined,
): FiguresRead {
  const errors: FigureProblem[] = [];
  const corrected = figureAt(view, row, cols, scale, mapping, "budget", true, errors);
  const spending = figureAt(view, row, cols, scale, mapping, "spending", true, errors);
  const carriedRaw = figureAt(view, row, cols, scale, mapping, "carried", false, errors);
  // One budget, chosen by the policy, is both the result's budget and the percentage base. The
  // department's basis: korr. budget inkl. bevillingsansøgninger — the sheet's own column where it
  // has one, else korrigeret + bevillingsansøgninger, else the korrigeret budget.
  // A blank cell in the sheet's "inkl. bevillingsans." column counts as no pending applications.
  let baseValue: Ore | undefined;
  const inclApplications =
    baseRole === "budgetInclApplications" && cols.budgetInclApplications !== undefined
      ? figureAt(view, row, cols, scale, mapping, "budgetInclApplications", false, errors)
      : undefined;
  if (baseRole === "budget") baseValue = corrected;
  else if (baseRole === "budgetInclApplications" && inclApplications === undefined) {
    const applications = cols.applications === undefined ? undefined : figureAt(view, row, cols, scale, mapping, "applications", false, errors);
    baseValue = corrected === undefined ? undefined : applications === undefined ? corrected : add(corrected, applications);
  } else if (baseRole === "budgetInclApplications") baseValue = inclApplications;
  else baseValue = figureAt(view, row, cols, scale, mapping, baseRole, true, errors);
  const budget = baseValue;
  const budgetOriginal = baseRole === "budgetOriginal" ? baseValue : cols.budgetOriginal === undefined ? undefined : optional(view, row, cols.budgetOriginal, scale);
  const budgetInclApplications =
    baseRole === "budgetInclApplications" ? baseValue : cols.budgetInclApplications === undefined ? undefined : optional(view, row, cols.budgetInclApplications, scale);
  if (errors.length > 0 || budget === undefined || spending === undefined || baseValue === undefined) {
    return { ok: false, error: reason("figures-unreadable", { problems: errors }) };
  }
  if (signUnknown !== undefined && carriedRaw !== undefined && carriedRaw !== 0) {
    const where = `${quoteSheetName(view.grid.name)}!${cellAddress(row, cols.carried as number)}`;
    return { ok: false, error: reason("carried-sign-unknown", { unknown: signUnknown, cell: where }) };
  }
  // Carried follows the sheet's convention: where plus is mindreforbrug, plus carried is opsparing.
  const carried = carriedRaw === undefined ? ZERO : mapping.signConvention === "plus-is-surplus" ? negate(carriedRaw) : carriedRaw;
  // One literal of a fixed shape per row (adding properties later would change its hidden class).
  const figures: UnitFigures =
    budgetOriginal === undefined && budgetInclApplications === undefined
      ? { budget, spending, carried, base: baseValue }
      : { budget, spending, carried, base: baseValue, budgetOriginal, budgetInclApplications };
  return { ok: true, figures };
}

/** One figure of a row; an unreadable or (when required) missing figure adds a Danish error. */
function figureAt(
  view: GridView,
  row: number,
  cols: Partial<Record<ColumnRole, number>>,
  scale: number,
  mapping: SheetMapping,
  role: ColumnRole,
  required: boolean,
  errors: FigureProblem[],
): Ore | undefined {
  const col = cols[role];
  if (col === undefined) {
    if (required) errors.push({ kind: "no-column", role });
    return undefined;
  }
  const read = readAmount(view.value(row, col), scale);
  if (read.kind === "amount") return read.ore;
  const where = `${quoteSheetName(view.grid.name)}!${cellAddress(row, col)}`;
  if (read.kind === "blank") {
    if (required) errors.push({ kind: "empty", role, cell: where });
    return undefined;
  }
  errors.push({ kind: "invalid", role, cell: where, why: read.why });
  return undefined;
}

function optional(view: GridView, row: number, col: number, scale: number): Ore | undefined {
  const read = readAmount(view.value(row, col), scale);
  return read.kind === "amount" ? read.ore : undefined;
}
