/**
 * Layout of the handleplan sheet: every section's rows and every named cell, computed from the
 * schedule's length. The description (`handleplan.ts`) and the tests find cells only here.
 */
import { at, type Cell } from "./build";
import { scheduleLayout, type ScheduleLayout } from "./afviklingsplanLayout";
import { PLAN_LAST_COL } from "./printLayout";
import { unitHeaderLayout, type HeaderRole, type UnitHeaderLayout } from "./unitHeaderLayout";
import { APPROVAL_COLUMNS, FOLLOW_UP_COLUMNS, TEXT_AREA_ROWS, type ApprovalTableLayout, type FollowUpTableLayout, type TextArea } from "./planSections";

/** Empty rows of the tiltag table (and of the effect table under it): sections 3–6 fill one page. */
export const TILTAG_ROWS = 6;
/** Rows of a free-text area (at least 6 lines), shared with the other plan documents. */
export { TEXT_AREA_ROWS, type TextArea } from "./planSections";

/** The header roles of the handleplan, in order. */
export const HANDLEPLAN_HEADER_ROLES: readonly HeaderRole[] = [
  "name",
  "id",
  "leader",
  "udvalg",
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
  "nextColour",
  "requirement",
  "debt",
  "years",
  "firstYear",
  "dispensation",
];

/** The ten sections of the rule book. */
export type HandleplanSection =
  | "stamdata"
  | "causes"
  | "tiltag"
  | "coverage"
  | "schedule"
  | "consequences"
  | "followUp"
  | "involvement"
  | "approval"
  | "begrundelse";


/** Where everything on a handleplan is. */
export interface HandleplanLayout {
  readonly lastCol: number;
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly noteRow: number;
  /** The heading row of each section. */
  readonly sections: Readonly<Record<HandleplanSection, number>>;
  readonly header: UnitHeaderLayout;
  readonly causes: TextArea;
  readonly tiltag: {
    readonly headerRow: number;
    readonly firstRow: number;
    readonly lastRow: number;
    /** Columns of the measures' table (the name merged over A–B, the status over F–G). */
    readonly col: { readonly name: number; readonly responsible: number; readonly start: number; readonly type: number; readonly status: number };
    /**
     * The expected effect per repayment year, a table of its own under the measures (so the
     * sheet stays seven columns wide for up to five years): its heading row, one row per measure
     * (the measure's name from the table above, A–B) and the sum row.
     */
    readonly effectHeaderRow: number;
    readonly effectFirstRow: number;
    readonly effectLastRow: number;
    readonly sumRow: number;
    /** Effect column of each schedule year. */
    readonly effectCols: readonly number[];
  };
  readonly coverage: {
    readonly headerRow: number;
    /** One row per schedule year. */
    readonly rows: readonly number[];
    readonly totalRow: number;
    readonly col: { readonly year: number; readonly required: number; readonly effect: number; readonly difference: number; readonly check: number };
  };
  readonly scheduleNote: Cell;
  readonly schedule: ScheduleLayout;
  readonly consequences: TextArea;
  readonly risks: TextArea;
  readonly followUp: FollowUpTableLayout;
  readonly involvement: {
    readonly headerRow: number;
    readonly medRow: number;
    readonly boardRow: number;
    /** The forum merged over A–B, the remark over D–G. */
    readonly col: { readonly what: number; readonly date: number; readonly remark: number };
  };
  readonly approval: ApprovalTableLayout;
  readonly begrundelse: TextArea & { readonly noteRow: number; readonly check: Cell };
  readonly dispensationApplication: TextArea;
  /** The empty rows between sections (printed low). */
  readonly spacerRows: readonly number[];
  /** The rows that begin a printed page: 1–2 | 3–6 | 7–10. */
  readonly pageBreaks: readonly number[];
  /** The last used row. */
  readonly lastRow: number;
}

/** The most repayment years the seven columns hold (the effect table: C–G). */
export const MAX_LAYOUT_YEARS = 5;

/** The handleplan layout for a schedule of `years` years and `followUps` follow-up dates. */
export function handleplanLayout(years: number, followUps: number): HandleplanLayout {
  if (!(years >= 1 && years <= MAX_LAYOUT_YEARS)) throw new Error(`Layout: ${years} år passer ikke i handleplanen (1–${MAX_LAYOUT_YEARS}).`);
  // The afviklingsplan's seven columns (A–G) set the width for every section.
  const lastCol = PLAN_LAST_COL;
  let row = 0;
  const take = (n = 1): number => {
    const first = row;
    row += n;
    return first;
  };
  const spacerRows: number[] = [];
  const gap = () => spacerRows.push(take(1));
  const area = (rows = TEXT_AREA_ROWS, withLabel = true): TextArea => {
    const label = withLabel ? at(take(), 0) : at(row - 1, 0);
    const top = take(rows);
    return { label, input: at(top, 0), range: { top, left: 0, bottom: top + rows - 1, right: lastCol } };
  };

  const titleRow = take();
  const subtitleRow = take();
  const noteRow = take();
  const stamdata = take();
  const header = unitHeaderLayout(take(HANDLEPLAN_HEADER_ROLES.length), HANDLEPLAN_HEADER_ROLES);
  take(); // the traffic-light table's footnote
  gap();

  const causesHeading = take();
  const causes = area();
  // (a page break follows)

  const tiltagHeading = take();
  const tiltagHeader = take();
  const tiltagFirst = take(TILTAG_ROWS);
  const effectHeader = take();
  const effectFirst = take(TILTAG_ROWS);
  const tiltagSum = take();
  const effectCols = Array.from({ length: years }, (_, i) => 2 + i);
  gap();

  const coverageHeading = take();
  const coverageHeader = take();
  const coverageRows = Array.from({ length: years }, () => take());
  const coverageTotal = take();
  gap();

  const scheduleHeading = take();
  const scheduleNote = at(take(), 0);
  const schedule = scheduleLayout(row, years);
  row = schedule.next;
  gap();


  const consequencesHeading = take();
  const consequences = area();
  const risks = area();
  // No spacer before a page break: it would print alone at the foot of a full page.

  const followUpHeading = take();
  const followUpNote = take();
  const followUpHeader = take();
  // Every follow-up date of every repayment year.
  const followUpRows = Array.from({ length: followUps * years }, () => take());
  gap();

  const involvementHeading = take();
  const involvementHeader = take();
  const medRow = take();
  const boardRow = take();
  gap();

  const approvalHeading = take();
  const approvalHeader = take();
  const leaderRow = take();
  const chiefRow = take();
  gap();

  const begrundelseHeading = take();
  const begrundelseNote = take();
  const begrundelse = area();
  const begrundelseCheck = at(take(), 2);
  const dispensationApplication = area();

  return {
    lastCol,
    titleRow,
    subtitleRow,
    noteRow,
    sections: {
      stamdata,
      causes: causesHeading,
      tiltag: tiltagHeading,
      coverage: coverageHeading,
      schedule: scheduleHeading,
      consequences: consequencesHeading,
      followUp: followUpHeading,
      involvement: involvementHeading,
      approval: approvalHeading,
      begrundelse: begrundelseHeading,
    },
    header,
    causes,
    tiltag: {
      headerRow: tiltagHeader,
      firstRow: tiltagFirst,
      lastRow: tiltagFirst + TILTAG_ROWS - 1,
      col: { name: 0, responsible: 2, start: 3, type: 4, status: 5 },
      effectHeaderRow: effectHeader,
      effectFirstRow: effectFirst,
      effectLastRow: effectFirst + TILTAG_ROWS - 1,
      sumRow: tiltagSum,
      effectCols,
    },
    coverage: {
      headerRow: coverageHeader,
      rows: coverageRows,
      totalRow: coverageTotal,
      col: { year: 0, required: 1, effect: 2, difference: 3, check: 4 },
    },
    scheduleNote,
    schedule,
    consequences,
    risks,
    followUp: {
      noteRow: followUpNote,
      headerRow: followUpHeader,
      rows: followUpRows,
      col: FOLLOW_UP_COLUMNS,
    },
    involvement: { headerRow: involvementHeader, medRow, boardRow, col: { what: 0, date: 2, remark: 3 } },
    approval: { headerRow: approvalHeader, leaderRow, chiefRow, col: APPROVAL_COLUMNS },
    begrundelse: { ...begrundelse, noteRow: begrundelseNote, check: begrundelseCheck },
    dispensationApplication,
    spacerRows,
    pageBreaks: [tiltagHeading, followUpHeading],
    lastRow: row - 1,
  };
}
