/**
 * Layout detection: from one sheet's grid, the heading row, the role of each column, which
 * spending counts, the amount unit and the sign convention — each with a Danish reason and a
 * confidence. Pure and linear in the grid: the heading search looks at a bounded number of rows,
 * everything else is one pass over the data rows.
 */
import { isBlank, isUncalculatedFormula, readAmount, type CellValue } from "../cell";
import { parseDanishNumber } from "../danishNumber";
import { columnIndex, columnLetter, type SheetGrid } from "../grid";
import {
  AMOUNT_UNIT_EXPONENT,
  COLUMN_ROLES,
  type AmountUnit,
  type CarriedUnclear,
  type ColumnRole,
  type Decision,
  type ExplainedMapping,
  type SheetMapping,
  type SignConvention,
} from "../unit";
import { because, reason as reasonOf, type InputCheck, type Reason, type SignDoubt, type UnitSource } from "../reason";
import { looksCarried, matchHeading, type HeadingMatch, type SpendingKind } from "./headings";
import { detectInputShape, isInputSheetName, RANDERS_ID, type InputShape } from "./randersInput";
import { idText, RowClassifier } from "./rows";
import { GridView, isDateFormat, normaliseText } from "./text";
import { amountUnitInText, formatScaling, signConventionInText } from "./words";

/** How many rows from the top may hold the heading row (more while the rows above are notes). */
export const HEADING_SEARCH_ROWS = 40;
/** The deepest heading row searched below notes without figures. */
export const HEADING_SEARCH_MAX_ROWS = 1000;
/** How many data rows are sampled to tell ids from names. */
const CONTENT_SAMPLE_ROWS = 300;

/** Roles holding amounts. */
export const AMOUNT_ROLES: readonly ColumnRole[] = [
  "budget",
  "budgetOriginal",
  "applications",
  "budgetInclApplications",
  "spending",
  "carried",
  "result",
];

/**
 * The columns of the amount roles a mapping has, in {@link AMOUNT_ROLES} order. Built with `push`
 * (not `map` + `filter`), so detection's and reading's lists have the same array kind and the row
 * classifier's loop over them is optimised once, not again after a "wrong map" deopt.
 */
export function amountColumns(col: (role: ColumnRole) => number | undefined): number[] {
  const out: number[] = [];
  for (const role of AMOUNT_ROLES) {
    const c = col(role);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** Parts of a mapping fixed by the user before detection runs. */
export type DetectionHints = Partial<Omit<SheetMapping, "sheet">>;

/** The outcome of detection: a mapping, or why the sheet has no unit table. */
export type Detection =
  | { readonly explained: ExplainedMapping; readonly reason: null; readonly why: null }
  | { readonly explained: null; readonly reason: string; readonly why: Reason };

interface ColumnCandidate {
  readonly col: number;
  readonly text: string;
  readonly matches: readonly HeadingMatch[];
}

interface HeadingRow {
  readonly row: number;
  readonly score: number;
  readonly candidates: readonly ColumnCandidate[];
  readonly roles: ReadonlySet<ColumnRole>;
}

const detected = <T>(value: T, reason: Reason, confidence: number): Decision<T> => ({
  value,
  ...because(reason),
  confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
  source: "detected",
});
const BY_USER = because(reasonOf("by-user"));
const byUser = <T>(value: T): Decision<T> => ({ value, ...BY_USER, confidence: 1, source: "user" });

/** No table, and why. */
const noTable = (reason: Reason): Detection => ({ explained: null, ...because(reason) });

/** Detects how a sheet is laid out. Never throws. */
export function detectLayout(grid: SheetGrid, hints: DetectionHints = {}): Detection {
  try {
    return detectUnsafe(grid, hints);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return noTable(reasonOf("sheet-unreadable", { message }));
  }
}

/**
 * Detection in phases: where the table is (heading row, Randers' Input positions or the user's
 * columns), the user's columns over detection's, labels found by content, a provisional pass over
 * the data rows, then which spending counts, the amount unit and the sign.
 */
function detectUnsafe(grid: SheetGrid, hints: DetectionHints): Detection {
  const view = new GridView(grid);
  if (view.bottom < view.top || view.right < view.left) return noTable(reasonOf("sheet-empty"));

  const located = locateTable(view, grid.name, hints);
  if (!located.ok) return noTable(located.why);
  const { headerRow, headerDecision, columns } = located;
  const userSpending = applyUserColumns(columns, hints.columns ?? {});
  const spendingCandidates = userSpending ? [] : located.spending;
  fillMissingLabels(view, headerRow, columns);

  const texts = sheetTexts(view, grid.name, headerRow);
  const rows = classifyDataRows(view, columns, spendingCandidates, headerRow, hints);
  if (!columns.has("spending") && spendingCandidates.length > 0) {
    columns.set("spending", chooseSpending(view, spendingCandidates, rows.unitRows));
  }
  const unitDecision =
    hints.unit !== undefined ? byUser(hints.unit) : detectUnit(view, columns, texts.headings, texts.titles, rows.notes, rows.unitRows, headerRow);
  const sign: SignFinding =
    hints.signConvention !== undefined
      ? { decision: byUser(hints.signConvention) }
      : detectSign(view, columns, [...texts.titles, ...texts.headings, ...rows.notes], rows.unitRows, AMOUNT_UNIT_EXPONENT[unitDecision.value]);
  const explained = explainedMapping(view, grid.name, hints, headerDecision, columns, unitDecision, sign.decision);
  const unclear = located.byHeadings ? unclearCarried(view, headerRow, columns, hints) : [];
  return {
    explained: {
      ...explained,
      ...(sign.unknown === undefined ? {} : { signUnknown: because(reasonOf("sign-unknown", sign.unknown)).reason, signDoubt: sign.unknown }),
      ...(unclear.length === 0 ? {} : { carriedUnclear: unclear }),
    },
    reason: null,
    why: null,
  };
}

/** Where the table is: its heading row, the columns known from it, and the spending candidates. */
type LocatedTable =
  | {
      readonly ok: true;
      readonly headerRow: number;
      readonly headerDecision: Decision<number>;
      readonly columns: Map<ColumnRole, Decision<string>>;
      readonly spending: SpendingCandidate[];
      /** Found by its heading row (not by Randers' Input positions or the user's columns alone). */
      readonly byHeadings: boolean;
    }
  | { readonly ok: false; readonly why: Reason };

export { POINT_OUT_COLUMNS } from "../reason";

/**
 * Phase 1: the heading row with a budget and a spending column; else Randers' Input positions
 * when the sheet really is that layout (its name, or headings that agree and none that
 * contradicts); else the user's heading row and columns; else no table, with the roles not found.
 */
function locateTable(view: GridView, sheetName: string, hints: DetectionHints): LocatedTable {
  const fixedHeader = hints.headerRow !== undefined && hints.headerRow >= 1 ? hints.headerRow - 1 : undefined;
  const heading = fixedHeader !== undefined ? headingRowAt(view, fixedHeader) : findHeadingRow(view);
  const userColumns = hints.columns ?? {};
  const columns = new Map<ColumnRole, Decision<string>>();

  if (heading !== undefined && hasTable(heading.roles)) {
    const headerDecision =
      fixedHeader !== undefined
        ? byUser(heading.row + 1)
        : detected(
            heading.row + 1,
            reasonOf("header-row", { row: heading.row + 1, roles: [...heading.roles] }),
            Math.min(0.95, 0.5 + heading.score / 20),
          );
    const spending = assignColumns(view, heading, columns);
    return { ok: true, headerRow: heading.row, headerDecision, columns, spending, byHeadings: true };
  }

  const shape = detectInputShape(view, sheetName);
  const confirmed = shape === undefined ? undefined : confirmInputShape(view, shape, sheetName);
  if (shape !== undefined && confirmed?.ok === true && (fixedHeader === undefined || fixedHeader < shape.firstIdRow)) {
    const headerRow = fixedHeader ?? shape.firstIdRow - 1;
    const headerDecision =
      fixedHeader !== undefined
        ? byUser(headerRow + 1)
        : detected(
            headerRow + 1,
            reasonOf("input-header-row", { variant: shape.variant, check: confirmed.check, firstRow: shape.firstIdRow + 1 }),
            0.8,
          );
    const spending = assignInputColumns(view, shape, columns, confirmed.check);
    return { ok: true, headerRow, headerDecision, columns, spending, byHeadings: false };
  }

  if (userColumns.budget !== undefined && userColumns.spending !== undefined && fixedHeader !== undefined) {
    return { ok: true, headerRow: fixedHeader, headerDecision: byUser(fixedHeader + 1), columns, spending: [], byHeadings: false };
  }
  // A row with figures is data, not headings, even when its label reads like one ("Skolen ved Åen").
  const seen = heading !== undefined && rowHasFigures(view, heading.row) ? undefined : heading;
  return { ok: false, why: noTableReason(seen, shape, confirmed) };
}

/** Why no table was found: which roles are missing, what was seen, how to point them out. */
function noTableReason(heading: HeadingRow | undefined, shape: InputShape | undefined, confirmed: ShapeCheck | undefined): Reason {
  const budgetFound = heading !== undefined && (heading.roles.has("budget") || heading.roles.has("budgetOriginal") || heading.roles.has("budgetInclApplications"));
  const spendingFound = heading !== undefined && heading.roles.has("spending");
  return reasonOf("no-table", {
    budgetMissing: !budgetFound,
    spendingMissing: !spendingFound,
    seen: heading === undefined || heading.roles.size === 0 ? null : { row: heading.row + 1, roles: [...heading.roles] },
    input: shape !== undefined && confirmed !== undefined && !confirmed.ok ? { column: columnLetter(shape.idCol), check: confirmed.check } : null,
  });
}

/** Phase 2: the user's columns replace detection's, role by role ("" removes a role). True when the user gave the spending. */
function applyUserColumns(columns: Map<ColumnRole, Decision<string>>, userColumns: Partial<Record<ColumnRole, string>>): boolean {
  for (const [role, letters] of Object.entries(userColumns) as [ColumnRole, string | undefined][]) {
    if (letters === undefined) continue;
    if (letters === "" || columnIndex(letters) < 0) columns.delete(role);
    else columns.set(role, byUser(letters.toUpperCase()));
  }
  return userColumns.spending !== undefined;
}

/** Texts that may state the unit or the sign: the sheet name and title rows; the heading row. */
function sheetTexts(view: GridView, sheetName: string, headerRow: number): { titles: string[]; headings: string[] } {
  const titles: string[] = [sheetName];
  for (let r = Math.max(view.top, headerRow - HEADING_SEARCH_ROWS); r < headerRow && r <= view.bottom; r++) collectTexts(view, r, titles, 40);
  const headings: string[] = [];
  const end = Math.min(view.rowEnd(headerRow), view.left + 199);
  for (let c = view.left; c <= end; c++) {
    const t = view.text(headerRow, c);
    if (t !== "") headings.push(t);
  }
  return { titles, headings };
}

/** Phase 4: a provisional pass over the data rows with the columns known so far: the unit rows and the notes. */
function classifyDataRows(
  view: GridView,
  columns: ReadonlyMap<ColumnRole, Decision<string>>,
  spendingCandidates: readonly SpendingCandidate[],
  headerRow: number,
  hints: DetectionHints,
): { unitRows: number[]; notes: string[] } {
  const col = (role: ColumnRole): number | undefined => {
    const d = columns.get(role);
    return d === undefined ? undefined : columnIndex(d.value);
  };
  const amountCols = amountColumns(col);
  for (const s of spendingCandidates) if (!amountCols.includes(s.col)) amountCols.push(s.col);
  const classifier = new RowClassifier(view, { id: col("id"), name: col("name"), amounts: amountCols, budget: col("budget"), scale: 0 });
  const unitRows: number[] = [];
  const notes: string[] = [];
  const first = hints.firstDataRow !== undefined ? hints.firstDataRow - 1 : headerRow + 1;
  const last = hints.lastDataRow !== undefined ? Math.min(hints.lastDataRow - 1, view.bottom) : view.bottom;
  for (const r of view.rowsBetween(first, last)) {
    const kind = classifier.classify(r);
    if (kind.kind === "unit") unitRows.push(r);
    else if (notes.length < 200) collectTexts(view, r, notes, 10);
  }
  return { unitRows, notes };
}

/** The last phase: the mapping with its decisions and the heading texts. */
function explainedMapping(
  view: GridView,
  sheetName: string,
  hints: DetectionHints,
  headerDecision: Decision<number>,
  columns: ReadonlyMap<ColumnRole, Decision<string>>,
  unitDecision: Decision<AmountUnit>,
  signDecision: Decision<SignConvention>,
): ExplainedMapping {
  const columnLetters: Partial<Record<ColumnRole, string>> = {};
  const columnDecisions: Partial<Record<ColumnRole, Decision<string>>> = {};
  for (const role of COLUMN_ROLES) {
    const d = columns.get(role);
    if (d === undefined) continue;
    columnLetters[role] = d.value;
    columnDecisions[role] = d;
  }
  const headerRow = headerDecision.value - 1;
  const headings: Record<string, string> = {};
  const end = Math.min(view.rowEnd(headerRow), view.left + 199);
  for (let c = view.left; c <= end; c++) {
    const t = view.text(headerRow, c).replace(/\s+/g, " ").trim();
    if (t !== "") headings[columnLetter(c)] = t;
  }
  const mapping: SheetMapping = {
    sheet: sheetName,
    headerRow: headerDecision.value,
    columns: columnLetters,
    unit: unitDecision.value,
    signConvention: signDecision.value,
    ...(hints.firstDataRow !== undefined ? { firstDataRow: hints.firstDataRow } : {}),
    ...(hints.lastDataRow !== undefined ? { lastDataRow: hints.lastDataRow } : {}),
    ...(hints.area !== undefined ? { area: hints.area } : {}),
    // Not a layout decision, but the mapping in force: a host that saves this mapping keeps it.
    ...(hints.period !== undefined ? { period: hints.period } : {}),
  };
  return { mapping, headerRow: headerDecision, columns: columnDecisions, unit: unitDecision, signConvention: signDecision, headings };
}

/**
 * Heading-row columns that look like a carry-over ({@link looksCarried}: gæld, saldo, "Overført
 * budget", a second overført …) but have no role: never ignored silently — a unit with an amount
 * in one gets no colour (readUnits). Not when the user chose the overført column (also "none")
 * or pointed out budget and spending themselves: then every column they left out is unused on
 * purpose. Hidden columns lose to visible ones anyway and are left out.
 */
function unclearCarried(
  view: GridView,
  headerRow: number,
  columns: ReadonlyMap<ColumnRole, Decision<string>>,
  hints: DetectionHints,
): CarriedUnclear[] {
  const user = hints.columns ?? {};
  if (user.carried !== undefined || (user.budget !== undefined && user.spending !== undefined)) return [];
  const taken = new Set([...columns.values()].map((d) => columnIndex(d.value)));
  const out: CarriedUnclear[] = [];
  const end = Math.min(view.rowEnd(headerRow), view.left + 199);
  for (let c = view.left; c <= end; c++) {
    if (taken.has(c) || view.columnHidden(c)) continue;
    const text = view.text(headerRow, c);
    if (text !== "" && looksCarried(text)) out.push({ column: columnLetter(c), heading: text.replace(/\s+/g, " ").trim() });
  }
  return out;
}

/** Whether the Input positions may be used, and why (or why not). */
type ShapeCheck = { readonly ok: boolean; readonly check: InputCheck };

/** Month names as headings: period columns, never a budget or a spending to date. */
const MONTH_HEADING = /^(jan(uar)?|feb(ruar)?|mar(ts)?|apr(il)?|maj|jun(i)?|jul(i)?|aug(ust)?|sep(t(ember)?)?|okt(ober)?|nov(ember)?|dec(ember)?)\.?(\s*(19|20)?\d{2})?$/;
const LABEL_ROLES: ReadonlySet<ColumnRole> = new Set(["id", "name"]);

/**
 * Randers' Input positions are used only when the sheet is that layout: it is named Input, or the
 * headings above the first unit agree with the positions (budget and a follow-up) — and in both
 * cases no heading contradicts a position (another role, or a month).
 */
function confirmInputShape(view: GridView, shape: InputShape, sheetName: string): ShapeCheck {
  const positions: [number, ColumnRole][] = [[shape.idCol, "id"]];
  if (shape.nameCol !== undefined) positions.push([shape.nameCol, "name"]);
  for (const [role, c] of Object.entries(shape.figures) as [ColumnRole, number][]) positions.push([c, role]);
  for (const f of shape.followUps) positions.push([f.col, "spending"]);
  const agreed = new Set<ColumnRole>();
  const contradictions: { column: string; heading: string }[] = [];
  for (const [c, role] of positions) {
    const text = headingAbove(view, shape.firstIdRow, c);
    if (text === "") continue;
    const norm = normaliseText(text);
    if (MONTH_HEADING.test(norm) && !LABEL_ROLES.has(role)) {
      contradictions.push({ column: columnLetter(c), heading: text });
      continue;
    }
    const top = matchHeading(text)[0];
    if (top === undefined) continue;
    const same = top.role === role || (LABEL_ROLES.has(top.role) && LABEL_ROLES.has(role));
    if (same) agreed.add(role);
    else if (top.score >= 0.75 || !sameFamily(top.role, role)) contradictions.push({ column: columnLetter(c), heading: text.replace(/\s+/g, " ").trim() });
  }
  if (contradictions.length > 0) {
    return { ok: false, check: { kind: "headings-contradict", columns: contradictions.slice(0, 3) } };
  }
  if (isInputSheetName(sheetName)) return { ok: true, check: { kind: "named-input" } };
  if (agreed.has("budget") && agreed.has("spending")) return { ok: true, check: { kind: "headings-agree" } };
  return { ok: false, check: { kind: "not-confirmed" } };
}

const BUDGET_FAMILY: ReadonlySet<ColumnRole> = new Set(["budget", "budgetOriginal", "budgetInclApplications"]);

function sameFamily(a: ColumnRole, b: ColumnRole): boolean {
  return a === b || (BUDGET_FAMILY.has(a) && BUDGET_FAMILY.has(b));
}

/** The heading text over a column: the nearest text in the three rows above the first unit. */
function headingAbove(view: GridView, firstRow: number, col: number): string {
  for (let r = firstRow - 1; r >= Math.max(view.top, firstRow - 3); r--) {
    const v = view.value(r, col);
    if (typeof v === "number" && !isDateFormat(view.format(r, col))) return "";
    const t = view.text(r, col).trim();
    if (t !== "") return t;
  }
  return "";
}

/** A table needs a budget and a spending column. */
function hasTable(roles: ReadonlySet<ColumnRole>): boolean {
  const budget = roles.has("budget") || roles.has("budgetOriginal") || roles.has("budgetInclApplications");
  return budget && roles.has("spending");
}


function collectTexts(view: GridView, row: number, into: string[], maxPerRow: number): void {
  let n = 0;
  const end = view.rowEnd(row);
  for (let c = view.left; c <= end && n < maxPerRow; c++) {
    const v = view.value(row, c);
    if (typeof v === "string" && v.trim() !== "" && v.length < 400) {
      into.push(v);
      n++;
    }
  }
}

/** The heading candidates of one row; a cell that names nothing is read with the cell above it. */
function headingRowAt(view: GridView, row: number, twoRows = false): HeadingRow | undefined {
  if (row < view.top || row > view.bottom) return undefined;
  const candidates: ColumnCandidate[] = [];
  const roles = new Set<ColumnRole>();
  const end = Math.min(view.rowEnd(row), view.left + 199);
  // First the cheap count: a row of figures (a data row) is no heading row, and its texts (unit
  // names) need not be matched against the heading vocabulary at all.
  const texts: (string | undefined)[] = [];
  let numbers = 0;
  let textCount = 0;
  for (let c = view.left; c <= end; c++) {
    const value = view.value(row, c);
    if (typeof value === "number" && !isDateFormat(view.format(row, c))) {
      // A figure is never a heading (and must not borrow the heading above it).
      numbers++;
      texts.push(undefined);
      continue;
    }
    let text = view.text(row, c);
    if (text === "" && twoRows && row > view.top) text = view.text(row - 1, c);
    texts.push(text === "" ? undefined : text);
    if (text !== "") textCount++;
  }
  if (textCount === 0 || numbers > Math.max(2, textCount)) return undefined;
  for (let c = view.left; c <= end; c++) {
    let text = texts[c - view.left];
    if (text === undefined) continue;
    let matches = matchHeading(text);
    if (matches.length === 0 && row > view.top && !(twoRows && view.text(row, c) === "")) {
      const above = view.text(row - 1, c);
      if (above !== "") {
        text = `${above} ${text}`;
        matches = matchHeading(text);
      }
    }
    if (matches.length === 0) continue;
    candidates.push({ col: c, text, matches });
    for (const m of matches) if (m.score >= 0.5) roles.add(m.role);
  }
  const score = roles.size + (hasTable(roles) ? 4 : 0) + (roles.has("name") || roles.has("id") ? 1 : 0);
  return { row, score, candidates, roles };
}

/**
 * The best heading row among the first {@link HEADING_SEARCH_ROWS} rows — and further down while
 * every row above is a note or a title without figures (up to {@link HEADING_SEARCH_MAX_ROWS}).
 */
function findHeadingRow(view: GridView): HeadingRow | undefined {
  let best: HeadingRow | undefined;
  let figuresSeen = false;
  const end = Math.min(view.bottom, view.top + HEADING_SEARCH_MAX_ROWS - 1);
  for (const r of view.rowsBetween(view.top, end)) {
    if (r >= view.top + HEADING_SEARCH_ROWS && (figuresSeen || (best !== undefined && hasTable(best.roles)))) break;
    if (!figuresSeen && rowHasFigures(view, r)) figuresSeen = true;
    const h = headingRowAt(view, r);
    if (h === undefined || h.roles.size === 0) continue;
    if (best === undefined || h.score > best.score) best = h;
  }
  // A heading in two rows: group headings ("Forventet forbrug") above dates or sub-headings.
  if (best !== undefined && best.row < view.bottom && isSubHeadingRow(view, best.row + 1)) {
    const two = headingRowAt(view, best.row + 1, true);
    if (two !== undefined && hasTable(two.roles) && two.roles.size >= best.roles.size) return two;
  }
  return best;
}

/** A row with two or more figures (numbers that are not dates): data, not a note. */
function rowHasFigures(view: GridView, row: number): boolean {
  let n = 0;
  const end = Math.min(view.rowEnd(row), view.left + 199);
  for (let c = view.left; c <= end; c++) {
    const v = view.value(row, c);
    if ((typeof v === "number" && !isDateFormat(view.format(row, c))) || (typeof v === "string" && parseDanishNumber(v).ok)) n++;
    if (n >= 2) return true;
  }
  return false;
}

/** A row of only texts and dates (no figures): the lower half of a two-row heading. */
function isSubHeadingRow(view: GridView, row: number): boolean {
  let filled = 0;
  const end = Math.min(view.rowEnd(row), view.left + 199);
  for (let c = view.left; c <= end; c++) {
    const v = view.value(row, c);
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === "number" && !isDateFormat(view.format(row, c))) return false;
    if (typeof v === "string" && (RANDERS_ID.test(v.trim()) || parseDanishNumber(v).ok)) return false;
    if (typeof v !== "string" && typeof v !== "number") return false;
  }
  // One text alone is a section heading ("Skoler"), not the lower half of a heading.
  return filled >= 2;
}

interface SpendingCandidate {
  readonly col: number;
  readonly kind: SpendingKind;
  readonly date: number | undefined;
  readonly text: string;
  readonly hidden: boolean;
}

/** Id-like content: numbers and codes, not words. */
function idLike(text: string): boolean {
  return RANDERS_ID.test(text) || /^[\d\s./-]{2,}[A-Za-z]{0,4}[\d.-]*$/.test(text) || /^\d+$/.test(text);
}

/** Share of sampled data cells of a column that look like ids and like names. */
function contentProfile(view: GridView, col: number, from: number): { ids: number; names: number; filled: number } {
  let ids = 0;
  let names = 0;
  let filled = 0;
  const end = Math.min(view.bottom, from + CONTENT_SAMPLE_ROWS - 1);
  for (let r = from; r <= end; r++) {
    const v = view.value(r, col);
    if (isBlank(v)) continue;
    filled++;
    const t = idText(v, view.format(r, col));
    if (idLike(t)) ids++;
    else if (/[A-Za-zÆØÅæøå]{2,}/.test(t)) names++;
  }
  return { ids: filled === 0 ? 0 : ids / filled, names: filled === 0 ? 0 : names / filled, filled };
}

/**
 * Gives each role its best column: every column takes its best-scoring role; a hidden helper
 * column loses to a visible one; id and name are settled by content. Returns the spending
 * candidates, chosen later from what the rows hold.
 */
function assignColumns(view: GridView, heading: HeadingRow, out: Map<ColumnRole, Decision<string>>): SpendingCandidate[] {
  const best = new Map<ColumnRole, { col: number; score: number; match: HeadingMatch; hidden: boolean }>();
  const spending: SpendingCandidate[] = [];
  const dataStart = heading.row + 1;
  for (const cand of heading.candidates) {
    const hidden = view.columnHidden(cand.col);
    let matches = [...cand.matches];
    if (matches.some((m) => m.role === "id" || m.role === "name")) {
      const profile = contentProfile(view, cand.col, dataStart);
      matches = matches.map((m) => {
        // Content decides between number and name; short or odd content only weakens a role a little.
        if (m.role === "id") return { ...m, score: m.score + (profile.ids >= 0.6 ? 0.3 : profile.names >= 0.6 ? -0.4 : -0.1) };
        if (m.role === "name") return { ...m, score: m.score + (profile.names >= 0.6 ? 0.3 : profile.ids >= 0.6 ? -0.4 : -0.1) };
        return m;
      });
      matches.sort((a, b) => b.score - a.score);
    }
    const top = matches[0];
    if (top === undefined || top.score < 0.4) continue;
    if (top.role === "spending") {
      spending.push({ col: cand.col, kind: top.spendingKind ?? "forbrug", date: top.date, text: cand.text, hidden });
      continue;
    }
    const score = top.score - (hidden ? 0.5 : 0);
    const current = best.get(top.role);
    if (current === undefined || score > current.score) best.set(top.role, { col: cand.col, score, match: top, hidden });
    // A column that is both id and name by its heading: the runner-up role, if still free.
    const second = matches[1];
    if (second !== undefined && (second.role === "id" || second.role === "name") && (top.role === "id" || top.role === "name") && second.score >= 0.5) {
      const other = best.get(second.role);
      if (other === undefined) best.set(second.role, { col: cand.col, score: second.score - 0.3, match: second, hidden: false });
    }
  }
  // The same column cannot be both id and name unless it is the only label column.
  const id = best.get("id");
  const name = best.get("name");
  if (id !== undefined && name !== undefined && id.col === name.col) {
    if (id.score >= name.score) best.delete("name");
    else best.delete("id");
  }
  for (const [role, b] of best) {
    const column = columnLetter(b.col);
    out.set(role, detected(column, reasonOf("heading-column", { heading: b.match.heading, meaning: b.match.meaning, column, hidden: b.hidden }), b.score));
  }
  // "Budget" alone when the only budget is the original one: measure against it, and say so.
  if (!out.has("budget")) {
    const fallback = out.get("budgetOriginal") ?? out.get("budgetInclApplications");
    if (fallback !== undefined) {
      out.set("budget", detected(fallback.value, reasonOf("budget-fallback", { column: fallback.value }), 0.5));
    }
  }
  // Prefer visible spending columns when any exists.
  const visible = spending.filter((s) => !s.hidden);
  return visible.length > 0 ? visible : spending;
}

/** Columns by position in Randers' Input sheet, where the headings do not say otherwise. */
function assignInputColumns(
  view: GridView,
  shape: InputShape,
  out: Map<ColumnRole, Decision<string>>,
  check: InputCheck,
): SpendingCandidate[] {
  const at = (role: ColumnRole, col: number): Reason => reasonOf("input-column", { variant: shape.variant, check, role, column: columnLetter(col) });
  out.set("id", detected(columnLetter(shape.idCol), at("id", shape.idCol), 0.85));
  if (shape.nameCol !== undefined) {
    const profile = contentProfile(view, shape.nameCol, shape.firstIdRow);
    if (profile.names >= 0.5) out.set("name", detected(columnLetter(shape.nameCol), at("name", shape.nameCol), 0.8));
  }
  for (const [role, col] of Object.entries(shape.figures) as [ColumnRole, number][]) {
    out.set(role, detected(columnLetter(col), at(role, col), 0.75));
  }
  return shape.followUps.map((f) => ({
    col: f.col,
    kind: "forventet" as const,
    date: f.date,
    text: `forventet forbrug ${Math.floor(f.date % 100)}/${Math.floor(f.date / 100)}`,
    hidden: view.columnHidden(f.col),
  }));
}

/** A name or id column found by content when the headings named none. */
function fillMissingLabels(view: GridView, headerRow: number, out: Map<ColumnRole, Decision<string>>): void {
  if (out.has("name") && out.has("id")) return;
  const amountCols = AMOUNT_ROLES.map((r) => out.get(r)).filter((d): d is Decision<string> => d !== undefined).map((d) => columnIndex(d.value));
  const firstAmount = amountCols.length === 0 ? view.right + 1 : Math.min(...amountCols);
  const taken = new Set([...out.values()].map((d) => columnIndex(d.value)));
  for (let c = view.left; c < firstAmount && c <= view.right && c < view.left + 200; c++) {
    // A heading that looks like a carry-over ("Gæld") is no label, whatever its figures look like.
    if (taken.has(c) || view.columnHidden(c) || looksCarried(view.text(headerRow, c))) continue;
    const p = contentProfile(view, c, headerRow + 1);
    if (p.filled < 1) continue;
    if (!out.has("name") && p.names >= 0.6) {
      out.set("name", detected(columnLetter(c), reasonOf("label-by-content", { role: "name", column: columnLetter(c) }), 0.55));
      taken.add(c);
    } else if (!out.has("id") && p.ids >= 0.8) {
      out.set("id", detected(columnLetter(c), reasonOf("label-by-content", { role: "id", column: columnLetter(c) }), 0.55));
      taken.add(c);
    }
  }
}

const KIND_RANK: Readonly<Record<SpendingKind, number>> = { regnskab: 3, forventet: 2, forbrug: 1 };

/**
 * The regnskab where filled; otherwise the latest follow-up column holding figures. A column
 * counts as filled when at least half of the units have a figure other than 0 in it.
 */
function chooseSpending(view: GridView, candidates: readonly SpendingCandidate[], unitRows: readonly number[]): Decision<string> {
  const filled = candidates.map((cand) => {
    let n = 0;
    for (const r of unitRows) {
      const v = view.value(r, cand.col);
      const a = readAmount(v);
      // A formula without a calculated value fills its column: it must not hand the choice to another.
      if ((a.kind === "amount" && a.ore !== 0) || isUncalculatedFormula(v)) n++;
    }
    return { cand, n };
  });
  const need = Math.max(1, Math.ceil(unitRows.length / 2));
  const usable = filled.filter((f) => f.n >= need);
  const pool = usable.length > 0 ? usable : filled.filter((f) => f.n > 0);
  const ordered = (pool.length > 0 ? pool : filled).slice().sort((a, b) => {
    const rank = KIND_RANK[b.cand.kind] - KIND_RANK[a.cand.kind];
    if (rank !== 0) return rank;
    const da = a.cand.date ?? -1;
    const db = b.cand.date ?? -1;
    if (da !== db) return db - da;
    return b.cand.col - a.cand.col;
  });
  const chosen = ordered[0];
  if (chosen === undefined) return detected("A", reasonOf("no-spending"), 0);
  const letter = columnLetter(chosen.cand.col);
  const heading = chosen.cand.text.replace(/\s+/g, " ").trim();
  const others = candidates.filter((c) => c !== chosen.cand);
  const emptyOthers = filled.filter((f) => f.cand !== chosen.cand && f.n < need).map((f) => columnLetter(f.cand.col));
  const choice = pool.length === 0 ? "none-filled" : others.length === 0 ? "only" : "latest";
  const reason = reasonOf("spending-chosen", { heading, column: letter, kind: chosen.cand.kind, choice, empty: choice === "latest" ? emptyOthers : [] });
  return detected(letter, reason, pool.length === 0 ? 0.3 : others.length === 0 ? 0.9 : 0.8);
}

function detectUnit(
  view: GridView,
  columns: ReadonlyMap<ColumnRole, Decision<string>>,
  headingTexts: readonly string[],
  titleTexts: readonly string[],
  noteTexts: readonly string[],
  unitRows: readonly number[],
  headerRow: number,
): Decision<AmountUnit> {
  // A thousands-scaling number format ("#,##0,") shows 1.000 kr. while the cells hold kroner.
  const budgetCol = columns.get("budget");
  if (budgetCol !== undefined) {
    const c = columnIndex(budgetCol.value);
    let scaled = 0;
    let seen = 0;
    for (const r of unitRows.slice(0, 20)) {
      if (typeof view.value(r, c) !== "number") continue;
      seen++;
      if (formatScaling(view.format(r, c)) > 0) scaled++;
    }
    if (seen > 0 && scaled * 2 > seen) {
      return detected("kr", reasonOf("unit-format-scaled"), 0.85);
    }
  }
  const amountHeadings: string[] = [];
  for (const role of AMOUNT_ROLES) {
    const d = columns.get(role);
    if (d === undefined) continue;
    const c = columnIndex(d.value);
    for (const r of [headerRow, headerRow - 1]) {
      const t = view.text(r, c);
      if (t !== "") amountHeadings.push(t);
    }
  }
  const sources: [UnitSource, readonly string[], number][] = [
    ["heading", amountHeadings, 0.95],
    ["heading-row", headingTexts, 0.9],
    ["title", titleTexts, 0.85],
    ["notes", noteTexts, 0.75],
  ];
  for (const [where, texts, confidence] of sources) {
    for (const t of texts) {
      const unit = amountUnitInText(t);
      if (unit !== undefined) {
        return detected(unit, reasonOf("unit-stated", { unit, where, text: t.replace(/\s+/g, " ").trim().slice(0, 80) }), confidence);
      }
    }
  }
  return detected("kr", reasonOf("unit-default"), 0.5);
}

/** The sign decision, and why the sign is unknown where it cannot be told but matters. */
interface SignFinding {
  readonly decision: Decision<SignConvention>;
  /** Set when the sheet has a result column and an overført column, but neither its figures nor its words tell the sign. */
  readonly unknown?: SignDoubt;
}

export { CHOOSE_SIGN } from "../reason";

/**
 * The sign convention: the sheet's own result column against budget and spending decides; the
 * words on the sheet decide when the numbers do not. Randers' convention is assumed only where
 * nothing on the sheet shows a sign (no result column, no words). A sheet with a result column
 * has a sign of its own: when its figures cannot show it (every unit at spending = budget, or as
 * many rows each way) and no words say it, the sign is unknown — and where an overført column
 * depends on it, the reading refuses those units' colours ({@link SignFinding.unknown}).
 */
function detectSign(
  view: GridView,
  columns: ReadonlyMap<ColumnRole, Decision<string>>,
  texts: readonly string[],
  unitRows: readonly number[],
  exponent: number,
): SignFinding {
  let said: { convention: SignConvention; text: string } | undefined;
  for (const t of texts) {
    const c = signConventionInText(t);
    if (c !== undefined) {
      said = { convention: c, text: t.replace(/\s+/g, " ").trim().slice(0, 100) };
      break;
    }
  }
  const colOf = (role: ColumnRole): number | undefined => {
    const d = columns.get(role);
    return d === undefined ? undefined : columnIndex(d.value);
  };
  const b = colOf("budget");
  const s = colOf("spending");
  const res = colOf("result");
  const car = colOf("carried");
  let deficitVotes = 0;
  let surplusVotes = 0;
  if (b !== undefined && s !== undefined && res !== undefined) {
    for (const r of unitRows) {
      const rawBudget = view.value(r, b);
      const rawSpending = view.value(r, s);
      const budget = readAmount(rawBudget, exponent);
      const spending = readAmount(rawSpending, exponent);
      const result = readAmount(view.value(r, res), exponent);
      if (budget.kind !== "amount" || spending.kind !== "amount" || result.kind !== "amount") continue;
      const carriedRead = car === undefined ? undefined : readAmount(view.value(r, car), exponent);
      const carried = carriedRead?.kind === "amount" ? carriedRead.ore : 0;
      const diff = spending.ore - budget.ore;
      if (diff === 0 && carried === 0) continue;
      // Rounding of the sheet's own figures: half of their last decimal (0,1 mio. kr. → 0,05 mio. kr.).
      const shown = Math.max(decimalsOf(rawBudget), decimalsOf(rawSpending), car === undefined ? 0 : decimalsOf(view.value(r, car)));
      const tolerance = Math.max(1, 51 * 10 ** (exponent - shown), Math.abs(budget.ore) * 0.0005);
      const got = result.ore;
      const deficit = Math.abs(got - diff) <= tolerance || Math.abs(got - diff - carried) <= tolerance;
      const surplus = Math.abs(got + diff) <= tolerance || Math.abs(got + diff - carried) <= tolerance;
      if (deficit && !surplus) deficitVotes++;
      if (surplus && !deficit) surplusVotes++;
    }
  }
  const votes = deficitVotes + surplusVotes;
  if (votes > 0 && deficitVotes !== surplusVotes) {
    const convention: SignConvention = deficitVotes > surplusVotes ? "plus-is-deficit" : "plus-is-surplus";
    const share = Math.max(deficitVotes, surplusVotes) / votes;
    const resLetter = columns.get("result")?.value ?? "";
    const agrees = said === undefined || said.convention === convention;
    const reason = reasonOf("sign-by-result", {
      convention,
      column: resLetter,
      count: Math.max(deficitVotes, surplusVotes),
      votes,
      said: said === undefined ? null : { text: said.text, agrees },
    });
    return { decision: detected(convention, reason, agrees ? Math.min(0.98, 0.6 + 0.4 * share) : 0.6) };
  }
  if (said !== undefined) {
    return { decision: detected(said.convention, reasonOf("sign-said", { convention: said.convention, text: said.text }), 0.85) };
  }
  if (b !== undefined && s !== undefined && res !== undefined) {
    const resLetter = columns.get("result")?.value ?? "";
    const doubt: SignDoubt = { column: resLetter, tie: votes === 0 ? null : deficitVotes };
    if (car !== undefined) {
      const carriedColumn = columns.get("carried")?.value ?? "";
      return { decision: detected("plus-is-deficit", reasonOf("sign-unknown-carried", { ...doubt, carriedColumn }), 0), unknown: doubt };
    }
    return { decision: detected("plus-is-deficit", reasonOf("sign-assumed", doubt), 0.5) };
  }
  return { decision: detected("plus-is-deficit", reasonOf("sign-default"), 0.5) };
}

/** Decimals a figure is written with (0–6): 1,1 → 1; "12.500,50" → 2. */
function decimalsOf(value: CellValue): number {
  if (typeof value === "number" && Number.isFinite(value)) {
    const text = String(Math.abs(value));
    if (text.includes("e")) return 6;
    const dot = text.indexOf(".");
    return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
  }
  if (typeof value === "string") {
    const m = /,(\d+)\D*$/.exec(value.trim());
    return m === null ? 0 : Math.min(6, (m[1] ?? "").length);
  }
  return 0;
}

