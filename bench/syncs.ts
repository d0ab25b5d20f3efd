/**
 * `syncs`: `context.sync()` calls counted by the strict fake Excel (`test/fakes/fakeExcel.ts`)
 * through the real Excel adapter (`ExcelWorkbookPort`), for workbooks of 10, 200 and 2.000 units:
 * - `scan`: one `readSheets()`;
 * - `generatePlans`: the "all plans" action — every plan `plansFor(scan, { select: "all" })`
 *   describes plus the Oversigt, each through `writeSheet` — divided by the sheets written;
 * - `indicatorColumns`: one `patchSheet` with `indicatorColumnsPatch` of the source sheet.
 * Counts are exact, so each is taken once.
 */
import { ExcelWorkbookPort } from "../src/excel/ExcelWorkbookPort";
import { scanWorkbook } from "../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../src/core/policy";
import { plansFor } from "../src/core/sheets/plansFor";
import { oversigtSheet } from "../src/core/sheets/oversigt";
import { indicatorColumnsPatch } from "../src/core/sheets/indicatorColumns";
import { FakeExcel, WorkbookModel } from "../test/fakes/fakeExcel";
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
  detail: Record<string, { scanSyncs: number; sheetsWritten: number; planSyncs: number; patchSyncs: number }>;
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

    // The "all plans" action.
    const readAt = "31.05.2025";
    const plans = plansFor(scan, { policy, accountsYear: 2024, readAt, select: "all" });
    const descriptions = [...plans.descriptions, oversigtSheet(scan.units, { policy, readAt, keyOf: (_u, i) => plans.keys[i] as string })];
    const planSyncs = await counted(async () => {
      for (const description of descriptions) await port.writeSheet(description, { activate: false });
    });
    const key = String(units);
    counts.scan[key] = scanSyncs;
    counts.generatePlans[key] = round(planSyncs / descriptions.length, 2);
    counts.indicatorColumns[key] = patchSyncs;
    detail[key] = { scanSyncs, sheetsWritten: descriptions.length, planSyncs, patchSyncs };
    log(`syncs ${units} units: scan ${scanSyncs}, ${descriptions.length} sheets in ${planSyncs} syncs (${counts.generatePlans[key]} each), indicator columns ${patchSyncs}`);
  }
  return { counts, detail };
}
