import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScan } from "../../src/cli/scan";
import type { CliIO } from "../../src/cli/io";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "workbooks");

function fakeIo(options: { tty?: boolean; env?: Record<string, string> } = {}): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (err += t), isTTY: options.tty ?? false },
    cwd: fixtures,
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}

describe("budgetlys scan", () => {
  it("prints one table per sheet in Danish number format and exits 0 when every unit is assessed", async () => {
    const io = fakeIo();
    const code = await runScan([join(root, "assets", "eksempel-budget.xlsx")], io);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toMatch(/Nørrevangsskolen\s+Rød\s+5,9 %\s+2\.250\.000,00 kr\./);
    expect(out).toMatch(/O'Brien Skole\s+Gul\s+5,0 %\s+1\.000\.000,00 kr\./);
    expect(out).toContain('Række 15: Sumrække ("Skoler i alt")');
    expect(out).not.toContain("\u001b[");
  });

  it("colours only on a terminal without NO_COLOR", async () => {
    const tty = fakeIo({ tty: true });
    await runScan(["simpel-kr.xlsx"], tty);
    expect(tty.out()).toContain("\u001b[31mRød");
    const noColor = fakeIo({ tty: true, env: { NO_COLOR: "1" } });
    await runScan(["simpel-kr.xlsx"], noColor);
    expect(noColor.out()).not.toContain("\u001b[");
  });

  it("--json prints the documented shape with amounts in kroner and Randers' sign", async () => {
    const io = fakeIo();
    const code = await runScan(["modsat-fortegn.xlsx", "--json"], io);
    expect(code).toBe(0);
    const doc = JSON.parse(io.out()) as {
      policy: Record<string, unknown>;
      sheets: { file: string; sheet: string; headerRow: number; unit: string; signConvention: string; columns: Record<string, string> }[];
      units: Record<string, unknown>[];
      skipped: unknown[];
    };
    expect(Object.keys(doc)).toEqual(["policy", "sheets", "units", "skipped"]);
    expect(doc.policy).toEqual({ name: "Randersmodellen 2.0", limitPct: 5, maxYears: 3, base: "korrigeret-inkl-bevillingsans", includeCarried: true });
    expect(doc.sheets[0]).toMatchObject({ file: "modsat-fortegn.xlsx", sheet: "Regnskab 2024", headerRow: 3, unit: "kr", signConvention: "plus-is-surplus" });
    // Rødekro: budget 30 mio., regnskab 31,2 mio., 300.000 kr. opsparing carried in → 900.000 kr. underskud.
    expect(doc.units[0]).toEqual({
      file: "modsat-fortegn.xlsx",
      sheet: "Regnskab 2024",
      row: 4,
      id: "4101",
      name: "Rødekro Skole",
      budget: 30000000,
      spending: 31200000,
      carried: -300000,
      result: 900000,
      deficitPct: 0.03,
      indicator: "Gul",
      requirement: { code: "handleplan-next-year", text: "Der laves en handleplan, hvor gæld skal afvikles det følgende år" },
      error: null,
    });
  });

  it("--json gives every sheet its period: the sheet's, a mapping's, the flag's, or today's default marked as a guess", async () => {
    const io = fakeIo({ env: { BUDGETLYS_NOW: "2026-04-14T10:00:00" } });
    expect(await runScan(["eksempel-budget.xlsx", "periode-31-3-i-april.xlsx", "simpel-kr.xlsx", "--json"], io)).toBe(0);
    const doc = JSON.parse(io.out()) as { sheets: { file: string; period: unknown }[] };
    expect(Object.keys(doc.sheets[0] ?? {})).toEqual(["file", "sheet", "headerRow", "unit", "signConvention", "columns", "period"]);
    const period = (file: string) => doc.sheets.find((s) => s.file === file)?.period as Record<string, unknown>;
    expect(period("eksempel-budget.xlsx")).toEqual({
      budgetYear: 2025,
      asOf: "2025-05-31",
      figures: "forecast",
      source: "sheet",
      reason: expect.stringContaining('Budgetår 2025: titlen "Budgetopfølgning pr. 31. maj 2025') as unknown,
    });
    // A 31/3 follow-up read in April belongs to the sheet's year, not to last year.
    expect(period("periode-31-3-i-april.xlsx")).toMatchObject({ budgetYear: 2026, asOf: "2026-03-31", figures: "forecast", source: "sheet" });
    // No year anywhere: today's default (January–April: last year), marked as a guess.
    expect(period("simpel-kr.xlsx")).toMatchObject({ budgetYear: 2025, source: "default", reason: expect.stringContaining("gæt") as unknown });

    const human = fakeIo({ env: { BUDGETLYS_NOW: "2026-04-14T10:00:00" } });
    await runScan(["simpel-kr.xlsx"], human);
    expect(human.out()).toContain("Periode: budgetår 2025 (GÆT: arket angiver intet år — angiv det med --regnskabsaar), regnskab 2025");

    const dir = mkdtempSync(join(tmpdir(), "budgetlys-scan-"));
    writeFileSync(join(dir, "m.json"), JSON.stringify({ Enheder: { period: { budgetYear: 2024, figures: "accounts" } } }));
    const mapped = fakeIo();
    await runScan(["simpel-kr.xlsx", "--json", "--mapping", join(dir, "m.json")], mapped);
    expect((JSON.parse(mapped.out()) as { sheets: { period: unknown }[] }).sheets[0]?.period).toMatchObject({ budgetYear: 2024, asOf: "2024-12-31", source: "mapping" });
    const flagged = fakeIo();
    await runScan(["eksempel-budget.xlsx", "--json", "--regnskabsaar", "2024"], flagged);
    expect((JSON.parse(flagged.out()) as { sheets: { period: unknown }[] }).sheets[0]?.period).toMatchObject({
      budgetYear: 2024,
      asOf: "2024-05-31",
      source: "flag",
      reason: expect.stringContaining("--regnskabsaar (arket siger 2025)") as unknown,
    });
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ Enheder: { period: { budgetYear: "i år" } } }));
    const bad = fakeIo();
    expect(await runScan(["simpel-kr.xlsx", "--mapping", join(dir, "bad.json")], bad)).toBe(2);
    expect(bad.err()).toContain('"Enheder".period.budgetYear skal være et årstal som 2025.');
  });

  it("exits 1 when a unit cannot be assessed, with indicator and deficitPct null and a Danish error", async () => {
    const io = fakeIo();
    expect(await runScan(["fejlceller.xlsx", "--json"], io)).toBe(1);
    const doc = JSON.parse(io.out()) as { units: { name: string; indicator: unknown; deficitPct: unknown; error: string | null }[] };
    const bad = doc.units.find((u) => u.name === "Vestervangsskolen");
    expect(bad).toMatchObject({ indicator: null, deficitPct: null });
    expect(bad?.error).toContain("#REF!");
  });

  it("a sheet whose sign cannot be told: exit 1, 'fortegn ukendt', no colour for units with overført; --mapping signConvention settles it", async () => {
    const io = fakeIo();
    expect(await runScan(["fortegn-ukendt.xlsx"], io)).toBe(1);
    expect(io.out()).toContain("fortegn-ukendt.xlsx › Regnskab 2025 (overskrifter i række 1, beløb i kr., fortegn ukendt)");
    expect(io.out()).toMatch(/Kulturhuset.*Fortegnet er ukendt: .*overført \('Regnskab 2025'!E2\) kan være både gæld og opsparing\. Vælg fortegnet under Kolonner .*--mapping/);
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-scan-"));
    writeFileSync(join(dir, "m.json"), JSON.stringify({ "Regnskab 2025": { signConvention: "plus-is-surplus" } }));
    const chosen = fakeIo();
    expect(await runScan(["fortegn-ukendt.xlsx", "--json", "--mapping", join(dir, "m.json")], chosen)).toBe(0);
    const doc = JSON.parse(chosen.out()) as { units: { name: string; carried: number; indicator: string }[] };
    expect(doc.units.map((u) => [u.name, u.carried, u.indicator])).toEqual([
      ["Kulturhuset", -600_000, "Grøn"],
      ["Museet", 300_000, "Rød"],
      ["Teatret", 0, "Grøn"],
    ]);
  });

  it("exits 1 when a sheet has no units (a cover sheet) and says why", async () => {
    const io = fakeIo();
    expect(await runScan(["flere-ark.xlsx"], io)).toBe(1);
    expect(io.out()).toContain("Forside: ingen tabel med enheder");
  });

  it("--sheet reads only that sheet", async () => {
    const io = fakeIo();
    expect(await runScan(["flere-ark.xlsx", "--sheet", "Skoler", "--json"], io)).toBe(0);
    const doc = JSON.parse(io.out()) as { units: { sheet: string }[] };
    expect(new Set(doc.units.map((u) => u.sheet))).toEqual(new Set(["Skoler"]));
  });

  it("--sheet naming a sheet a file does not have: exit 1, said after that file's table and under skipped in --json", async () => {
    const human = fakeIo();
    expect(await runScan(["flere-ark.xlsx", "simpel-kr.xlsx", "--sheet", "Skoler"], human)).toBe(1);
    const out = human.out();
    expect(out).toContain('simpel-kr.xlsx: arket "Skoler" findes ikke.');
    expect(out).not.toContain('flere-ark.xlsx: arket "Skoler" findes ikke.');
    expect(out.indexOf("flere-ark.xlsx › Skoler")).toBeLessThan(out.indexOf('simpel-kr.xlsx: arket "Skoler"'));
    const json = fakeIo();
    expect(await runScan(["flere-ark.xlsx", "simpel-kr.xlsx", "--sheet", "Skoler", "--json"], json)).toBe(1);
    const doc = JSON.parse(json.out()) as { units: { file: string }[]; skipped: { file: string; sheet: string; row: number; reason: string }[] };
    expect(new Set(doc.units.map((u) => u.file))).toEqual(new Set(["flere-ark.xlsx"]));
    expect(doc.skipped.at(-1)).toEqual({ file: "simpel-kr.xlsx", sheet: "Skoler", row: 0, reason: "Arket findes ikke i projektmappen." });
  });

  it("--mapping overrides detection and --policy changes the base", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-scan-"));
    // Force the 31/3 forecast (C) as spending and 1.000 kr. on the simple sheet.
    writeFileSync(join(dir, "m.json"), JSON.stringify({ Enheder: { unit: "tkr" } }));
    writeFileSync(join(dir, "p.json"), JSON.stringify({ limitPct: 2, includeCarried: false }));
    const io = fakeIo();
    expect(await runScan([join(fixtures, "simpel-kr.xlsx"), "--json", "--mapping", join(dir, "m.json"), "--policy", join(dir, "p.json")], io)).toBe(0);
    const doc = JSON.parse(io.out()) as { policy: { limitPct: number; includeCarried: boolean }; sheets: { unit: string }[]; units: { name: string; budget: number; result: number; indicator: string }[] };
    expect(doc.policy).toMatchObject({ limitPct: 2, includeCarried: false });
    expect(doc.sheets[0]?.unit).toBe("tkr");
    const bakke = doc.units.find((u) => u.name === "Bakkeskolen");
    expect(bakke).toMatchObject({ budget: 42_500_000_000, result: 600_000_000, indicator: "Gul" });
  });

  it("reports unreadable files in Danish with exit 2, and still reads the others", async () => {
    const io = fakeIo();
    const code = await runScan(["error-gammel-xls.xlsx", "simpel-kr.xlsx", "findes-ikke.xlsx"], io);
    expect(code).toBe(2);
    expect(io.err()).toContain("error-gammel-xls.xlsx: Filen er i det gamle Excel 97-2003-format (.xls)");
    expect(io.err()).toContain("findes-ikke.xlsx: Filen findes ikke.");
    expect(io.err()).not.toMatch(/\bat .*:\d+:\d+/);
    expect(io.out()).toContain("Bakkeskolen");
  });

  it("shows progress on stderr for many files on a terminal", async () => {
    const io = fakeIo({ tty: true });
    await runScan(["simpel-kr.xlsx", "mio-kr.xlsx", "tekst-tal.xlsx"], io);
    expect(io.err()).toContain("Læser 3 af 3: tekst-tal.xlsx");
  });

  it.each([
    [[], "Angiv mindst én .xlsx-fil."],
    [["a.xlsx", "--bogus"], 'Ukendt tilvalg "--bogus".'],
    [["a.xlsx", "--sheet"], "--sheet mangler et arknavn."],
  ])("bad usage %j exits 2", async (argv, message) => {
    const io = fakeIo();
    expect(await runScan(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  it("rejects a malformed mapping or policy file with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-scan-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ Enheder: { columns: { budgett: "B" } } }));
    writeFileSync(join(dir, "notjson.json"), "{");
    writeFileSync(join(dir, "policy.json"), JSON.stringify({ limitPct: 500 }));
    for (const args of [["--mapping", join(dir, "bad.json")], ["--mapping", join(dir, "notjson.json")], ["--policy", join(dir, "policy.json")]]) {
      const io = fakeIo();
      expect(await runScan(["simpel-kr.xlsx", ...args], io)).toBe(2);
      expect(io.err()).toMatch(/^Fejl: /);
    }
  });

  it("--policy: the core names a changed policy and refuses one outside the bounds, with its Danish reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-scan-"));
    writeFileSync(join(dir, "p4.json"), JSON.stringify({ limitPct: 4 }));
    writeFileSync(join(dir, "p30.json"), JSON.stringify({ limitPct: 30 }));
    const human = fakeIo();
    await runScan([join(fixtures, "simpel-kr.xlsx"), "--policy", join(dir, "p4.json")], human);
    expect(human.out()).toContain("Politik: Randersmodellen 2.0, ændret: grænse 4 %\n");
    const json = fakeIo();
    await runScan([join(fixtures, "simpel-kr.xlsx"), "--json", "--policy", join(dir, "p4.json")], json);
    expect((JSON.parse(json.out()) as { policy: { name: string } }).policy.name).toBe("Randersmodellen 2.0, ændret: grænse 4 %");
    const refused = fakeIo();
    expect(await runScan([join(fixtures, "simpel-kr.xlsx"), "--policy", join(dir, "p30.json")], refused)).toBe(2);
    expect(refused.err()).toContain("Grænsen skal være mellem 0,5 % og 25 %");
  });
});
