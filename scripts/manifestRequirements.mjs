// The requirement sets manifest.xml asks of the host, read from the manifest itself so that no
// other file restates them: webpack (the task pane's "which Excel is needed" note), vitest and the
// requirement-set check (test/requirementSets.test.ts) all call this.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function setsIn(xml) {
  const sets = {};
  for (const match of xml.matchAll(/<(?:\w+:)?Set\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? "";
    const name = /\bName="([^"]+)"/.exec(attributes)?.[1];
    const version = /\bMinVersion="([^"]+)"/.exec(attributes)?.[1];
    if (name !== undefined) sets[name] = version ?? "1.1";
  }
  return sets;
}

/**
 * `{ "ExcelApi": "1.9", … }`: the base `<Requirements>` (they decide whether Office activates the
 * add-in at all), completed by the sets under `<VersionOverrides>` for sets the base does not name
 * (those govern the ribbon and the functions, which only load where they are met).
 */
export function manifestRequirements(xml) {
  const overridesAt = xml.indexOf("<VersionOverrides");
  const base = overridesAt < 0 ? xml : xml.slice(0, overridesAt);
  const overrides = overridesAt < 0 ? "" : xml.slice(overridesAt);
  const baseBlock = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(base)?.[1] ?? "";
  const overrideSets = [...overrides.matchAll(/<Requirements>([\s\S]*?)<\/Requirements>/g)].map((m) => setsIn(m[1] ?? ""));
  return Object.assign({}, ...overrideSets.reverse(), setsIn(baseBlock));
}

/** {@link manifestRequirements} of the repository's manifest.xml. */
export function readManifestRequirements(file = path.join(root, "manifest.xml")) {
  return manifestRequirements(fs.readFileSync(file, "utf8"));
}
