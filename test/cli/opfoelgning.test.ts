/**
 * `budgetlys opfoelgning` on golden pairs: a plans workbook written by `budgetlys plan` for the
 * regnskab 2025, followed by later workbooks of 2026 (a forecast at 31/5 and the regnskab),
 * matched and unmatched; the JSON shape of the issue, exit codes and --out.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { capturedIo, type CapturedIO } from "./capturedIo";
import type { followUpJson } from "../../src/cli/opfoelgning";

type Json = ReturnType<typeof followUpJson>;
type JsonPlan = Json["plans"][number];
import { PLAN_RECORD_SHEET } from "../../src/core/planRecord";

type Row = (string | number | null)[];

/** A source workbook: title rows, then a table. */
async function workbook(path: string, title: string, headings: string[], rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow([title]);
  ws.addRow([]);
  ws.addRow(headings);
  for (const r of rows) ws.addRow(r);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

function cli(dir: string): CapturedIO {
  return capturedIo(dir, "2026-04-20T09:30:00");
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "budgetlys-opf-"));
  const head = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Regnskab", "Overført fra tidligere år"];
  // Skole A: Gul, debt 30.000 over 1 year; Børnehus B: Rød, 100.000 over 2 years; Plejecenter C:
  // Rød, 200.000 over 2 years; Bibliotek D: Grøn.
  await workbook(join(dir, "regnskab-2025.xlsx"), "Regnskab 2025", head, [
    ["73000202101", "Skole A", 1_000_000, 1_030_000, 0],
    ["73000202102", "Børnehus B", 1_000_000, 1_100_000, 0],
    ["73000202103", "Plejecenter C", 1_000_000, 1_200_000, 0],
    ["73000202104", "Bibliotek D", 1_000_000, 990_000, 0],
  ]);
  const io = cli(dir);
  const code = await runCli(["plan", "regnskab-2025.xlsx", "--all", "--regnskabsaar", "2025", "--years", "2", "--begrundelse", "Særligt tilfælde", "--out", "planer.xlsx"], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  // The forecast at 31/5 2026: overført carries the debt.
  await workbook(join(dir, "opfoelgning-maj-2026.xlsx"), "Budgetopfølgning pr. 31. maj 2026", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forventet forbrug", "Overført fra 2025"], [
    ["73000202101", "Skole A", 1_000_000, 980_000, 30_000], // repays 20.000 of 30.000 → I risiko
    ["73000202102", "Børnehus B", 1_000_000, 940_000, 100_000], // repays 60.000 of 50.000 → on plan
    ["73000202104", "Bibliotek D", 1_000_000, 1_000_000, 0],
  ]);
  await workbook(join(dir, "regnskab-2026.xlsx"), "Regnskab 2026", head, [
    ["73000202101", "Skole A", 1_000_000, 960_000, 30_000], // repays 30.000 → Afviklet
    ["73000202102", "Børnehus B", 1_000_000, 960_000, 100_000], // repays 40.000 < 50.000 → Ikke overholdt
    ["73000202103", "Plejecenter C", 1_000_000, 1_000_000, 150_000], // overført ≠ 200.000; repays 0
  ]);
  await workbook(join(dir, "uden-overfoert.xlsx"), "Budgetopfølgning pr. 30. september 2026", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forventet forbrug"], [
    ["73000202103", "Plejecenter C", 1_000_000, 900_000],
    ["73000202104", "Bibliotek D", 1_000_000, 1_000_000],
  ]);
});

async function run(args: string[]) {
  const io = cli(dir);
  const code = await runCli(["opfoelgning", ...args], io);
  return { code, io, json: () => JSON.parse(io.out()) as Json };
}

describe("budgetlys opfoelgning", () => {
  it("a forecast: I risiko below plan, Afventer on plan, a missing unit unmatched; exit 1 (exact JSON)", async () => {
    const r = await run(["--planer", "planer.xlsx", "opfoelgning-maj-2026.xlsx", "--json"]);
    expect(r.io.err()).toBe("");
    expect(r.code).toBe(1);
    const json = r.json();
    expect(Object.keys(json)).toEqual(["plans", "unmatched"]);
    const a = json.plans[0];
    expect(a).toEqual({
      unit: { id: "73000202101", name: "Skole A" },
      planSheet: "HP Skole A",
      debt: 30000,
      years: [
        {
          year: 2026,
          planned: 30000,
          forecast: 20000,
          realised: null,
          source: { file: "opfoelgning-maj-2026.xlsx", sheet: "Budget", row: 4, asOf: "2026-05-31", figures: "forecast" },
        },
      ],
      status: "I risiko",
      reason: "Forventet til og med år 1 er 20.000 kr., planlagt 30.000 kr.",
    });
    const b = json.plans[1];
    expect(b!.status).toBe("Afventer");
    expect(b!.years.map((y) => [y.forecast, y.source === null])).toEqual([
      [60000, false],
      [null, true],
    ]);
    expect(json.plans).toHaveLength(2);
    expect(json.unmatched).toEqual([
      { planSheet: "HP Plejecenter C", unit: { id: "73000202103", name: "Plejecenter C" }, reason: "Enheden findes ikke i opfølgningsfilerne (hverken nummer eller navn)." },
    ]);
  });

  it("a regnskab beats the forecast for the same year; a different overført is said and used", async () => {
    const r = await run(["--planer", "planer.xlsx", "opfoelgning-maj-2026.xlsx", "regnskab-2026.xlsx", "--json"]);
    expect(r.code).toBe(1);
    const byName = new Map<string, JsonPlan>(r.json().plans.map((p) => [p.unit.name, p]));
    const a = byName.get("Skole A")!;
    expect(a.status).toBe("Afviklet");
    expect(a.years[0]).toMatchObject({ realised: 30000, forecast: null, source: { file: "regnskab-2026.xlsx", figures: "regnskab", asOf: "2026-12-31" } });
    const b = byName.get("Børnehus B")!;
    expect(b.status).toBe("Ikke overholdt");
    expect(b.years[0]!.realised).toBe(40000);
    const c = byName.get("Plejecenter C")!;
    expect(c.status).toBe("Ikke overholdt");
    expect(c.years[0]!.realised).toBe(0);
    expect(c.reason).toContain("2026: overført i regnskab-2026.xlsx er 150.000 kr., planen venter gæld primo 200.000 kr.");
    expect(r.json().unmatched).toEqual([]);
  });

  it("exit 0 when every plan is kept; human output lists the plans and where the figures came from", async () => {
    const only = join(dir, "kun-a.xlsx");
    await workbook(only, "Regnskab 2026", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Regnskab", "Overført fra tidligere år"], [
      ["73000202101", "Skole A", 1_000_000, 960_000, 30_000],
      ["73000202102", "Børnehus B", 1_000_000, 940_000, 100_000],
      ["73000202103", "Plejecenter C", 1_000_000, 900_000, 200_000],
    ]);
    const r = await run(["--planer", "planer.xlsx", "kun-a.xlsx"]);
    expect(r.io.err()).toBe("");
    expect(r.io.out()).toContain("Skole A (73000202101) · HP Skole A: Afviklet");
    expect(r.io.out()).toContain("Børnehus B (73000202102) · HP Børnehus B: Overholdt");
    expect(r.io.out()).toContain("  2026: planlagt 50.000 kr., forventet –, realiseret 60.000 kr. (regnskab 2026-12-31, kun-a.xlsx 'Budget' række 5)");
    expect(r.code).toBe(0);
  });

  it("a sheet without overført cannot show a repayment: unmatched with that reason, never Afviklet", async () => {
    const r = await run(["--planer", "planer.xlsx", "uden-overfoert.xlsx", "--json"]);
    expect(r.code).toBe(1);
    const c = r.json().unmatched.find((u) => u.unit.name === "Plejecenter C");
    expect(c?.reason).toBe("uden-overfoert.xlsx, ark 'Budget': arket har intet overført, så afdraget kan ikke ses.");
    expect(r.json().plans).toEqual([]);
  });

  it("--out writes a copy with the figures in the input cells, never the plans workbook", async () => {
    const before = readFileSync(join(dir, "planer.xlsx"));
    const r = await run(["--planer", "planer.xlsx", "opfoelgning-maj-2026.xlsx", "regnskab-2026.xlsx", "--out", "fulgt.xlsx"]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "planer.xlsx")).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "fulgt.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const record = wb.getWorksheet(PLAN_RECORD_SHEET)!;
    expect(record.state).toBe("hidden");
    const row = [3, 4, 5].map((r) => record.getRow(r)).find((r) => r.getCell(2).value === "Børnehus B")!;
    const realisedCell = String(row.getCell(15).value).split(",")[0]!;
    expect(wb.getWorksheet("HP Børnehus B")!.getCell(realisedCell).value).toBe(40000);
    const again = await run(["--planer", "planer.xlsx", "regnskab-2026.xlsx", "--out", "fulgt.xlsx"]);
    expect(again.code).toBe(2);
    expect(again.io.err()).toContain("fulgt.xlsx findes allerede; den bevares. Brug --force for at overskrive den.");
    const same = await run(["--planer", "planer.xlsx", "regnskab-2026.xlsx", "--out", "planer.xlsx"]);
    expect(same.code).toBe(2);
    expect(existsSync(join(dir, "fulgt.xlsx"))).toBe(true);
  });

  it("--out on its own output: the September figures replace those Budgetlys wrote in May; a figure a person typed is kept and reported", async () => {
    const load = async (name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, name)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
      return wb;
    };
    /** The record row of a unit: its first forecast cell and what the record says Budgetlys wrote. */
    const recordRow = (wb: ExcelJS.Workbook, unit: string) => {
      const row = [3, 4, 5].map((r) => wb.getWorksheet(PLAN_RECORD_SHEET)!.getRow(r)).find((r) => r.getCell(2).value === unit)!;
      return { forecast: String(row.getCell(14).value).split(",")[0]!, written: row.getCell(18).value };
    };
    await workbook(join(dir, "opfoelgning-sep-2026.xlsx"), "Budgetopfølgning pr. 30. september 2026", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forventet forbrug", "Overført fra 2025"], [
      ["73000202101", "Skole A", 1_000_000, 975_000, 30_000], // 25.000
      ["73000202102", "Børnehus B", 1_000_000, 930_000, 100_000], // 70.000
    ]);
    // May: both forecast cells are blank and get the May figures, recorded as Budgetlys'.
    const may = await run(["--planer", "planer.xlsx", "opfoelgning-maj-2026.xlsx", "--out", "fulgt-maj.xlsx"]);
    expect(may.io.out()).toContain("Skrev fulgt-maj.xlsx: planerne med opfølgningens tal (2 tal).\n");
    let wb = await load("fulgt-maj.xlsx");
    const a = recordRow(wb, "Skole A");
    const b = recordRow(wb, "Børnehus B");
    expect([wb.getWorksheet("HP Skole A")!.getCell(a.forecast).value, wb.getWorksheet("HP Børnehus B")!.getCell(b.forecast).value]).toEqual([20000, 60000]);
    expect([a.written, b.written]).toEqual([`${a.forecast}=20000`, `${b.forecast}=60000`]);

    // A person types 55.000 over Børnehus B's May figure (saved as another file).
    wb.getWorksheet("HP Børnehus B")!.getCell(b.forecast).value = 55000;
    writeFileSync(join(dir, "fulgt-maj-rettet.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));

    // September on that file: Skole A's May figure gives way; Børnehus B's typed figure stays and is named.
    const typedLine = `  HP Børnehus B!${b.forecast} indeholder 55.000 kr., skrevet af en person; Budgetlys ville have skrevet 70.000 kr., men ændrer ikke cellen.\n`;
    const sept = await run(["--planer", "fulgt-maj-rettet.xlsx", "opfoelgning-sep-2026.xlsx", "--out", "fulgt-sep.xlsx"]);
    expect(sept.io.out()).toContain(`Skrev fulgt-sep.xlsx: planerne med opfølgningens tal (1 tal).\n${typedLine}`);
    wb = await load("fulgt-sep.xlsx");
    expect([wb.getWorksheet("HP Skole A")!.getCell(a.forecast).value, wb.getWorksheet("HP Børnehus B")!.getCell(b.forecast).value]).toEqual([25000, 55000]);
    expect([recordRow(wb, "Skole A").written, recordRow(wb, "Børnehus B").written]).toEqual([`${a.forecast}=25000`, `${b.forecast}=60000`]);
    expect(wb.getWorksheet(PLAN_RECORD_SHEET)!.state).toBe("hidden");

    // With --json the JSON stays exactly the shape on stdout; the kept cell is said on stderr.
    const json = await run(["--planer", "fulgt-maj-rettet.xlsx", "opfoelgning-sep-2026.xlsx", "--out", "fulgt-sep.xlsx", "--force", "--json"]);
    expect(Object.keys(json.json())).toEqual(["plans", "unmatched"]);
    expect(json.io.err()).toBe(typedLine);
  });

  it("a realised figure a person typed in the plan sheet counts before a forecast, as in the pane; a regnskab file counts before it, and the reason says both", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "planer.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const row = [3, 4, 5].map((r) => wb.getWorksheet(PLAN_RECORD_SHEET)!.getRow(r)).find((r) => r.getCell(2).value === "Skole A")!;
    const realisedCell = String(row.getCell(15).value).split(",")[0]!;
    // The unit leader types the realised repayment of 2026: 30.000 (all of the debt).
    wb.getWorksheet("HP Skole A")!.getCell(realisedCell).value = 30000;
    writeFileSync(join(dir, "planer-tastet.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const cellRow = Number(realisedCell.replace(/^[A-Z]+/, ""));

    const may = await run(["--planer", "planer-tastet.xlsx", "opfoelgning-maj-2026.xlsx", "--json"]);
    const a = may.json().plans.find((p) => p.unit.name === "Skole A")!;
    expect(a.status).toBe("Afviklet");
    expect(a.years[0]).toEqual({
      year: 2026,
      planned: 30000,
      forecast: null,
      realised: 30000,
      source: { file: "planer-tastet.xlsx", sheet: "HP Skole A", row: cellRow, asOf: null, figures: "regnskab" },
    });
    expect(a.reason).toContain(`2026: planarket siger 30.000 kr. realiseret (${realisedCell}), Budget giver 20.000 kr. som prognose — et realiseret tal går forud for en prognose, så tallet i planarket er brugt.`);
    const human = await run(["--planer", "planer-tastet.xlsx", "opfoelgning-maj-2026.xlsx"]);
    expect(human.io.out()).toContain(`  2026: planlagt 30.000 kr., forventet –, realiseret 30.000 kr. (realiseret i planarket, planer-tastet.xlsx 'HP Skole A' celle ${realisedCell}, indtastet)`);

    // A file without Skole A, the other plans on plan: Skole A is followed by its own sheet (Afviklet), and exit 1 still says its unit was not found.
    await workbook(join(dir, "uden-a.xlsx"), "Budgetopfølgning pr. 31. maj 2026", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forventet forbrug", "Overført fra 2025"], [
      ["73000202102", "Børnehus B", 1_000_000, 940_000, 100_000], // 60.000 of 50.000
      ["73000202103", "Plejecenter C", 1_000_000, 900_000, 200_000], // 100.000 of 100.000
    ]);
    const elsewhere = await run(["--planer", "planer-tastet.xlsx", "uden-a.xlsx", "--json"]);
    const own = elsewhere.json().plans.find((p) => p.unit.name === "Skole A")!;
    expect(own.status).toBe("Afviklet");
    expect(own.reason).toContain("Enheden findes ikke i opfølgningsfilerne (hverken nummer eller navn).");
    expect(elsewhere.json().plans.map((p) => p.status)).toEqual(["Afviklet", "Afventer", "Afventer"]);
    expect(elsewhere.json().unmatched).toEqual([]);
    expect(elsewhere.code).toBe(1);

    // The regnskab 2026 says 30.000 too: no disagreement. A person's 25.000 would give way to it, and be named.
    wb.getWorksheet("HP Skole A")!.getCell(realisedCell).value = 25000;
    writeFileSync(join(dir, "planer-tastet-2.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const closed = await run(["--planer", "planer-tastet-2.xlsx", "opfoelgning-maj-2026.xlsx", "regnskab-2026.xlsx", "--json"]);
    const c = closed.json().plans.find((p) => p.unit.name === "Skole A")!;
    expect(c.status).toBe("Afviklet");
    expect(c.years[0]).toMatchObject({ realised: 30000, source: { file: "regnskab-2026.xlsx", asOf: "2026-12-31", figures: "regnskab" } });
    expect(c.reason).toContain(`2026: HP Skole A!${realisedCell} siger 25.000 kr. (indtastet), men regnskab-2026.xlsx, ark 'Budget' giver 30.000 kr. som regnskab, og det tal er brugt — regnskabet går forud for planarkets egne tal. Planarkets egen status kan derfor vise noget andet.`);
  });

  it("a follow-up sheet that does not say its year: a plan only it lists is not followed, with the pane's reason, and the sheet is named", async () => {
    await workbook(join(dir, "uden-aar.xlsx"), "Budget", ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"], [["73000202103", "Plejecenter C", 1_000_000, 1_000_000, 200_000]]);
    const r = await run(["--planer", "planer.xlsx", "uden-aar.xlsx", "--json"]);
    expect(r.code).toBe(1);
    expect(r.json().unmatched.find((u) => u.unit.name === "Plejecenter C")?.reason).toBe(
      `uden-aar.xlsx, ark 'Budget': arket siger ikke, hvilket år og tidspunkt tallene er for (fx "Budgetopfølgning pr. 31. maj 2026" eller "Regnskab 2026").`,
    );
    // The sheet is named as the pane names it, on stderr beside --json (stdout stays the JSON), else with the plans.
    const sentence = "Bruges ikke til opfølgning, fordi arket ikke siger sit år, eller om tallene er en prognose eller regnskab: uden-aar.xlsx, ark 'Budget'.\n";
    expect(r.io.err()).toBe(sentence);
    const human = await run(["--planer", "planer.xlsx", "uden-aar.xlsx"]);
    expect(human.io.out().startsWith(sentence)).toBe(true);
    expect(human.io.err()).toBe("");
  });

  it("exit 2 for bad usage, an unreadable file, and a workbook without a plan record", async () => {
    expect((await run(["regnskab-2026.xlsx"])).code).toBe(2);
    expect((await run(["--planer", "planer.xlsx"])).code).toBe(2);
    const missing = await run(["--planer", "planer.xlsx", "findes-ikke.xlsx"]);
    expect(missing.code).toBe(2);
    expect(missing.io.err()).toMatch(/^Fejl: findes-ikke\.xlsx: /);
    const noRecord = await run(["--planer", "regnskab-2025.xlsx", "regnskab-2026.xlsx"]);
    expect(noRecord.code).toBe(2);
    expect(noRecord.io.err()).toContain("intet planregister (Budgetlys_planer)");
  });

  it("dispensation decisions from the command line: in the sheet, the record and the follow-up", async () => {
    const io = cli(dir);
    const code = await runCli(
      [
        "plan", "regnskab-2025.xlsx", "--all", "--regnskabsaar", "2025", "--years", "2", "--begrundelse", "x", "--out", "disp.xlsx",
        "--dispensation", "73000202101=bevilget", "--dispensation-sag", "73000202101=2026-0042", "--dispensation-af", "73000202101=Økonomichef",
        "--dispensation-dato", "73000202101=2026-03-01", "--dispensation", "Børnehus B=afslået",
      ],
      io,
    );
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out()).toContain("  Skole A: afvikling dispenseret\n");
    expect(io.out()).toContain("  Børnehus B: dispensation afslået\n");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "disp.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const record = wb.getWorksheet(PLAN_RECORD_SHEET)!;
    expect([2, 10, 11, 12, 13].map((c) => record.findCell(3, c)?.value)).toEqual(["Skole A", "bevilget", "Økonomichef", "2026-03-01", "2026-0042"]);
    const dispCell = String(record.findCell(3, 16)?.value);
    expect(wb.getWorksheet("HP Skole A")!.getCell(dispCell).value).toBe("bevilget");
    const r = await run(["--planer", "disp.xlsx", "regnskab-2026.xlsx", "--json"]);
    const byName = new Map<string, JsonPlan>(r.json().plans.map((p) => [p.unit.name, p]));
    expect(byName.get("Skole A")!.status).toBe("Afvikling dispenseret");
    expect(byName.get("Børnehus B")!.status).toBe("Ikke overholdt"); // refused: the schedule stands
  });

  it("refuses a decision that is not ansøgt, bevilget or afslået, a bad date, and details without a decision", async () => {
    const base = ["plan", "regnskab-2025.xlsx", "--all", "--regnskabsaar", "2025", "--out", "x.xlsx"];
    for (const [extra, message] of [
      [["--dispensation", "Skole A=ja"], "afgørelsen skal være ansøgt, bevilget eller afslået"],
      [["--dispensation", "Skole A=ansøgt", "--dispensation-dato", "Skole A=1/3 2026"], "datoen skal skrives ÅÅÅÅ-MM-DD"],
      [["--dispensation-sag", "Skole A=1"], "angiv også afgørelsen"],
    ] as const) {
      const io = cli(dir);
      expect(await runCli([...base, ...extra], io)).toBe(2);
      expect(io.err()).toContain(message);
    }
  });
});
