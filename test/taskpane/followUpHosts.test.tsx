// @vitest-environment jsdom
/**
 * One plans workbook and one follow-up workbook, three hosts: `budgetlys opfoelgning --json`, the
 * task pane's Opfølgning list (the plans and the follow-up sheets in the open workbook) and its
 * "Sidste års planer" (the plans workbook opened as a file, followed with the open workbook) give
 * every plan the same status, the same figures per year and the same reason — also where a person
 * typed a figure in a plan sheet (yearFigure.ts decides which counts) and where a follow-up sheet
 * does not say its year.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { runCli } from "../../src/cli/main";
import type { followUpJson } from "../../src/cli/opfoelgning";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import type { SheetGrid } from "../../src/core/grid";
import { oreFromKroner } from "../../src/core/money";
import { PLAN_RECORD_SHEET } from "../../src/core/planRecord";
import { App } from "../../src/taskpane/App";
import { kr } from "../../src/taskpane/pages/followUp/planParts";
import { followUpStrings } from "../../src/taskpane/pages/followUp/strings";
import { readXlsxFile } from "../../src/xlsx/readFile";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { capturedIo } from "../cli/capturedIo";

type Json = ReturnType<typeof followUpJson>;

afterEach(cleanup);

const HEAD = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Regnskab", "Overført fra tidligere år"];
const FORECAST_HEAD = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forventet forbrug", "Overført fra 2025"];
const words = followUpStrings("da");

/** A workbook of sheets, each a title row, an empty row, the headings and the rows. */
async function writeWorkbook(path: string, sheets: readonly { name: string; title: string; head: string[]; rows: (string | number)[][] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([s.title]);
    ws.addRow([]);
    ws.addRow(s.head);
    for (const r of s.rows) ws.addRow(r);
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

let dir: string;
let cli: Json;
/** What the command line says on stderr beside --json: the sheets that state no period. */
let cliNotes: string;
/** Where the command line names the follow-up file, the pane names the open workbook. */
const inPane = (text: string): string => text.replaceAll("opfoelgning.xlsx", "Projektmappen");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "budgetlys-hosts-"));
  // Skole A: Gul, 30.000 in 2026; Børnehus B and Plejecenter C: Rød over 2 years.
  await writeWorkbook(join(dir, "regnskab-2025.xlsx"), [
    {
      name: "Budget",
      title: "Regnskab 2025",
      head: HEAD,
      rows: [
        ["73000202101", "Skole A", 1_000_000, 1_030_000, 0],
        ["73000202102", "Børnehus B", 1_000_000, 1_100_000, 0],
        ["73000202103", "Plejecenter C", 1_000_000, 1_200_000, 0],
      ],
    },
  ]);
  const io = capturedIo(dir, "2026-04-20T09:30:00");
  expect(await runCli(["plan", "regnskab-2025.xlsx", "--all", "--regnskabsaar", "2025", "--years", "2", "--begrundelse", "x", "--out", "planer-cli.xlsx"], io)).toBe(0);

  // The unit leaders type in the plan sheets: Skole A the realised 2026 (all of it), Børnehus B a forecast of 10.000.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, "planer-cli.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const record = wb.getWorksheet(PLAN_RECORD_SHEET)!;
  const cells = (unit: string) => {
    const row = [3, 4, 5].map((r) => record.getRow(r)).find((r) => r.getCell(2).value === unit)!;
    return { forecast: String(row.getCell(14).value).split(",")[0]!, realised: String(row.getCell(15).value).split(",")[0]! };
  };
  wb.getWorksheet("HP Skole A")!.getCell(cells("Skole A").realised).value = 30000;
  wb.getWorksheet("HP Børnehus B")!.getCell(cells("Børnehus B").forecast).value = 10000;
  writeFileSync(join(dir, "planer.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));

  // The follow-up: May 2026 for Skole A and Børnehus B; Plejecenter C only on a sheet that says no year.
  await writeWorkbook(join(dir, "opfoelgning.xlsx"), [
    {
      name: "Maj",
      title: "Budgetopfølgning pr. 31. maj 2026",
      head: FORECAST_HEAD,
      rows: [
        ["73000202101", "Skole A", 1_000_000, 980_000, 30_000], // forecast 20.000; the typed realised 30.000 counts
        ["73000202102", "Børnehus B", 1_000_000, 940_000, 100_000], // forecast 60.000 counts over the typed 10.000
      ],
    },
    { name: "Noter", title: "Budget", head: HEAD, rows: [["73000202103", "Plejecenter C", 1_000_000, 1_000_000, 200_000]] },
  ]);
  const follow = capturedIo(dir, "2026-06-20T09:30:00");
  expect(await runCli(["opfoelgning", "--planer", "planer.xlsx", "opfoelgning.xlsx", "--json"], follow)).toBe(1);
  cli = JSON.parse(follow.out()) as Json;
  cliNotes = follow.err();
}, 60_000);

/** The text the pane shows for a year of the command line's JSON. */
const yearText = (y: Json["plans"][number]["years"][number]): string =>
  words.yearLine(
    y.year,
    kr(oreFromKroner(y.planned), words.noFigure),
    kr(y.forecast === null ? null : oreFromKroner(y.forecast), words.noFigure),
    kr(y.realised === null ? null : oreFromKroner(y.realised), words.noFigure),
  );

/** Checks a pane's item for a plan against the command line's JSON: status, every year's figures, the reason. */
function expectSamePlan(item: HTMLElement, plan: Json["plans"][number]): void {
  expect(within(item).getByText(plan.status, { selector: "span, div" })).toBeTruthy();
  for (const y of plan.years) expect(within(item).getByText(yearText(y))).toBeTruthy();
  expect(within(item).getByText(inPane(plan.reason))).toBeTruthy();
}

describe("the same plans workbook and follow-up, through the command line and the pane", () => {
  it("the command line: a typed realised figure counts before the forecast, a follow-up forecast before a typed one, a sheet without a year follows no plan", () => {
    const byName = new Map(cli.plans.map((p) => [p.unit.name, p]));
    expect(byName.get("Skole A")?.status).toBe("Afviklet");
    expect(byName.get("Skole A")?.years[0]).toMatchObject({ realised: 30000, forecast: null, source: { file: "planer.xlsx", sheet: "HP Skole A", asOf: null, figures: "regnskab" } });
    expect(byName.get("Børnehus B")?.years[0]).toMatchObject({ forecast: 60000, source: { file: "opfoelgning.xlsx", sheet: "Maj" } });
    expect(byName.get("Børnehus B")?.reason).toContain("siger 10.000 kr. (indtastet), men opfoelgning.xlsx, ark 'Maj' giver 60.000 kr. som prognose");
    expect(cli.unmatched.map((u) => [u.unit.name, u.reason])).toEqual([
      ["Plejecenter C", `opfoelgning.xlsx, ark 'Noter': arket siger ikke, hvilket år og tidspunkt tallene er for (fx "Budgetopfølgning pr. 31. maj 2026" eller "Regnskab 2026").`],
    ]);
  });

  it("the pane's Opfølgning list, plans and follow-up in the open workbook: plan for plan as the command line", async () => {
    const grids: SheetGrid[] = [...(await readXlsxFile(join(dir, "opfoelgning.xlsx"))), ...(await readXlsxFile(join(dir, "planer.xlsx")))];
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fakeExcelFromGrids(grids).run)} />);
    await user.click(await screen.findByRole("tab", { name: "Opfølgning" }, { timeout: 20_000 }));
    const list = await screen.findByRole("list", { name: words.heading }, { timeout: 20_000 });
    for (const plan of cli.plans) expectSamePlan(within(list).getByRole("listitem", { name: words.unitLine(plan.unit.name, plan.unit.id) }), plan);
    // A plan the command line could not follow: Afventer, with the command line's reason.
    for (const u of cli.unmatched) {
      const item = within(list).getByRole("listitem", { name: words.unitLine(u.unit.name, u.unit.id) });
      expect(within(item).getByText("Afventer", { selector: "span, div" })).toBeTruthy();
      expect(within(item).getByText((text) => text.endsWith(inPane(u.reason)))).toBeTruthy();
    }
    expect(within(list).getAllByRole("listitem", { name: /\(7300020210\d\)$/ })).toHaveLength(cli.plans.length + cli.unmatched.length);
    // The sheet that states no period, named as the command line names it (and what to do about it in the pane).
    expect(cliNotes).toBe("Bruges ikke til opfølgning, fordi arket ikke siger sit år, eller om tallene er en prognose eller regnskab: opfoelgning.xlsx, ark 'Noter'.\n");
    expect(screen.getByText(`${inPane(cliNotes.trim())} Ret perioden under Kolonner.`)).toBeTruthy();
  }, 60_000);

  it("the pane's Sidste års planer, the plans workbook opened as a file: plan for plan as the command line", async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<App port={new ExcelWorkbookPort(fakeExcelFromGrids(await readXlsxFile(join(dir, "opfoelgning.xlsx"))).run)} />);
    await user.click(await screen.findByRole("tab", { name: "Opfølgning" }, { timeout: 20_000 }));
    await screen.findByRole("heading", { level: 3, name: "Sidste års planer" }, { timeout: 20_000 });
    const input = screen.getByLabelText("Sidste års planmappe (.xlsx)") as HTMLInputElement;
    await user.upload(input, new File([readFileSync(join(dir, "planer.xlsx")) as BlobPart], "planer.xlsx"));
    const list = await screen.findByRole("list", { name: "Planer fra planer.xlsx" }, { timeout: 20_000 });
    for (const plan of cli.plans) expectSamePlan(within(list).getByRole("listitem", { name: words.unitLine(plan.unit.name, plan.unit.id) }), plan);
    const unmatched = screen.getByRole("list", { name: "Ikke fulgt op" });
    expect(within(unmatched).getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      cli.unmatched.map((u) => `${words.unitLine(u.unit.name, u.unit.id)} · ${u.planSheet}: ${inPane(u.reason)}`),
    );
  }, 60_000);
});
