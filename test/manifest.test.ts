/**
 * An offline check of manifest.xml (office-addin-manifest's `validate` needs Microsoft's web
 * service): well-formed XML, element order of OfficeApp, every resid resolves and is at most 32
 * characters, ids unique, every URL https, ReadWriteDocument, the Home-tab button; localization
 * the documented way (no override for the default locale: the default functions metadata is the
 * Danish one, en-US overrides it); and the requirements chosen per part (docs/excel.md): the base
 * asks only ExcelApi (the task pane), VersionOverrides adds CustomFunctionsRuntime (ribbon and
 * functions).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";

const SOURCE = readFileSync(new URL("../manifest.xml", import.meta.url), "utf8");

function parse(xml: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "text/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml er ikke gyldig XML: ${error.textContent}`);
  return doc;
}

const OFFICEAPP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "VersionOverrides",
];

function checkManifest(xml: string): void {
  const doc = parse(xml);
  const root = doc.documentElement;
  expect(root.localName).toBe("OfficeApp");

  const children = Array.from(root.children).map((c) => c.localName);
  const positions = children.map((name) => OFFICEAPP_ORDER.indexOf(name));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  const all = Array.from(doc.getElementsByTagName("*"));
  const resourceIds = new Map<string, string>();
  for (const el of all) {
    if (["Image", "Url", "String"].includes(el.localName) && el.parentElement?.parentElement?.localName === "Resources") {
      const id = el.getAttribute("id") as string;
      expect(resourceIds.has(id), `resource id ${id} er ikke unik`).toBe(false);
      resourceIds.set(id, el.getAttribute("DefaultValue") ?? "");
    }
  }
  const resids = all.map((el) => el.getAttribute("resid")).filter((r): r is string => r !== null);
  expect(resids.length).toBeGreaterThan(10);
  for (const resid of resids) {
    expect(resourceIds.has(resid), `resid ${resid} findes ikke`).toBe(true);
    expect(resid.length, `resid ${resid} er over 32 tegn`).toBeLessThanOrEqual(32);
  }

  const controlIds = all.filter((el) => ["Group", "Control"].includes(el.localName)).map((el) => el.getAttribute("id"));
  expect(new Set(controlIds).size).toBe(controlIds.length);

  const urls = [
    ...all.map((el) => el.getAttribute("DefaultValue") ?? "").filter((v) => /^[a-z]+:\/\//i.test(v)),
    ...all.map((el) => (el.localName === "Override" ? el.getAttribute("Value") ?? "" : "")).filter((v) => /^[a-z]+:\/\//i.test(v)),
    ...all.filter((el) => el.localName === "AppDomain").map((el) => el.textContent ?? ""),
  ];
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(url, url).toMatch(/^https:\/\//);

  expect(root.getElementsByTagName("Permissions")[0]?.textContent?.trim()).toBe("ReadWriteDocument");
  expect(root.getElementsByTagName("DefaultLocale")[0]?.textContent?.trim()).toBe("da-DK");
  const tab = all.find((el) => el.localName === "OfficeTab");
  expect(tab?.getAttribute("id")).toBe("TabHome");
  expect(all.some((el) => el.localName === "Action" && el.getAttribute("xsi:type") === "ShowTaskpane")).toBe(true);
  expect(resourceIds.get("TaskpaneButton.Label")).toBe("Budgetlys");

  const metadata = all.find((el) => el.localName === "Url" && el.getAttribute("id") === "Functions.Metadata.Url");
  expect(metadata?.getAttribute("DefaultValue")).toMatch(/\/functions-da\.json$/);
  const overrides = Array.from(metadata?.children ?? []).filter((c) => c.localName === "Override");
  expect(overrides.map((o) => [o.tagName, o.getAttribute("Locale"), o.getAttribute("Value")?.replace(/^.*\//, "")])).toEqual([
    ["bt:Override", "en-US", "functions.json"],
  ]);
  // The localization docs allow no override for the default locale, anywhere in the manifest.
  const defaultLocale = root.getElementsByTagName("DefaultLocale")[0]?.textContent?.trim();
  for (const el of all.filter((e) => e.localName === "Override")) {
    expect(el.getAttribute("Locale")?.toLowerCase(), el.outerHTML).not.toBe(defaultLocale?.toLowerCase());
  }

  const sets = (requirements: Element | undefined) =>
    Object.fromEntries(
      Array.from(requirements?.getElementsByTagName("*") ?? [])
        .filter((e) => e.localName === "Set")
        .map((e) => [e.getAttribute("Name"), e.getAttribute("MinVersion")]),
    );
  const base = Array.from(root.children).find((c) => c.localName === "Requirements");
  const versionOverrides = Array.from(root.children).find((c) => c.localName === "VersionOverrides");
  const overrideRequirements = Array.from(versionOverrides?.children ?? []).find((c) => c.localName === "Requirements");
  expect(sets(base)).toEqual({ ExcelApi: "1.9" });
  expect(sets(overrideRequirements)).toEqual({ CustomFunctionsRuntime: "1.3" });
  // VersionOverrides' children in schema order: Requirements before Hosts and Resources.
  expect(Array.from(versionOverrides?.children ?? []).map((c) => c.localName)).toEqual(["Requirements", "Hosts", "Resources"]);
  // English overrides exist for the user-facing texts.
  expect(all.filter((el) => el.localName === "Override" && el.getAttribute("Locale") === "en-US").length).toBeGreaterThanOrEqual(4);
}

type WebpackConfig = { plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[] };
type WebpackConfigFactory = (env: unknown, argv: { mode: string }) => WebpackConfig;

const savedBaseUrl = process.env.ADDIN_BASE_URL;
afterEach(() => {
  if (savedBaseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = savedBaseUrl;
});

/**
 * The manifest a build writes into dist/: manifest.xml through the copy step of the real
 * webpack.config.js (the same transform, with ADDIN_BASE_URL as the build sees it), made here so
 * the check never depends on an earlier `npm run build`.
 */
async function builtManifest(mode: string, baseUrl: string | undefined): Promise<string> {
  if (baseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = baseUrl;
  const factory = ((await import("../webpack.config.js")) as { default: WebpackConfigFactory }).default;
  const pattern = factory({}, { mode }).plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
  if (pattern?.transform === undefined) throw new Error("webpack.config.js kopierer ikke manifest.xml med en transform");
  return pattern.transform(Buffer.from(SOURCE));
}

describe("manifest.xml", () => {
  it("passes the offline checks", () => {
    checkManifest(SOURCE);
  });

  it("points at the development URL, which one setting replaces at build time", () => {
    expect(SOURCE).toContain("https://localhost:3000/taskpane.html");
  });

  it.each([
    ["development", undefined, "https://localhost:3000"],
    ["production", "https://budgetlys.randers.dk/app/", "https://budgetlys.randers.dk/app"],
  ])("the manifest the %s build writes passes the same checks", async (mode, baseUrl, expected) => {
    const built = await builtManifest(mode, baseUrl);
    checkManifest(built);
    expect(built).toContain(`DefaultValue="${expected}/taskpane.html"`);
    if (mode === "production") expect(built).not.toContain("localhost");
  });

  it("fails the checks when a resid does not resolve or a URL is http", () => {
    expect(() => checkManifest(SOURCE.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'))).toThrow();
    expect(() => checkManifest(SOURCE.replace("https://localhost:3000/commands.html", "http://localhost:3000/commands.html"))).toThrow();
    expect(() => checkManifest(SOURCE.replace("<Permissions>", "<Permissions><"))).toThrow();
  });
});
