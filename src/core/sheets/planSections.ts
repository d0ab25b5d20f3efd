/**
 * Sections a plan document shares with the others: a section heading, a note, a free-text area,
 * the follow-up dates of every repayment year, the godkendelse table and the begrundelse for
 * repayment over more than one year with its check. The separate afviklingsplan
 * (`afviklingsplan.ts`) writes them with these; the texts and the check's rule live here once.
 *
 * Each writer can store the value the core knows for its formulas (`CellSpec.result`, written as
 * the cached result in .xlsx): pass the known first repayment year / number of years.
 */
import type { CellRange } from "../grid";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { absRef, at, rangeOf, ref, str, type Cell, type SheetBuilder } from "./build";

/** The texts of the begrundelse check. */
export const BEGRUNDELSE_CHECK = {
  missing: "Begrundelse mangler",
  given: "Begrundelse givet",
  notApplicable: "Ikke relevant: afvikling på ét år",
} as const;

/** Rows of a free-text area: room to write (at least 6 lines). */
export const TEXT_AREA_ROWS = 6;

/** A merged free-text input area. */
export interface TextArea {
  readonly label: Cell;
  readonly input: Cell;
  readonly range: CellRange;
}

/** Where a follow-up table is: a note, its heading row and one row per follow-up date of every repayment year. */
export interface FollowUpTableLayout {
  readonly noteRow: number;
  readonly headerRow: number;
  readonly rows: readonly number[];
  readonly col: { readonly date: number; readonly who: number; readonly remark: number };
}

/** The follow-up table's columns in the seven-column plan layout: "Drøftet med" merged over B–C, the remark over D–G. */
export const FOLLOW_UP_COLUMNS: FollowUpTableLayout["col"] = { date: 0, who: 1, remark: 3 };

/** Where a godkendelse table is: its heading row, the leader's and the chief's row. */
export interface ApprovalTableLayout {
  readonly headerRow: number;
  readonly leaderRow: number;
  readonly chiefRow: number;
  readonly col: { readonly role: number; readonly name: number; readonly date: number; readonly signature: number };
}

/** The godkendelse table's columns in the seven-column plan layout: the name merged over B–C, the signature over E–G. */
export const APPROVAL_COLUMNS: ApprovalTableLayout["col"] = { role: 0, name: 1, date: 3, signature: 4 };

/** A section heading across the sheet's columns. */
export function sectionHeading(b: SheetBuilder, row: number, text: string, lastCol: number): void {
  b.value(at(row, 0), text, "heading");
  for (let col = 1; col <= lastCol; col++) b.blank(at(row, col), "heading");
}

/** A note merged to the last column. */
export function sectionNote(b: SheetBuilder, cell: Cell, text: string, lastCol: number): void {
  b.value(cell, text, "note");
  b.merge({ top: cell.row, left: cell.col, bottom: cell.row, right: lastCol });
}

/** A merged free-text input area with its label (text written as text; blank when only whitespace). */
export function writeTextArea(b: SheetBuilder, area: TextArea, label: string | null, text?: string): void {
  if (label !== null) {
    // The label over the area's whole width: one line, not a narrow column of wrapped words.
    b.value(area.label, label, "label");
    b.merge({ top: area.label.row, left: area.label.col, bottom: area.label.row, right: area.range.right });
  }
  if (text !== undefined && text.trim() !== "") b.value(area.input, text, "inputText");
  else b.blank(area.input, "inputText");
  b.merge(area.range);
}

/** Parses a follow-up date "31/3" into day and month. */
export function dayMonth(text: string): { day: number; month: number } | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { day, month } : null;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The Excel serial number `DATE(year, month, day)` gives (1900 date system), with Excel's roll-over
 * of a day past the month's end (31/4 → 1/5).
 */
export function excelDateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** What {@link writeFollowUpTable} writes. */
export interface FollowUpTableInput {
  /** The cell holding the first repayment year. */
  readonly firstYear: Cell;
  /** The first repayment year, when known: the dates' stored values. */
  readonly firstYearValue?: number;
  /** The policy's follow-up dates ("31/3" …), repeated in every repayment year. */
  readonly dates: readonly string[];
  readonly note: string;
  readonly lastCol: number;
}

/** The follow-up dates of every repayment year: date (a DATE formula from the first year), drøftet med, status. */
export function writeFollowUpTable(b: SheetBuilder, f: FollowUpTableLayout, input: FollowUpTableInput): void {
  const last = input.lastCol;
  sectionNote(b, at(f.noteRow, 0), input.note, last);
  b.value(at(f.headerRow, f.col.date), "Opfølgningsdato", "tableHeader");
  b.value(at(f.headerRow, f.col.who), "Drøftet med", "tableHeader");
  b.merge({ top: f.headerRow, left: f.col.who, bottom: f.headerRow, right: f.col.remark - 1 });
  b.value(at(f.headerRow, f.col.remark), "Status for tiltag og afdrag", "tableHeader");
  b.merge({ top: f.headerRow, left: f.col.remark, bottom: f.headerRow, right: last });
  const firstYearRef = absRef(input.firstYear);
  const perYear = input.dates.length;
  f.rows.forEach((row, i) => {
    const yearIndex = Math.floor(i / perYear);
    const text = input.dates[i % perYear] as string;
    const dm = dayMonth(text);
    const year = yearIndex === 0 ? firstYearRef : `${firstYearRef}+${yearIndex}`;
    if (dm) {
      const known = input.firstYearValue === undefined ? undefined : excelDateSerial(input.firstYearValue + yearIndex, dm.month, dm.day);
      b.formula(at(row, f.col.date), `=DATE(${year},${dm.month},${dm.day})`, "computed", NUMBER_FORMATS.date, known);
    } else b.value(at(row, f.col.date), yearIndex === 0 ? text : `${text} (år ${yearIndex + 1})`, "computed");
    b.blank(at(row, f.col.who), "input");
    b.merge({ top: row, left: f.col.who, bottom: row, right: f.col.remark - 1 });
    b.blank(at(row, f.col.remark), "inputText");
    b.merge({ top: row, left: f.col.remark, bottom: row, right: last });
  });
}

/** The godkendelse table: leader (pre-filled where known) and chief, with name, date and signature. */
export function writeApprovalTable(b: SheetBuilder, ap: ApprovalTableLayout, leader: string | undefined, lastCol: number): void {
  b.value(at(ap.headerRow, ap.col.role), "Rolle", "tableHeader");
  b.value(at(ap.headerRow, ap.col.name), "Navn", "tableHeader");
  b.merge({ top: ap.headerRow, left: ap.col.name, bottom: ap.headerRow, right: ap.col.date - 1 });
  b.value(at(ap.headerRow, ap.col.date), "Dato", "tableHeader");
  b.value(at(ap.headerRow, ap.col.signature), "Underskrift", "tableHeader");
  b.merge({ top: ap.headerRow, left: ap.col.signature, bottom: ap.headerRow, right: lastCol });
  for (const [row, label, name] of [
    [ap.leaderRow, "Leder", leader],
    [ap.chiefRow, "Chef", undefined],
  ] as const) {
    b.value(at(row, ap.col.role), label, "label");
    if (name) b.value(at(row, ap.col.name), name, "input");
    else b.blank(at(row, ap.col.name), "input");
    b.merge({ top: row, left: ap.col.name, bottom: row, right: ap.col.date - 1 });
    b.blank(at(row, ap.col.date), "inputDate");
    b.blank(at(row, ap.col.signature), "input");
    b.merge({ top: row, left: ap.col.signature, bottom: row, right: lastCol });
  }
}

/**
 * The check's value as the formula computes it: over more than one year a begrundelse is needed
 * (the area holds the text only when it is not blank, so a written text always counts as given).
 */
export function begrundelseCheckValue(years: number, text: string | undefined): string {
  if (years <= 1) return BEGRUNDELSE_CHECK.notApplicable;
  return text !== undefined && text.trim() !== "" ? BEGRUNDELSE_CHECK.given : BEGRUNDELSE_CHECK.missing;
}

/** What {@link writeBegrundelse} writes. */
export interface BegrundelseInput {
  readonly label: string;
  readonly text: string | undefined;
  /** The cell holding the number of repayment years. */
  readonly years: Cell;
  /** The number of years, when known: the check's stored value. */
  readonly yearsValue?: number;
  readonly lastCol: number;
}

/** The begrundelse's free-text area and its check ("Begrundelse mangler" in red over more than one year without one). */
export function writeBegrundelse(b: SheetBuilder, area: TextArea & { readonly check: Cell }, input: BegrundelseInput): void {
  writeTextArea(b, area, input.label, input.text);
  b.value(at(area.check.row, 0), "Kontrol af begrundelse", "label");
  b.merge({ top: area.check.row, left: 0, bottom: area.check.row, right: area.check.col - 1 });
  b.formula(
    area.check,
    `=IF(${absRef(input.years)}>1,IF(LEN(TRIM(${ref(area.input)}))=0,${str(BEGRUNDELSE_CHECK.missing)},${str(BEGRUNDELSE_CHECK.given)}),${str(BEGRUNDELSE_CHECK.notApplicable)})`,
    "check",
    undefined,
    input.yearsValue === undefined ? undefined : begrundelseCheckValue(input.yearsValue, input.text),
  );
  b.merge({ top: area.check.row, left: area.check.col, bottom: area.check.row, right: input.lastCol });
  b.textColour(rangeOf(area.check, area.check), BEGRUNDELSE_CHECK.missing, INDICATOR_COLORS.Rød);
}
