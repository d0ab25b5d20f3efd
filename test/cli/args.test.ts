import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommandLine, wholeNumber } from "../../src/cli/args";
import { defineCommand, runCommand } from "../../src/cli/command";
import { CliError, EXIT, UsageError } from "../../src/cli/io";
import { COMMANDS, runCli } from "../../src/cli/main";
import { capturedIo, type CapturedIO } from "./capturedIo";

const OPTIONS = {
  json: { type: "boolean" },
  sheet: { type: "string", multiple: true, value: "et arknavn" },
  out: { type: "string", value: "et filnavn" },
} as const;

function fakeIo(): CapturedIO {
  return capturedIo("/");
}

describe("parseCommandLine (node:util parseArgs, Danish messages)", () => {
  it("reads flags, repeated options, --x=value and positionals", () => {
    const parsed = parseCommandLine(["a.xlsx", "--json", "--sheet", "Skoler", "--sheet=Dagtilbud", "b.xlsx", "--out=ud.xlsx"], OPTIONS);
    expect(parsed).toEqual({ values: { json: true, sheet: ["Skoler", "Dagtilbud"], out: "ud.xlsx" }, positionals: ["a.xlsx", "b.xlsx"], help: false });
  });

  it("gives defaults when nothing is given, and --help/-h anywhere", () => {
    expect(parseCommandLine([], OPTIONS)).toEqual({ values: { json: false, sheet: [], out: undefined }, positionals: [], help: false });
    expect(parseCommandLine(["a.xlsx", "-h"], OPTIONS).help).toBe(true);
    expect(parseCommandLine(["--help"], OPTIONS).help).toBe(true);
  });

  it("takes anything after -- as a file name", () => {
    expect(parseCommandLine(["--", "--json", "-h"], OPTIONS)).toMatchObject({ positionals: ["--json", "-h"], help: false, values: { json: false } });
  });

  it.each([
    [["--bogus"], 'Ukendt tilvalg "--bogus".'],
    [["-x"], 'Ukendt tilvalg "-x".'],
    [["--sheet"], "--sheet mangler et arknavn."],
    [["--sheet", "--json"], "--sheet mangler et arknavn."],
    [["--out", "a", "--out", "b"], "--out er angivet mere end én gang."],
    [["--json=ja"], '--json tager ikke en værdi (fik "ja").'],
    [["--constructor"], 'Ukendt tilvalg "--constructor".'],
  ])("refuses %j with a Danish UsageError", (argv, message) => {
    expect(() => parseCommandLine(argv, OPTIONS)).toThrow(new UsageError(message));
  });

  it("keeps every argument that is not an option, in order (property)", () => {
    const plain = fc.string({ minLength: 1 }).filter((s) => !s.startsWith("-"));
    fc.assert(
      fc.property(fc.array(plain), (files) => {
        expect(parseCommandLine(files, OPTIONS).positionals).toEqual(files);
        expect(parseCommandLine(["--json", ...files], OPTIONS).positionals).toEqual(files);
      }),
    );
  });

  it("wholeNumber accepts digits only", () => {
    expect(wholeNumber("--years", "3")).toBe(3);
    expect(() => wholeNumber("--years", "to")).toThrow(new UsageError('--years skal være et helt tal, ikke "to".'));
    expect(() => wholeNumber("--years", "-1")).toThrow(UsageError);
  });
});

describe("one error style for every subcommand", () => {
  it.each(COMMANDS.map((c) => [c.name]))("budgetlys %s --help prints its usage and exits 0", async (name) => {
    const io = fakeIo();
    expect(await runCli([name, "--help"], io)).toBe(EXIT.ok);
    expect(io.out()).toMatch(new RegExp(`^Brug: budgetlys ${name} `));
    expect(io.err()).toBe("");
  });

  it.each(COMMANDS.map((c) => [c.name]))("budgetlys %s with an unknown option: Fejl, its usage, exit 2", async (name) => {
    const io = fakeIo();
    expect(await runCli([name, "x.xlsx", "--kage"], io)).toBe(EXIT.usage);
    expect(io.err()).toMatch(new RegExp(`^Fejl: Ukendt tilvalg "--kage"\\.\\n\\nBrug: budgetlys ${name} `));
    expect(io.out()).toBe("");
  });

  it("lists every command in budgetlys help; an unknown command exits 2", async () => {
    const help = fakeIo();
    expect(await runCli(["help"], help)).toBe(EXIT.ok);
    for (const c of COMMANDS) expect(help.out()).toContain(`  ${c.name} `);
    const none = fakeIo();
    expect(await runCli([], none)).toBe(EXIT.usage);
    expect(none.out()).toBe(help.out());
    const unknown = fakeIo();
    expect(await runCli(["skan"], unknown)).toBe(EXIT.usage);
    expect(unknown.err()).toMatch(/^Fejl: Ukendt kommando "skan"\.\n\nBrug: budgetlys <kommando>/);
  });

  it("prints a refusal without usage, and an unexpected error as exit 3 in Danish without a stack trace", async () => {
    const refusing = defineCommand({ name: "nej", synopsis: "", usage: "Brug: budgetlys nej\n", options: {}, run: () => Promise.reject(new CliError("Filen findes allerede.")) });
    const io = fakeIo();
    expect(await runCommand(refusing, [], io)).toBe(EXIT.usage);
    expect(io.err()).toBe("Fejl: Filen findes allerede.\n");
    const broken = defineCommand({ name: "fejl", synopsis: "", usage: "", options: {}, run: () => Promise.reject(new TypeError("x is undefined")) });
    const io2 = fakeIo();
    expect(await runCommand(broken, [], io2)).toBe(EXIT.internal);
    expect(io2.err()).toMatch(/^Fejl: Uventet fejl i budgetlys \(x is undefined\)\./);
    expect(io2.err()).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
