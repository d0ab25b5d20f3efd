/**
 * The preview's entry (development builds only): the fake Excel's workbook calculated by
 * HyperFormula with the add-in's own custom functions, the grid, and the real task pane talking to
 * it through the real `ExcelWorkbookPort`.
 */
// First: the CustomFunctions runtime must exist before functions.ts registers itself.
import { customFunctionRegistry } from "./customFunctionsRuntime";
import "../functions/functions";
import { createRoot } from "react-dom/client";
import daDK from "hyperformula/i18n/languages/daDK";
import danishMetadata from "../functions/functions-da.json";
import { FakeExcel } from "../officeFake";
import { customFunctionSpecs } from "./customFunctions";
import { PreviewDocument } from "./document";
import { functionNames } from "./formulaText";
import { PreviewApp } from "./app/PreviewApp";
import { renderTaskpane } from "./taskpaneHost";

const specs = customFunctionSpecs(danishMetadata, customFunctionRegistry);
const names = functionNames([
  ...Object.entries((daDK as { functions: Record<string, string> }).functions),
  ...danishMetadata.functions.map((f) => [f.id, f.name] as const),
]);

const fake = new FakeExcel();
const doc = new PreviewDocument(fake.model, specs, names);
fake.calculator = (cell) => doc.calculate(cell);
fake.onChange(() => doc.sync());

// For the browser tests and the curious: read-only access to the open workbook.
(window as unknown as Record<string, unknown>).budgetlysPreview = {
  sheetNames: () => doc.model.sheets.map((s) => s.name),
  values: (sheet: string) => {
    const s = doc.model.sheetByName(sheet);
    if (!s) return undefined;
    const { rows, cols } = doc.extent(s);
    return doc.engine.values(s.name, 0, 0, Math.max(0, rows - 1), Math.max(0, cols - 1));
  },
};

const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewApp doc={doc} renderTaskpane={(generation) => renderTaskpane(fake, generation)} />);
