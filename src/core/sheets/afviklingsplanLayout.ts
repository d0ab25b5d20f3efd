/**
 * Layout of the afviklingsplan table (a block inside the handleplan, or on its own sheet):
 * a heading row, one row per year, a total row and a check row.
 */
import { at, type Cell } from "./build";
import { APPROVAL_COLUMNS, FOLLOW_UP_COLUMNS, TEXT_AREA_ROWS, type ApprovalTableLayout, type FollowUpTableLayout, type TextArea } from "./planSections";
import { unitHeaderLayout, type HeaderRole, type UnitHeaderLayout } from "./unitHeaderLayout";

/** Columns of the schedule, 0-based. */
export const SCHEDULE_COLUMNS = {
  year: 0,
  opening: 1,
  planned: 2,
  forecast: 3,
  realised: 4,
  closing: 5,
  status: 6,
} as const;

/** A column role of the schedule. */
export type ScheduleColumn = keyof typeof SCHEDULE_COLUMNS;

/** Where the schedule's cells are. */
export interface ScheduleLayout {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  readonly checkRow: number;
  /** The row after the block. */
  readonly next: number;
  /** The cell of a column in the year with 0-based index `yearIndex`. */
  cell(column: ScheduleColumn, yearIndex: number): Cell;
  /** The total row's cell of a column. */
  total(column: ScheduleColumn): Cell;
  /** The overall status of the plan (in the total row). */
  readonly overallStatus: Cell;
  /** "Afstemt" when the planned instalments add up to the debt. */
  readonly check: Cell;
}

/** The schedule with its heading row at `top`. */
export function scheduleLayout(top: number, years: number): ScheduleLayout {
  const firstRow = top + 1;
  const lastRow = top + years;
  const totalRow = lastRow + 1;
  const checkRow = totalRow + 1;
  return {
    headerRow: top,
    firstRow,
    lastRow,
    totalRow,
    checkRow,
    next: checkRow + 1,
    cell: (column, yearIndex) => at(firstRow + yearIndex, SCHEDULE_COLUMNS[column]),
    total: (column) => at(totalRow, SCHEDULE_COLUMNS[column]),
    overallStatus: at(totalRow, SCHEDULE_COLUMNS.status),
    check: at(checkRow, SCHEDULE_COLUMNS.planned),
  };
}

/** The header roles of the standalone afviklingsplan sheet. */
export const AFVIKLINGSPLAN_HEADER_ROLES: readonly HeaderRole[] = [
  "name",
  "id",
  "accountsYear",
  "asOf",
  "readAt",
  "source",
  "budget",
  "spending",
  "carried",
  "yearResult",
  "totalResult",
  "base",
  "percent",
  "indicator",
  "debt",
  "years",
  "firstYear",
  "dispensation",
];

/** The standalone sheet: title rows, the header block from row 3, the schedule after it, then its sections. */
export const AFVIKLINGSPLAN_SHEET = {
  titleRow: 0,
  subtitleRow: 1,
  headerTop: 3,
  /** Last column used (for titles and print). */
  lastCol: 6,
} as const;

/**
 * Where everything on the standalone afviklingsplan is: the header block, the schedule, then the
 * sections it carries like the handleplan — opfølgning (every follow-up date of every repayment
 * year), begrundelse for more than one year (with its check) and godkendelse.
 */
export interface AfviklingsplanSheetLayout {
  readonly lastCol: number;
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly header: UnitHeaderLayout;
  readonly schedule: ScheduleLayout;
  /** The heading row of each section after the schedule. */
  readonly sections: { readonly followUp: number; readonly begrundelse: number; readonly approval: number };
  readonly followUp: FollowUpTableLayout;
  readonly begrundelse: TextArea & { readonly noteRow: number; readonly check: Cell };
  readonly approval: ApprovalTableLayout;
  /** The empty rows between sections (printed low). */
  readonly spacerRows: readonly number[];
  /** The rows that begin a printed page: the header and the schedule | opfølgning, begrundelse, godkendelse. */
  readonly pageBreaks: readonly number[];
  /** The last used row. */
  readonly lastRow: number;
}

/** The standalone afviklingsplan's layout for `years` repayment years and `followUps` follow-up dates a year. */
export function afviklingsplanSheetLayout(years: number, followUps: number): AfviklingsplanSheetLayout {
  const s = AFVIKLINGSPLAN_SHEET;
  const header = unitHeaderLayout(s.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
  const spacerRows: number[] = [header.next];
  const schedule = scheduleLayout(header.next + 1, years);
  let row = schedule.next;
  const take = (n = 1): number => {
    const first = row;
    row += n;
    return first;
  };
  const gap = () => spacerRows.push(take());
  gap(); // (a page break follows)

  const followUpHeading = take();
  const followUpNote = take();
  const followUpHeader = take();
  const followUpRows = Array.from({ length: followUps * years }, () => take());
  gap();

  const begrundelseHeading = take();
  const begrundelseNote = take();
  const label = at(take(), 0);
  const top = take(TEXT_AREA_ROWS);
  const check = at(take(), 2);
  gap();

  const approvalHeading = take();
  const approvalHeader = take();
  const leaderRow = take();
  const chiefRow = take();

  return {
    lastCol: s.lastCol,
    titleRow: s.titleRow,
    subtitleRow: s.subtitleRow,
    header,
    schedule,
    sections: { followUp: followUpHeading, begrundelse: begrundelseHeading, approval: approvalHeading },
    // The handleplan's columns (planSections).
    followUp: { noteRow: followUpNote, headerRow: followUpHeader, rows: followUpRows, col: FOLLOW_UP_COLUMNS },
    begrundelse: {
      label,
      input: at(top, 0),
      range: { top, left: 0, bottom: top + TEXT_AREA_ROWS - 1, right: s.lastCol },
      noteRow: begrundelseNote,
      check,
    },
    approval: { headerRow: approvalHeader, leaderRow, chiefRow, col: APPROVAL_COLUMNS },
    spacerRows,
    pageBreaks: [followUpHeading],
    lastRow: row - 1,
  };
}
