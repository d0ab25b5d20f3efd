/**
 * An in-memory Excel behind the subset of the Office.js object model Budgetlys uses, with the
 * real rules enforced: proxies queue work until `context.sync()`; a property read before it was
 * loaded *and* synced throws `PropertyNotLoaded`; an unknown property or method throws (a
 * misspelled call cannot pass); queued writes take effect at sync, in order, and a failing one
 * stops the batch with the earlier ones applied (Office.js batches are not transactions);
 * protected sheets refuse changes at sync; syncs are counted; a sync or an operation can be made
 * to fail on purpose. See `README.md` in this folder for the supported subset.
 *
 * Free of test-framework imports: the unit tests and the benchmark run `src/excel` against it,
 * and the preview host (`src/preview`) uses it as its in-browser workbook. Never part of the
 * production task pane or functions bundle (a lint rule keeps it out of every other `src/` folder).
 */
export { FakeExcel, type ChangeEvent, type FailureRule, type FormulaCalculator } from "./application";
export { FakeApiMisuse, FakeOfficeError, NEWEST_EXCEL_API } from "./base";
export { printedHeaderFooter } from "./pageLayout";
export { SheetModel, WorkbookModel } from "./model";
