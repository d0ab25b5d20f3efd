import { absRef, ref } from "../../src/core/sheets/build";
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { capturedIo, type CapturedIO } from "./capturedIo";
import { defaultOutPath } from "../../src/cli/plan";
import { defaultBudgetYear } from "../../src/core/layout/period";
import { handleplanLayout } from "../../src/core/sheets/handleplanLayout";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";

const root = join(__dirname, "..", "..");
const example = join(root, "test", "fixtures", "workbooks", "eksempel-budget.xlsx");

function setup(): { dir: string; io: CapturedIO } {
  const dir = mkdtempSync(join(tmpdir(), "budgetlys-plan-"));
  copyFileSync(example, join(dir, "budget.xlsx"));
  return { dir, io: capturedIo(dir, "2026-05-31T09:30:00") };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe("budgetlys plan", () => {
  it("writes the Oversigt and a plan for every unit that needs one, next to the input, and says what it wrote", async () => {
    const { dir, io } = setup();
    const before = readFileSync(join(dir, "budget.xlsx"));
    const code = await runCli(["plan", "budget.xlsx", "--all", "--regnskabsaar", "2025"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const out = join(dir, "budget-planer.xlsx");
    expect(io.out()).toContain(`Skrev ${out}: Oversigt over 20 enheder og 14 planer (budgetår 2025, Randersmodellen 2.0).`);
    expect(io.out()).toContain("  HP Nørrevangsskolen: handleplan\n");
    expect(io.out()).toContain("  OP Vorup Skole: plan for anvendelse af overskud\n");
    expect(readFileSync(join(dir, "budget.xlsx")).equals(before)).toBe(true);
    const wb = await load(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Oversigt");
    expect(names.filter((n) => n.startsWith("HP "))).toHaveLength(10);
    expect(names.filter((n) => n.startsWith("OP "))).toHaveLength(4);
    expect(names).toContain("HP O’Brien Skole");
    expect(names).toContain("HP -Dagplejen Nord");
    const hp = wb.getWorksheet("HP Nørrevangsskolen")!;
    const L = handleplanLayout(1, RANDERSMODELLEN_2_0.followUpDates.length);
    const cell = (c: { row: number; col: number }) => hp.getCell(c.row + 1, c.col + 1);
    expect(cell(L.header.value("name")).value).toBe("Nørrevangsskolen");
    expect(cell(L.header.value("readAt")).value).toBe("31-05-2026 kl. 09.30");
    expect(cell(L.header.label("readAt")).value).toBe("Oprettet");
    expect(cell(L.header.value("accountsYear")).value).toBe(2025);
    expect(cell(L.header.value("asOf")).value).toBe("31/5 2025 (forventet forbrug)");
    expect(cell(L.schedule.cell("planned", 0)).formula).toBe(absRef(L.header.value("debt")));
    const names2 = wb.getWorksheet("Oversigt")!.getColumn(2).values;
    expect(names2).toContain("=Børnehaven Mælkebøtten");
  });

  it("writes only the chosen units, by number or name, with a Rød schedule over several years and a begrundelse", async () => {
    const { dir, io } = setup();
    const code = await runCli(
      ["plan", "budget.xlsx", "--unit", "o'brien skole", "--unit", "73000405103", "--unit", "Vorup Skole", "--unit", "Rismølleskolen",
        "--years", "3", "--begrundelse", "Særligt tilfælde", "--out", "ud.xlsx"],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toContain("  Rismølleskolen: Ingen plan\n");
    const wb = await load(join(dir, "ud.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Oversigt", "OP Vorup Skole", "HP O’Brien Skole", "HP Hjemmeplejen Nord", "Budgetlys_planer"]);
    expect(wb.getWorksheet("Budgetlys_planer")?.state).toBe("hidden");
    const rod = wb.getWorksheet("HP Hjemmeplejen Nord")!;
    const L = handleplanLayout(3, RANDERSMODELLEN_2_0.followUpDates.length);
    expect(rod.getCell(L.header.value("years").row + 1, L.header.value("years").col + 1).value).toBe(3);
    expect(rod.getCell(L.begrundelse.input.row + 1, 1).value).toBe("Særligt tilfælde");
    const gul = wb.getWorksheet("HP O’Brien Skole")!;
    const years1 = handleplanLayout(1, 5).header.value("years");
    expect(gul.getCell(years1.row + 1, years1.col + 1).value).toBe(1);
  });

  it("keeps an existing output unless --force, and never writes over the input", async () => {
    const { dir, io } = setup();
    writeFileSync(join(dir, "ud.xlsx"), "mit arbejde");
    expect(await runCli(["plan", "budget.xlsx", "--all", "--out", "ud.xlsx"], io)).toBe(2);
    expect(io.err()).toContain("ud.xlsx findes allerede; den bevares. Brug --force for at overskrive den.");
    expect(readFileSync(join(dir, "ud.xlsx"), "utf8")).toBe("mit arbejde");
    expect(await runCli(["plan", "budget.xlsx", "--all", "--out", "ud.xlsx", "--force"], io)).toBe(0);
    expect(statSync(join(dir, "ud.xlsx")).size).toBeGreaterThan(10_000);
    const size = statSync(join(dir, "budget.xlsx")).size;
    expect(await runCli(["plan", "budget.xlsx", "--all", "--out", "budget.xlsx", "--force"], io)).toBe(2);
    expect(io.err()).toContain("Udfilen må ikke være den fil, der læses");
    expect(statSync(join(dir, "budget.xlsx")).size).toBe(size);
  });

  it.each([
    [["--unit", "Findes Ikke"], 'Enheden "Findes Ikke" findes ikke i projektmappen.'],
    [["--all", "--years", "4"], "Antal år skal være et helt tal mellem 1 og politikkens maksimum. Tilladt: 1–3."],
    [["--all", "--years", "2"], '"Nørrevangsskolen" er Rød: afvikling over 2 år kræver en begrundelse for særlige tilfælde (--begrundelse).'],
    [["--all", "--unit", "Vorup Skole"], "Brug enten --unit eller --all, ikke begge."],
    [[], "Angiv hvilke enheder: --unit NUMMER|NAVN eller --all."],
    [["--all", "--years", "to"], '--years skal være et helt tal, ikke "to".'],
    [["--all", "--out", "ud.csv"], "Udfilen skal ende på .xlsx"],
    [["--all", "--kage"], 'Ukendt tilvalg "--kage".'],
  ])("refuses %j in Danish with exit 2 and writes nothing", async (extra, message) => {
    const { dir, io } = setup();
    expect(await runCli(["plan", "budget.xlsx", ...extra], io)).toBe(2);
    expect(io.err()).toContain(`Fejl: ${message}`);
    expect(existsSync(join(dir, "budget-planer.xlsx"))).toBe(false);
  });

  it("refuses an unreadable file with exit 2", async () => {
    const { dir, io } = setup();
    writeFileSync(join(dir, "tom.xlsx"), "");
    expect(await runCli(["plan", "tom.xlsx", "--all"], io)).toBe(2);
    expect(io.err()).toContain("Filen er tom");
  });

  it("names the output next to the input; the clock's year is only ever a guess", () => {
    expect(defaultOutPath("/a/b/budget 2026.xlsx")).toBe("/a/b/budget 2026-planer.xlsx");
    expect(defaultBudgetYear(new Date(2026, 3, 30))).toBe(2025);
    expect(defaultBudgetYear(new Date(2026, 4, 31))).toBe(2026);
  });

  it("takes the budget year, the as-of date and the forecast from the sheet (read a year later, too)", async () => {
    const { dir, io } = setup();
    const later = { ...io, env: { BUDGETLYS_NOW: "2026-11-02T10:00:00" } };
    expect(await runCli(["plan", "budget.xlsx", "--unit", "Nørrevangsskolen", "--unit", "Vorup Skole"], later)).toBe(0);
    expect(io.out()).toContain("(budgetår 2025, Randersmodellen 2.0)");
    const wb = await load(join(dir, "budget-planer.xlsx"));
    const hp = wb.getWorksheet("HP Nørrevangsskolen")!;
    const L = handleplanLayout(1, RANDERSMODELLEN_2_0.followUpDates.length);
    const cell = (c: { row: number; col: number }) => hp.getCell(c.row + 1, c.col + 1);
    expect(cell(L.header.value("accountsYear")).value).toBe(2025);
    expect(cell(L.header.value("asOf")).value).toBe("31/5 2025 (forventet forbrug)");
    expect(cell(L.header.label("spending")).value).toBe("Forventet forbrug pr. 31/5 2025");
    expect(cell(L.header.value("readAt")).value).toBe("02-11-2026 kl. 10.00");
    expect(cell(L.header.value("firstYear")).formula).toBe(`${ref(L.header.value("accountsYear"))}+1`);
    expect(hp.getCell(L.subtitleRow + 1, 1).value).toBe(
      "Randersmodellen 2.0 · budgetår 2025 · forventet forbrug pr. 31/5 2025 · afvikling fra 2026 over 1 år",
    );
    const op = wb.getWorksheet("OP Vorup Skole")!;
    expect(String(op.getCell(2, 1).value)).toContain("bygger på forventet forbrug pr. 31/5 2025: et skøn");
  });

  it("refuses to write from a guessed year: exit 2, a Danish message naming --regnskabsaar; the flag or a mapping fixes it", async () => {
    const { dir, io } = setup();
    copyFileSync(join(root, "test", "fixtures", "workbooks", "simpel-kr.xlsx"), join(dir, "uden-aar.xlsx"));
    expect(await runCli(["plan", "uden-aar.xlsx", "--all"], io)).toBe(2);
    expect(io.err()).toContain("Fejl: Arket 'Enheder' angiver intet budgetår, og Budgetlys skriver ikke planer ud fra et gæt. Angiv året med --regnskabsaar");
    expect(existsSync(join(dir, "uden-aar-planer.xlsx"))).toBe(false);
    writeFileSync(join(dir, "m.json"), JSON.stringify({ Enheder: { period: { budgetYear: 2024, asOf: "2024-12-31", figures: "accounts" } } }));
    expect(await runCli(["plan", "uden-aar.xlsx", "--all", "--mapping", "m.json"], io)).toBe(0);
    expect(io.out()).toContain("(budgetår 2024, Randersmodellen 2.0)");
    expect(await runCli(["plan", "uden-aar.xlsx", "--all", "--regnskabsaar", "2023", "--out", "b.xlsx"], io)).toBe(0);
    expect(io.out()).toContain("(budgetår 2023, Randersmodellen 2.0)");
  });

  it("--mapping's omraade corrects the units' udvalg/område: one name for the sheet groups the Oversigt and fills the plans' field; null leaves no område; a wrong value is refused", async () => {
    const { dir, io } = setup();
    const oversigtTexts = (wb: ExcelJS.Workbook): string[] => {
      const texts: string[] = [];
      wb.getWorksheet("Oversigt")!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))));
      // A merged label reads in each of its cells: once each.
      return [...new Set(texts)].filter((t) => t !== "Enheder i alt");
    };
    // As the sheet says: its three section headings.
    expect(await runCli(["plan", "budget.xlsx", "--all", "--out", "som-arket.xlsx"], io)).toBe(0);
    expect(oversigtTexts(await load(join(dir, "som-arket.xlsx")))).toEqual(expect.arrayContaining(["Skoler i alt", "Dagtilbud i alt", "Ældre og sundhed i alt"]));

    writeFileSync(join(dir, "navn.json"), JSON.stringify({ Budgetopfølgning: { omraade: { name: "Børn og Skole" } } }));
    expect(await runCli(["plan", "budget.xlsx", "--all", "--mapping", "navn.json", "--out", "navn.xlsx"], io)).toBe(0);
    const named = await load(join(dir, "navn.xlsx"));
    const texts = oversigtTexts(named);
    expect(texts).toContain("Børn og Skole i alt");
    expect(texts.filter((t) => / i alt$/.test(t))).toEqual(["Børn og Skole i alt"]);
    const hp = named.getWorksheet("HP Nørrevangsskolen")!;
    let udvalg: unknown;
    hp.eachRow((row) => {
      if (row.getCell(1).value === "Udvalg/område") udvalg = row.getCell(3).value;
    });
    expect(udvalg).toBe("Børn og Skole");

    writeFileSync(join(dir, "intet.json"), JSON.stringify({ Budgetopfølgning: { omraade: null } }));
    expect(await runCli(["plan", "budget.xlsx", "--all", "--mapping", "intet.json", "--out", "intet.xlsx"], io)).toBe(0);
    expect(oversigtTexts(await load(join(dir, "intet.xlsx"))).filter((t) => / i alt$/.test(t))).toEqual([]);

    writeFileSync(join(dir, "forkert.json"), JSON.stringify({ Budgetopfølgning: { omraade: "D" } }));
    expect(await runCli(["plan", "budget.xlsx", "--all", "--mapping", "forkert.json", "--out", "forkert.xlsx"], io)).toBe(2);
    expect(io.err()).toContain(
      'Mappingfilen forkert.json er ugyldig: "Budgetopfølgning".omraade skal være {"column": "D"} (kolonnen med område), {"name": "Børn og Skole"} (samme område for hele arket) eller null (intet område).',
    );
    expect(existsSync(join(dir, "forkert.xlsx"))).toBe(false);
  });
});
