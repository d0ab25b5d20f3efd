import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "workbooks");
const bundle = join(root, "dist-cli", "budgetlys.mjs");

describe("the compiled command (bin/budgetlys.mjs → dist-cli/budgetlys.mjs)", () => {
  // The same build `npm ci` (prepare) and `npm run build` make, of this tree's sources.
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root, stdio: "pipe" });
  });

  it("works as the installed command (node bin/budgetlys.mjs scan)", () => {
    const result = spawnSync(process.execPath, [join(root, "bin", "budgetlys.mjs"), "scan", join(fixtures, "graenser-5-procent.xlsx"), "--json"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 20000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { units: { name: string; indicator: string; requirement: { code: string } }[] };
    expect(doc.units.map((u) => [u.name, u.indicator, u.requirement.code])).toEqual([
      ["Præcis 5 % underskud", "Gul", "handleplan-next-year"],
      ["5 % underskud med overført", "Gul", "handleplan-next-year"],
      ["Lige over 5 %", "Rød", "handleplan-max-3-years"],
      ["Præcis 5 % overskud", "Grøn", "none"],
      ["Lige over 5 % overskud", "Grøn", "surplus-explanation"],
      ["Balance", "Grøn", "none"],
      ["Opsparing dækker", "Grøn", "none"],
    ]);
  });

  it("prints bad usage in Danish with exit 2, as the in-process tests do", () => {
    const result = spawnSync(process.execPath, [join(root, "bin", "budgetlys.mjs"), "plan", "x.xlsx", "--all", "--years"], { encoding: "utf8", timeout: 20000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Fejl: --years mangler et antal år\.\n\nBrug: budgetlys plan /);
  });

  it("is plain JavaScript that imports only Node's modules and ExcelJS (no tsx, no TypeScript at run time)", () => {
    const text = readFileSync(bundle, "utf8");
    const imported = new Set([...text.matchAll(/^import .*? from "([^"]+)";$/gm)].map((m) => m[1]));
    expect([...imported].filter((name) => !name?.startsWith("node:"))).toEqual(["exceljs"]);
    expect(text).not.toMatch(/\bfrom "tsx|import\("\.\.?\/.*\.ts"\)/);
  });

  it("says in Danish what to run when the command line has not been built", () => {
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-bin-"));
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(root, "bin", "budgetlys.mjs"), join(dir, "bin", "budgetlys.mjs"));
    const result = spawnSync(process.execPath, [join(dir, "bin", "budgetlys.mjs"), "scan", "a.xlsx"], { encoding: "utf8", timeout: 20000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Fejl: Kommandolinjen er ikke bygget endnu. Kør "npm run build:cli" (eller "npm ci") i Budgetlys-mappen, og prøv igen.\n');
  });

  it("is built by npm ci (prepare) and npm run build, and needs tsx only for development", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.prepare).toBe("node scripts/build-cli.mjs");
    expect(pkg.scripts["build:cli"]).toBe("node scripts/build-cli.mjs");
    expect(pkg.scripts.build).toContain("npm run build:cli");
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx");
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["tsx", "esbuild"]));
  });
});
