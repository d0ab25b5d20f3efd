/**
 * Excel on the web refuses a request over its payload limit (`RequestPayloadSizeLimitExceeded`,
 * "only in Office on the web" in Microsoft's error table): the fake refuses it whole, before any of
 * it runs. `writeSheet` measures a sheet's request (`payload.ts`) and writes one that is over its
 * limit in row bands, one sync each, still all or nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WriteFailedError } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { measureDescription, splitDescription } from "../../src/excel/payload";
import type { FakeExcel } from "../../src/officeFake";
import { diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import { overviewDescription, sourceGrid } from "./helpers";

function workbook(): FakeExcel {
  return fakeExcelFromGrids([sourceGrid("Dagtilbud", 5), sourceGrid("Skoler", 5)]);
}

/** The written sheet's snapshot without its id (two workbooks' copies compare equal). */
function sheetNamed(fake: FakeExcel, name: string): unknown {
  const found = Object.values(snapshotWorkbook(fake).sheets).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  const { id: _id, ...rest } = found;
  return rest;
}

async function write(fake: FakeExcel, description: SheetDescription, maxRequestBytes?: number) {
  const port = new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp", ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }) });
  const before = fake.syncCount;
  const result = await port.writeSheet(description);
  return { result, syncs: fake.syncCount - before };
}

describe("the fake refuses a request over its limit", () => {
  it("refuses the whole sync before any of it runs, and counts each sync's request", async () => {
    const fake = workbook();
    const before = snapshotWorkbook(fake);
    fake.requestPayloadLimit = 10_000;
    const big = Array.from({ length: 400 }, (_, i) => [`tekst ${i} `.repeat(4)]);
    const error = await fake
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Skoler");
        sheet.getRange("H1").values = [["først"]];
        sheet.getRange("A1:A400").values = big;
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    expect(fake.requestBytes.at(-1)).toBeGreaterThan(10_000);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Skoler").getRange("H1").values = [["først"]];
      await context.sync();
    });
    expect(fake.requestBytes.at(-1)).toBeLessThan(400);
    expect(fake.model.sheetByName("Skoler")?.peek(0, 7)?.value).toBe("først");
  });
});

describe("writeSheet over the request limit", () => {
  const description = overviewDescription(400);
  const bytes = measureDescription(description).bytes;

  it("a sheet over the port's limit that Excel refuses: Danish message with the code, nothing changed", async () => {
    const fake = workbook();
    const before = snapshotWorkbook(fake);
    fake.requestPayloadLimit = Math.floor(bytes / 4);
    // The port told it may send more than Excel takes: one request, refused, undone.
    const error = await write(fake, description, bytes * 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toBe(
      'Budgetlys kunne ikke oprette arket "Oversigt". Der var for mange data til én forespørgsel til Excel (Excel: RequestPayloadSizeLimitExceeded). Intet er ændret i projektmappen.',
    );
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("splits it into row bands, one sync each, none over Excel's limit, and writes the same sheet (property)", async () => {
    const plain = workbook();
    const whole = await write(plain, description);
    expect(whole.syncs).toBe(2);
    const expected = sheetNamed(plain, "Oversigt");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: Math.ceil(bytes / 12), max: bytes - 1 }), async (max) => {
        const fake = workbook();
        // Excel's limit a quarter above the port's, as 5 MB is above the port's 4.
        fake.requestPayloadLimit = Math.floor(max * 1.25);
        const parts = splitDescription(description, max);
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.every((p) => measureDescription(p).bytes <= max)).toBe(true);
        const run = await write(fake, description, max);
        expect(run.result).toEqual({ sheetName: "Oversigt", replaced: false });
        expect(sheetNamed(fake, "Oversigt")).toEqual(expected);
        expect(fake.requestBytes.every((b) => b <= (fake.requestPayloadLimit as number))).toBe(true);
        // One sync per part more than the 2 of any write; the parts stay proportional to the bytes.
        expect(run.syncs).toBe(1 + parts.length);
        // (Each band sets its own formats again: a little more than the whole, never a part per row.)
        expect(parts.length - 1).toBeLessThanOrEqual(3 * Math.ceil(bytes / max));
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("all or nothing: a failure in any part's sync leaves the workbook as it was, the active sheet too (property)", async () => {
    const max = Math.ceil(bytes / 4);
    const parts = splitDescription(description, max).length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: parts + 1 }), fc.nat(3000), async (sync, afterOperations) => {
        const fake = workbook();
        fake.model.activeSheetId = fake.model.sheetByName("Dagtilbud")?.id ?? null;
        const before = snapshotWorkbook(fake);
        fake.failOn({ sync, afterOperations, code: "GeneralException" });
        const outcome = await write(fake, description, max).catch((e: unknown) => e);
        expect(outcome).toBeInstanceOf(WriteFailedError);
        expect((outcome as Error).message).toMatch(/^Budgetlys kunne ikke oprette arket "Oversigt"\. .* Intet er ændret i projektmappen\.$/);
        expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
