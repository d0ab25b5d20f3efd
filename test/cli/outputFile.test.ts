/**
 * Issue 12 items 7–8: the command line never harms a file. `--out` that is the input under another
 * name is refused (exit 2) with or without --force; outputs go through a temporary file renamed
 * into place; a missing folder, a policy/mapping file with a byte-order mark, an .ods file and a
 * zip of other files each get a Danish message that says what they are.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/main";
import { capturedIo, type CapturedIO } from "./capturedIo";

const fixtures = join(__dirname, "..", "fixtures", "workbooks");

function setup(): { dir: string; io: CapturedIO } {
  const dir = mkdtempSync(join(tmpdir(), "budgetlys-out-"));
  copyFileSync(join(fixtures, "eksempel-budget.xlsx"), join(dir, "budget.xlsx"));
  return { dir, io: capturedIo(dir, "2026-05-31T09:30:00") };
}

const plan = (io: CliIO, out: string, force: boolean): Promise<number> =>
  runCli(["plan", "budget.xlsx", "--all", "--regnskabsaar", "2025", "--out", out, ...(force ? ["--force"] : [])], io);

describe("--out never names the input", () => {
  for (const [kind, make] of [
    ["a symbolic link", (dir: string) => symlinkSync(join(dir, "budget.xlsx"), join(dir, "link.xlsx"))],
    ["a hard link", (dir: string) => linkSync(join(dir, "budget.xlsx"), join(dir, "link.xlsx"))],
  ] as const) {
    for (const force of [false, true]) {
      it(`refuses ${kind} to the input${force ? " with --force" : ""}, and the input is unchanged`, async () => {
        const { dir, io } = setup();
        make(dir);
        const before = readFileSync(join(dir, "budget.xlsx"));
        expect(await plan(io, "link.xlsx", force)).toBe(2);
        expect(io.err()).toContain("er den fil, der læses");
        expect(readFileSync(join(dir, "budget.xlsx")).equals(before)).toBe(true);
      });
    }
  }

  it("refuses ./x/../budget.xlsx and a path through a linked folder, with --force", async () => {
    const { dir, io } = setup();
    mkdirSync(join(dir, "x"));
    symlinkSync(dir, join(dir, "x", "samme"));
    const before = readFileSync(join(dir, "budget.xlsx"));
    expect(await plan(io, "./x/../budget.xlsx", true)).toBe(2);
    expect(await plan(io, "x/samme/budget.xlsx", true)).toBe(2);
    expect(io.err()).toContain("er den fil, der læses");
    expect(readFileSync(join(dir, "budget.xlsx")).equals(before)).toBe(true);
  });
});

describe("writing the output", () => {
  it("says in Danish that the folder does not exist (no ENOENT), and writes nothing", async () => {
    const { dir, io } = setup();
    expect(await plan(io, "findes-ikke/ud.xlsx", false)).toBe(2);
    expect(io.err()).toContain("Mappen findes-ikke findes ikke");
    expect(io.err()).not.toContain("ENOENT");
    expect(readdirSync(dir).sort()).toEqual(["budget.xlsx"]);
  });

  it("replaces an output with --force by renaming a finished temporary file into place, leaving no temporary file", async () => {
    const { dir, io } = setup();
    writeFileSync(join(dir, "ud.xlsx"), "gammel");
    const oldInode = statSync(join(dir, "ud.xlsx")).ino;
    expect(await plan(io, "ud.xlsx", false)).toBe(2);
    expect(readFileSync(join(dir, "ud.xlsx"), "utf8")).toBe("gammel");
    expect(await plan(io, "ud.xlsx", true)).toBe(0);
    // A new file renamed over the old name (a new inode), not the old file truncated and rewritten.
    expect(statSync(join(dir, "ud.xlsx")).ino).not.toBe(oldInode);
    expect(readFileSync(join(dir, "ud.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["budget.xlsx", "ud.xlsx"]);
  });
});

describe("input files", () => {
  it("reads a policy and a mapping file saved with a UTF-8 byte-order mark", async () => {
    const { dir, io } = setup();
    writeFileSync(join(dir, "politik.json"), "\uFEFF" + JSON.stringify({ limitPct: 5 }));
    writeFileSync(join(dir, "mapping.json"), "\uFEFF" + JSON.stringify({ Budgetopfølgning: { unit: "kr" } }));
    const code = await runCli(["scan", "budget.xlsx", "--json", "--policy", "politik.json", "--mapping", "mapping.json"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
  });

  it("says an .ods file is an OpenDocument spreadsheet and a zip of other files is a zip", async () => {
    const { dir, io } = setup();
    copyFileSync(join(fixtures, "error-ods.xlsx"), join(dir, "regneark.ods"));
    copyFileSync(join(fixtures, "error-zip-andre-filer.xlsx"), join(dir, "arkiv.xlsx"));
    expect(await runCli(["scan", "regneark.ods", "arkiv.xlsx"], io)).toBe(2);
    expect(io.err()).toContain("OpenDocument-regneark (.ods");
    expect(io.err()).toContain('zip-fil, men ikke en Excel-projektmappe (.xlsx): den indeholder ingen projektmappe (xl/workbook.xml). Den indeholder fx "rapport.txt"');
    expect(io.err()).not.toContain("ingen regneark");
  });
});

describe("scan shows the warning of a numbered row equal to the sum above", () => {
  it("lists it under Advarsler and in --json warnings, and keeps the unit", async () => {
    const { dir, io } = setup();
    copyFileSync(join(fixtures, "enhed-lig-summen.xlsx"), join(dir, "sum.xlsx"));
    expect(await runCli(["scan", "sum.xlsx"], io)).toBe(0);
    expect(io.out()).toContain("  Advarsler:\n    Række 4: Tallene er lig summen af enhederne ovenfor");
    expect(io.out()).toContain("4103 Nørrevangsskolen");
    const json = setup();
    copyFileSync(join(fixtures, "enhed-lig-summen.xlsx"), join(json.dir, "sum.xlsx"));
    expect(await runCli(["scan", "sum.xlsx", "--json"], json.io)).toBe(0);
    const doc = JSON.parse(json.io.out()) as { warnings?: { row: number }[]; units: { row: number }[] };
    expect(doc.warnings?.map((w) => w.row)).toEqual([4]);
    expect(doc.units.map((u) => u.row)).toEqual([2, 3, 4, 5]);
  });
});
