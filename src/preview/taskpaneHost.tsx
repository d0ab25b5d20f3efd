/**
 * The real task pane inside the preview, over the real Excel adapter and the fake Office.js
 * object model. Until `src/excel`'s ExcelWorkbookPort exists this shows what is missing.
 */
import type { ReactNode } from "react";
import type { FakeExcel } from "../../test/fakes/fakeExcel";

export function renderTaskpane(_fake: FakeExcel, _generation: number): ReactNode {
  return <p style={{ padding: 16 }}>Opgaveruden venter på Excel-adapteren (src/excel).</p>;
}
