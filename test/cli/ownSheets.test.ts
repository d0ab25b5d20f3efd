/**
 * The command line on a workbook that holds the plans Budgetlys wrote beside its source sheet (as
 * after the task pane's Alle planer, or a user who copied `budgetlys plan`'s sheets into the
 * budget): `scan` and `plan` read the source alone and say which of Budgetlys' own sheets they
 * left out; a second `plan --all` writes the same sheets as the first, no "HP … (2)".
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { OWN_SHEET_REASON } from "../../src/core/ownSheets";
import { PLAN_RECORD_SHEET } from "../../src/core/planRecord";
import { capturedIo } from "./capturedIo";

const example = join(__dirname, "..", "fixtures", "workbooks", "eksempel-budget.xlsx");

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** The source workbook with every sheet of `plansPath` copied in after it (values, formulas, links, hidden state). */
async function withPlans(sourcePath: string, plansPath: string, out: string): Promise<string[]> {
  const source = await load(sourcePath);
  const plans = await load(plansPath);
  for (const sheet of plans.worksheets) {
    const copy = source.addWorksheet(sheet.name, { state: sheet.state });
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        copy.getCell(r, c).value = cell.value;
      });
    });
  }
  await source.xlsx.writeFile(out);
  return plans.worksheets.map((w) => w.name);
}

async function setup(): Promise<{ dir: string; generated: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "budgetlys-own-"));
  copyFileSync(example, join(dir, "budget.xlsx"));
  const io = capturedIo(dir, "2026-05-31T09:30:00");
  expect(await runCli(["plan", "budget.xlsx", "--all", "--regnskabsaar", "2025"], io)).toBe(0);
  const generated = await withPlans(join(dir, "budget.xlsx"), join(dir, "budget-planer.xlsx"), join(dir, "begge.xlsx"));
  return { dir, generated };
}

describe("the command line leaves Budgetlys' own sheets out", () => {
  it("scan reads the source's 20 units alone, exits 0, and names the sheets it left out", async () => {
    const { dir, generated } = await setup();
    expect(generated).toContain("Oversigt");
    expect(generated).toContain(PLAN_RECORD_SHEET);

    const alone = capturedIo(dir);
    expect(await runCli(["scan", "--json", "budget.xlsx"], alone)).toBe(0);
    const io = capturedIo(dir);
    expect(await runCli(["scan", "--json", "begge.xlsx"], io)).toBe(0);
    const json = JSON.parse(io.out()) as { units: { sheet: string; name: string }[]; skipped: { sheet: string; reason: string }[] };
    const sourceUnits = (JSON.parse(alone.out()) as { units: { sheet: string; name: string }[] }).units;
    expect(json.units).toHaveLength(20);
    expect(json.units.map((u) => [u.sheet, u.name])).toEqual(sourceUnits.map((u) => [u.sheet, u.name]));
    // Every visible generated sheet is listed as left out; the hidden record is not named.
    const visible = generated.filter((name) => name !== PLAN_RECORD_SHEET);
    expect(json.skipped.filter((s) => s.reason === OWN_SHEET_REASON).map((s) => s.sheet)).toEqual(visible);

    const human = capturedIo(dir);
    expect(await runCli(["scan", "begge.xlsx"], human)).toBe(0);
    expect(human.out()).toContain("begge.xlsx: Springer over Budgetlys' egne ark, som ikke er budgetter: «Oversigt», «HP Bakkeskolen»");
    expect(human.out()).not.toContain("› Oversigt");
    expect(human.out()).not.toContain("› HP ");
  });

  it("a second plan --all writes the same sheets as the first, and says what it left out", async () => {
    const { dir, generated } = await setup();
    const io = capturedIo(dir, "2026-05-31T09:30:00");
    expect(await runCli(["plan", "begge.xlsx", "--all", "--regnskabsaar", "2025", "--out", "igen.xlsx"], io)).toBe(0);
    expect(io.out()).toContain("begge.xlsx: Springer over Budgetlys' egne ark");
    expect(io.out()).toContain("Oversigt over 20 enheder og 14 planer");
    const again = (await load(join(dir, "igen.xlsx"))).worksheets.map((w) => w.name);
    expect(again).toEqual(generated);
    expect(again.filter((name) => / \(\d+\)$/.test(name))).toEqual([]);
  });
});
