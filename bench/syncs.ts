/**
 * `syncs`: `context.sync()` calls counted by the strict fake Excel (`src/officeFake/`)
 * through the real Excel adapter (`ExcelWorkbookPort`), for workbooks of 10, 200 and 2.000 units:
 * - `scan`: one `readSheets()`;
 * - `allPlans`: the task pane's "Alle planer" action in all (`writeAllPlans` from
 *   `src/taskpane/actions/allPlans.ts`, the function the page runs): plans in batches of ≤ 25
 *   sheets and ≤ 4 MB, then the Oversigt. Bound: 3 + ⌈bytes ÷ 4 MB⌉ + ⌈sheets ÷ 25⌉, with
 *   `bytes.allPlans` the request bytes measured by `src/excel/payload.ts` and `sheets.allPlans`
 *   the sheets written;
 * - `indicatorColumns`: one `patchSheet` with `indicatorColumnsPatch` of the source sheet.
 * Counts are exact, so each is taken once.
 */
import { ExcelWorkbookPort } from "../src/excel/ExcelWorkbookPort";
import { scanWorkbook } from "../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../src/core/policy";
import { describeOversigt, describePlan, neededPlans, type PlanContext } from "../src/taskpane/actions/plans";
import { planRegistryKey } from "../src/core/ports";
import { writeAllPlans, type AllPlansOutcome } from "../src/taskpane/actions/allPlans";
import { MAX_BATCH_BYTES, MAX_BATCH_SHEETS, measureDescription } from "../src/excel/payload";
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
  counts: { scan: BySize; allPlans: BySize; indicatorColumns: BySize };
  /** `bytes.allPlans`: the measured request bytes of every sheet Alle planer writes. */
  bytes: { allPlans: BySize };
  /** `sheets.allPlans`: the sheets it wrote (plans + the Oversigt). */
  sheets: { allPlans: BySize };
  detail: Record<string, { scanSyncs: number; sheetsWritten: number; planSyncs: number; allPlansBound: number; patchSyncs: number }>;
}

export async function benchSyncs(log: (line: string) => void): Promise<SyncsResult> {
  const counts: SyncsResult["counts"] = { scan: {}, allPlans: {}, indicatorColumns: {} };
  const allPlansBytes: BySize = {};
  const allPlansSheets: BySize = {};
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

    // The "Alle planer" action: the very function AllPlansPage runs (actions/allPlans.ts).
    const context: PlanContext = { scan, policy, grids, readAt: new Date(2025, 5, 2), accountsYear: 2024 };
    const requests = neededPlans(scan);
    const jobs = requests.map((request) => ({ label: request.unit.name, key: planRegistryKey(request.kind, request.unitKey), describe: () => describePlan(request, context) }));
    let bytes = 0;
    for (const job of jobs) bytes += measureDescription(job.describe()).bytes;
    const oversigt = { label: "Oversigt", key: planRegistryKey("oversigt"), describe: (sheets: Readonly<Record<string, string>>) => describeOversigt(context, sheets) };
    bytes += measureDescription(oversigt.describe({})).bytes;
    let outcome: AllPlansOutcome = { written: [], skipped: [] };
    const planSyncs = await counted(async () => {
      outcome = await writeAllPlans(port, jobs, oversigt, {}, {
        writeOne: async (description, options) => ({ kind: "written", result: await port.writeSheet(description, options) }),
        confirmReplace: async () => false,
        shouldStop: () => false,
        onProgress: () => undefined,
      });
    });
    const sheetsWritten = outcome.written.length;
    if (sheetsWritten !== requests.length + 1) throw new Error(`wrote ${sheetsWritten} sheets, expected ${requests.length + 1}: ${JSON.stringify(outcome.skipped.slice(0, 3))}`);
    const bound = 3 + Math.ceil(bytes / MAX_BATCH_BYTES) + Math.ceil(sheetsWritten / MAX_BATCH_SHEETS);
    const key = String(units);
    counts.scan[key] = scanSyncs;
    counts.allPlans[key] = planSyncs;
    counts.indicatorColumns[key] = patchSyncs;
    allPlansBytes[key] = bytes;
    allPlansSheets[key] = sheetsWritten;
    detail[key] = { scanSyncs, sheetsWritten, planSyncs, allPlansBound: bound, patchSyncs };
    log(`syncs ${units} units: scan ${scanSyncs}, Alle planer ${sheetsWritten} sheets (${round(bytes / 2 ** 20, 1)} MB measured) in ${planSyncs} syncs (bound ${bound}), indicator columns ${patchSyncs}`);
  }
  return { counts, bytes: { allPlans: allPlansBytes }, sheets: { allPlans: allPlansSheets }, detail };
}
