/**
 * Layout of the plan for anvendelse af overskud: header block, cause, planned uses, earmarked
 * saving and approval.
 */
import { at, type Cell } from "./build";
import { TEXT_AREA_ROWS, type TextArea } from "./handleplanLayout";
import { PLAN_LAST_COL } from "./printLayout";
import { unitHeaderLayout, type HeaderRole, type UnitHeaderLayout } from "./unitHeaderLayout";

/** Empty rows of the planned-uses table. */
export const USE_ROWS = 6;

/** The header roles of the overskudsplan, in order. */
export const OVERSKUDSPLAN_HEADER_ROLES: readonly HeaderRole[] = [
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
  "requirement",
  "surplus",
  "limit",
  "surplusOverLimit",
];

/** Where everything on an overskudsplan is. */
export interface OverskudsplanLayout {
  readonly lastCol: number;
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly sections: { readonly stamdata: number; readonly cause: number; readonly uses: number; readonly saving: number; readonly involvement: number; readonly approval: number };
  readonly header: UnitHeaderLayout;
  readonly cause: TextArea;
  readonly uses: {
    readonly headerRow: number;
    readonly firstRow: number;
    readonly lastRow: number;
    readonly sumRow: number;
    readonly restRow: number;
    /** The purpose merged over A–B, the remark over E–G. */
    readonly col: { readonly purpose: number; readonly amount: number; readonly year: number; readonly remark: number };
    /** The check of planned uses against the surplus. */
    readonly check: Cell;
  };
  readonly saving: { readonly answer: Cell; readonly purpose: Cell; readonly amount: Cell };
  /** Inddragelse: the model requires staff and boards to be involved in overførsler between years. */
  readonly involvement: { readonly headerRow: number; readonly medRow: number; readonly boardRow: number };
  readonly approval: { readonly headerRow: number; readonly leaderRow: number; readonly chiefRow: number };
  /** The empty rows between sections (printed low). */
  readonly spacerRows: readonly number[];
  /** The rows that begin a printed page: 1–2 | 3–6. */
  readonly pageBreaks: readonly number[];
  readonly lastRow: number;
}

/** The one layout of an overskudsplan. */
export function overskudsplanLayout(): OverskudsplanLayout {
  const lastCol = PLAN_LAST_COL;
  let row = 0;
  const take = (n = 1) => {
    const first = row;
    row += n;
    return first;
  };
  const spacerRows: number[] = [];
  const gap = () => spacerRows.push(take());
  const titleRow = take();
  const subtitleRow = take();
  gap();
  const stamdata = take();
  const header = unitHeaderLayout(take(OVERSKUDSPLAN_HEADER_ROLES.length), OVERSKUDSPLAN_HEADER_ROLES);
  gap();
  const causeHeading = take();
  const causeLabel = at(take(), 0);
  const causeTop = take(TEXT_AREA_ROWS);
  // (a page break follows)
  const usesHeading = take();
  const usesHeader = take();
  const usesFirst = take(USE_ROWS);
  const sumRow = take();
  const restRow = take();
  gap();
  const savingHeading = take();
  const answer = at(take(), 2);
  const purpose = at(take(), 2);
  const amount = at(take(), 2);
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
  return {
    lastCol,
    titleRow,
    subtitleRow,
    sections: { stamdata, cause: causeHeading, uses: usesHeading, saving: savingHeading, involvement: involvementHeading, approval: approvalHeading },
    header,
    cause: { label: causeLabel, input: at(causeTop, 0), range: { top: causeTop, left: 0, bottom: causeTop + TEXT_AREA_ROWS - 1, right: lastCol } },
    uses: {
      headerRow: usesHeader,
      firstRow: usesFirst,
      lastRow: usesFirst + USE_ROWS - 1,
      sumRow,
      restRow,
      col: { purpose: 0, amount: 2, year: 3, remark: 4 },
      check: at(restRow, 3),
    },
    saving: { answer, purpose, amount },
    involvement: { headerRow: involvementHeader, medRow, boardRow },
    approval: { headerRow: approvalHeader, leaderRow, chiefRow },
    spacerRows,
    pageBreaks: [usesHeading],
    lastRow: row - 1,
  };
}
