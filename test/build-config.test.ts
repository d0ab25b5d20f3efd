/**
 * The production URLs come from one setting at build time: ADDIN_BASE_URL replaces the
 * development base in the copied manifest, must be https, and the production build carries no
 * preview entry.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";

type Config = {
  entry: Record<string, string>;
  plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[];
};
type ConfigFactory = (env: unknown, argv: { mode: string }) => Config;

const saved = process.env.ADDIN_BASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = saved;
});

async function load(): Promise<ConfigFactory> {
  return ((await import("../webpack.config.js")) as { default: ConfigFactory }).default;
}

function manifestTransform(config: Config): (content: Buffer) => string {
  for (const plugin of config.plugins) {
    const pattern = plugin.patterns?.find((p) => p.from === "manifest.xml");
    if (pattern?.transform) return pattern.transform;
  }
  throw new Error("manifest.xml kopieres ikke");
}

describe("webpack.config.js", () => {
  it("writes the production base URL into every manifest URL", async () => {
    process.env.ADDIN_BASE_URL = "https://budgetlys.randers.dk/app/";
    const config = (await load())({}, { mode: "production" });
    const manifest = manifestTransform(config)(readFileSync("manifest.xml"));
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('DefaultValue="https://budgetlys.randers.dk/app/taskpane.html"');
    expect(manifest).toContain('DefaultValue="https://budgetlys.randers.dk/app/functions-da.json"');
    expect(manifest).toContain('Value="https://budgetlys.randers.dk/app/functions.json"');
    expect(manifest).toContain("<AppDomain>https://budgetlys.randers.dk/app</AppDomain>");
  });

  it("refuses an http base URL for production", async () => {
    process.env.ADDIN_BASE_URL = "http://budgetlys.randers.dk";
    const factory = await load();
    expect(() => factory({}, { mode: "production" })).toThrow(/https/);
  });

  it("builds no preview into production", async () => {
    delete process.env.ADDIN_BASE_URL;
    const config = (await load())({}, { mode: "production" });
    expect(Object.keys(config.entry).sort()).toEqual(["commands", "functions", "taskpane"]);
  });
});
