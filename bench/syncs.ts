/**
 * `syncs`: `context.sync()` calls counted by the strict fake Excel (`src/officeFake/`)
 * through the real Excel adapter (`ExcelWorkbookPort`), for workbooks of 10, 200 and 2.000 units:
 * - `scan`: one `readSheets()`;
 * - `generatePlans`: the task pane's "Alle planer" action, divided by the sheets it wrote. It is
 *   replayed here call for call as `src/taskpane/pages/AllPlansPage.tsx` makes it (a React page
 *   cannot run here): `neededPlans(scan)`, then per plan and finally the Oversigt
 *   `describePlan`/`describeOversigt` (the page's seam `src/taskpane/actions/plans.ts`),
 *   and `port.writeSheet(…)`, which also records the plan list (`SETTING_KEYS.plans`) in its own
 *   round trips. Keep this in step with the page. For comparison,
 *   `meta.details.syncs` also has the syncs of `writeSheet` alone per sheet;
 * - `indicatorColumns`: one `patchSheet` with `indicatorColumnsPatch` of the source sheet.
 * Counts are exact, so each is taken once.
 */
import { ExcelWorkbookPort } from "../src/excel/ExcelWorkbookPort";
import { scanWorkbook } from "../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../src/core/policy";
import { describeOversigt, describePlan, neededPlans, planKey, type PlanContext } from "../src/taskpane/actions/plans";
import { indicatorColumnsPatch } from "../src/core/sheets/indicatorColumns";
import { FakeExcel, WorkbookModel } from "../src/officeFake";
import { sheetValues } from "./sheet";
import { round } from "./stats";

export const UNIT_COUNTS = [10, 200, 2000] as const;

/** A fake workbook holding the generated source sheet. */
function workbookWith(units: number): FakeExcel {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Input");
  sheetValues(units).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.cell(r, c).value = value as string | number | boolean;
    }),
  );
  return new FakeExcel(model);
}

type BySize = Record<string, number | null>;

export interface SyncsResult {
  counts: { scan: BySize; generatePlans: BySize; indicatorColumns: BySize };
  detail: Record<string, { scanSyncs: number; sheetsWritten: number; planSyncs: number; writeSheetOnlyPerSheet: number; patchSyncs: number }>;
}

export async function benchSyncs(log: (line: string) => void): Promise<SyncsResult> {
  const counts: SyncsResult["counts"] = { scan: {}, generatePlans: {}, indicatorColumns: {} };
  const detail: SyncsResult["detail"] = {};
  const policy = RANDERSMODELLEN_2_0;
  for (const units of UNIT_COUNTS) {
    const excel = workbookWith(units);
    const port = new ExcelWorkbookPort(excel.run);
    const counted = async (fn: () => Promise<unknown>): Promise<number> => {
      const before = excel.syncCount;
      await fn();
      return excel.syncCount - before;
    };

    let grids: Awaited<ReturnType<typeof port.readSheets>> = [];
    const scanSyncs = await counted(async () => (grids = await port.readSheets()));
    const scan = scanWorkbook(grids, { policy });
    if (scan.units.length !== units) throw new Error(`the scan through the fake found ${scan.units.length} units, expected ${units}`);

    // Indicator columns first, on the untouched source sheet.
    const reading = scan.sheets[0];
    const grid = grids.find((g) => g.name === reading?.sheet);
    if (reading === undefined || grid === undefined) throw new Error("no source sheet read");
    const patch = indicatorColumnsPatch(reading, grid, policy);
    const patchSyncs = await counted(() => port.patchSheet(patch));

    // The "Alle planer" action, as AllPlansPage.run makes its port calls.
    const context: PlanContext = { scan, policy, grids, readAt: new Date(2025, 5, 2), accountsYear: 2024 };
    const requests = neededPlans(scan);
    const planSheets: Record<string, string> = {};
    let sheetsWritten = 0;
    let writeOnlySyncs = 0;
    const planSyncs = await counted(async () => {
      const jobs = requests.map((request) => ({ key: planKey(request.kind, request.unit), describe: () => describePlan(request, context), activate: false }));
      jobs.push({ key: planKey("oversigt"), describe: () => describeOversigt(context, planSheets), activate: true });
      for (const job of jobs) {
        const description = job.describe();
        writeOnlySyncs += await counted(async () => {
          const result = await port.writeSheet(description, { activate: job.activate });
          planSheets[job.key] = result.sheetName;
        });
        sheetsWritten += 1;
      }
    });
    if (sheetsWritten !== requests.length + 1) throw new Error(`wrote ${sheetsWritten} sheets, expected ${requests.length + 1}`);
    const key = String(units);
    counts.scan[key] = scanSyncs;
    counts.generatePlans[key] = round(planSyncs / sheetsWritten, 2);
    counts.indicatorColumns[key] = patchSyncs;
    const writeSheetOnly = round(writeOnlySyncs / sheetsWritten, 2);
    detail[key] = { scanSyncs, sheetsWritten, planSyncs, writeSheetOnlyPerSheet: writeSheetOnly, patchSyncs };
    log(`syncs ${units} units: scan ${scanSyncs}, ${sheetsWritten} sheets in ${planSyncs} syncs (${counts.generatePlans[key]} each; writeSheet alone ${writeSheetOnly}), indicator columns ${patchSyncs}`);
  }
  return { counts, detail };
}
