/**
 * The host's messages in English (`core/hostMessage.ts`): a failed write, a setting that could not
 * be saved, a read or navigation Excel refused, and why Excel refused, by its error code. Typed as
 * `HostTexts`, so a message the core adds without its English here is a type error. Sheet names
 * are parameters and stay as written.
 */
import { causeText, type HostTexts, type WriteIntent, type WriteLeftovers } from "../../core/hostMessage";
import { renderReason } from "../../core/reason";
import type { SheetKind } from "../../core/sheetDescription";
import { EN_REASONS } from "./enReasons";

/** Every Office.js error code of `OFFICE_ERROR_REASONS`, in English. */
const CAUSES: HostTexts["causes"] = {
  AccessDenied: "The workbook or the sheet is protected, so Excel does not allow the change",
  ActivityLimitReached: "Excel has reached its activity limit right now; wait a moment and try again",
  ApiNotFound: "This version of Excel lacks a feature Budgetlys needs; update Excel, or use Excel on the web",
  CannotRegisterEvent: "Excel could not report changes in the sheet to Budgetlys",
  Conflict: "The workbook was changed elsewhere at the same time; try again",
  ConnectionFailure: "The connection to Excel was lost; try again",
  DirtySupportingFormula: "Excel has not finished calculating; wait a moment and try again",
  EmptyChartSeries: "A chart got no data to show",
  FilteredRangeConflict: "The action cannot be done in a filtered range; remove the filter and try again",
  FormulaLengthExceedsLimit: "A formula is longer than Excel allows",
  GeneralException: "Excel reported an internal error; try again",
  InactiveWorkbook: "The workbook is no longer the active one; switch back to it and try again",
  InsertDeleteConflict: "The insertion or deletion would hit other data in the sheet",
  InvalidArgument: "Excel refused a value, a formula or a format",
  InvalidBinding: "A link to a range in the workbook is no longer valid",
  InvalidObjectPath: "A sheet Budgetlys needed no longer exists",
  InvalidOperation: "Excel does not allow the action in the workbook as it is now",
  InvalidOperationInCellEditMode: "Finish editing the cell and try again",
  InvalidReference: "A reference to a sheet or a range is invalid",
  InvalidRequestContext: "The connection to the workbook was lost; close Budgetlys, open it again and try again",
  InvalidSelection: "The current selection cannot be used for the action",
  ItemAlreadyExists: "A sheet or name with the same name already exists",
  ItemNotFound: "A sheet Budgetlys needed no longer exists",
  MergedRangeConflict: "The action hits merged cells",
  NonBlankCellOffSheet: "There is no room: cells with content would be pushed off the sheet's edge",
  NotImplemented: "This version of Excel cannot do the action",
  OpenWorkbookLinksBlocked: "Excel blocks links to other workbooks",
  OperationCellsExceedLimit: "The action covers more cells than Excel allows at once",
  PivotTableRangeConflict: "The action hits a pivot table",
  PowerQueryRefreshResourceChallenge: "A Power Query refresh is waiting for approval",
  PropertyNotLoaded: "Budgetlys read a value from Excel wrongly (a bug in Budgetlys)",
  RangeExceedsLimit: "The range has more cells than Excel can deliver at once",
  RangeImageExceedsLimit: "The image of the range is too large",
  RefreshWorkbookLinksBlocked: "Excel blocks refreshing links to other workbooks",
  RequestAborted: "Excel aborted the request; try again",
  RequestPayloadSizeLimitExceeded: "There was too much data for one request to Excel",
  ResponsePayloadSizeLimitExceeded: "There was too much data for one answer from Excel",
  RunMustReturnPromise: "Budgetlys called Excel wrongly (a bug in Budgetlys)",
  UnsupportedFeature: "The workbook uses a feature Excel does not support here",
  UnsupportedFillType: "Excel does not support the action here",
  UnsupportedOperation: "Excel does not support the action here",
  UnsupportedSheet: "The sheet is of a kind Budgetlys cannot work with (e.g. a chart sheet)",
  ValueNotLoaded: "Budgetlys read a value from Excel wrongly (a bug in Budgetlys)",
};

const KIND: Readonly<Record<SheetKind, string>> = {
  handleplan: "action plan (handleplan)",
  afviklingsplan: "repayment plan (afviklingsplan)",
  overskudsplan: "surplus plan (overskudsplan)",
  oversigt: "overview (Oversigt)",
  planregister: "plan record",
};

function couldNot(intent: WriteIntent): string {
  switch (intent.kind) {
    case "create":
      return `Budgetlys could not create the sheet “${intent.sheet}”.`;
    case "replace":
      return `Budgetlys could not replace the plan in the sheet “${intent.oldSheet}”.`;
    case "createOrReplace":
      return `Budgetlys could not create or replace the sheet “${intent.sheet}”.`;
  }
}

const quoted = (names: readonly string[], joiner: string): string => names.map((n) => `“${n}”`).join(joiner);

function leftovers(left: WriteLeftovers): string {
  if (left.complete) {
    return `The new plan is written, but the old plan could not be deleted: it is in the sheet ${quoted(left.asideOld.map((o) => o.asideName), ", ")}; delete it yourself. Nothing else was changed.`;
  }
  if (!left.known) {
    const candidates = left.newSheets.filter((n) => !left.asideOld.some((o) => o.name.toLowerCase() === n.toLowerCase()));
    const old = left.asideOld.map((o) => ` The old plan may be in the sheet “${o.asideName}”; if so, name it “${o.name}” again.`).join("");
    return `Budgetlys could not clean up either, so check the workbook: a half-written sheet may be named ${quoted(candidates, " or ")}; if so, delete it.${old}`;
  }
  const parts: string[] = [];
  if (left.newSheets.length > 0) {
    const one = left.newSheets.length === 1;
    parts.push(`${one ? "The half-written sheet" : "The half-written sheets"} ${quoted(left.newSheets, ", ")} could not be removed automatically; delete ${one ? "it" : "them"} yourself.`);
  }
  for (const o of left.asideOld) parts.push(`The old plan is in the sheet “${o.asideName}”; name it “${o.name}” again.`);
  return `${parts.join(" ")} Nothing else was changed.`;
}

/** The host's messages in English. */
export const EN_HOST: HostTexts = {
  messages: {
    "write-failed": (p, t) =>
      p.intent.kind === "replace"
        ? `${couldNot(p.intent)} ${causeText(p.cause, t)} The old plan is kept under its own name; nothing was changed in the workbook.`
        : `${couldNot(p.intent)} ${causeText(p.cause, t)} Nothing was changed in the workbook.`,
    "would-overwrite": (p) =>
      `There is already a ${KIND[p.kind]}${p.unitKey === null ? "" : ` for ${p.unitKey}`} in the sheet “${p.existing}”. Budgetlys replaces it only if you choose to replace it.`,
    "undo-incomplete": (p, t) => `${couldNot(p.intent)} ${causeText(p.cause, t)} ${leftovers(p.left)}`,
    "contradicting-schedule": (p) =>
      `${p.unitName} already has a repayment plan over ${p.years} ${p.years === 1 ? "year" : "years"} from ${p.firstYear} in the sheet “${p.existing}”. A unit has one repayment plan: Budgetlys replaces it only if you choose to replace it.`,
    "record-not-updated": (p, t) =>
      `The plan in the sheet “${p.sheet}” is written, but the plan record (Budgetlys_planer) could not be updated. ${causeText(p.cause, t)} Make the plan again, so the follow-up can find it.`,
    "invalid-description": (p) => `${couldNot(p.intent).slice(0, -1)}, because its description is invalid (a bug in Budgetlys): ${p.detail} Nothing was changed in the workbook.`,
    "write-refused": (p, t) => renderReason(p.why, t.reasons),
    "patch-not-empty": (p) => `The cells ${p.address} in the sheet “${p.sheet}” are no longer empty, so Budgetlys does not write in them. Nothing was changed.`,
    "patch-outside": (p) => `Budgetlys would have written outside the empty columns of the sheet “${p.sheet}”, so it wrote nothing. Nothing was changed.`,
    "patch-protected": (p) => `The sheet “${p.sheet}” is protected, so Budgetlys cannot add columns. Remove the protection and try again. Nothing was changed.`,
    "patch-failed": (p, t) => `Budgetlys could not write in the sheet “${p.sheet}”. ${causeText(p.cause, t)} The cells Budgetlys had written are emptied again.`,
    "sheet-missing": (p) => `The sheet “${p.sheet}” does not exist in the workbook.`,
    "read-failed": (p, t) => `Budgetlys could not read the workbook. ${causeText(p.cause, t)}`,
    "setting-failed": (p, t) => `Budgetlys could not save or read its settings in the workbook. ${causeText(p.cause, t)}`,
    "navigate-failed": (p, t) => `Budgetlys could not go to the sheet “${p.sheet}”. ${causeText(p.cause, t)}`,
    "update-failed": (p, t) => `Budgetlys could not write in the plan and the plan record. ${causeText(p.cause, t)} Nothing was changed.`,
    "update-undo-failed": (p, t) =>
      `Budgetlys could not write in the plan and the plan record. ${causeText(p.cause, t)} Budgetlys could not put everything back either: check ${quoted(p.sheets, ", ")}.`,
    "update-no-record": (p) => `The workbook no longer has a plan record (${p.record}), so Budgetlys cannot record the change. Nothing was changed.`,
  },
  causes: CAUSES,
  unknownCause: "Excel refused the action for a reason Budgetlys does not know",
  unexpected: "An unexpected error occurred.",
  reasons: EN_REASONS,
};
