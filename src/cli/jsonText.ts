/**
 * A JSON document written in parts, byte for byte as `JSON.stringify(document, null, 2)` writes
 * it. `scan --json` over many files turns each file's units into text as soon as the file is
 * scanned, instead of keeping every unit as an object until the end and then stringifying one
 * 14 MB document (200 files, 28.000 units): less memory held, less garbage collection, the same
 * output. `test/cli/jsonText.test.ts` checks the equality on random documents.
 */

const indentOf = (depth: number): string => "  ".repeat(depth);

/**
 * `JSON.stringify(value, null, 2)` of a value that stands `depth` levels deep in the document (a
 * unit in the top-level `units` array is at depth 2). `value` must be JSON (no `undefined`,
 * functions or `toJSON`), as the command's documents are.
 */
export function nestedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  // Only structural line breaks are real ones: a line break inside a string is written as \n.
  return depth === 0 ? text : text.replaceAll("\n", `\n${indentOf(depth)}`);
}

/**
 * An array at `depth` from its elements' texts, each made by {@link nestedJson} at `depth + 1`
 * (or joined runs of them, see {@link elementRun}).
 */
export function arrayText(elements: readonly string[], depth: number): string {
  const present = elements.filter((e) => e !== "");
  if (present.length === 0) return "[]";
  const inner = indentOf(depth + 1);
  return `[\n${inner}${present.join(`,\n${inner}`)}\n${indentOf(depth)}]`;
}

/** Several consecutive elements of an array at `depth` as one piece for {@link arrayText} ("" for none). */
export function elementRun(values: readonly unknown[], depth: number): string {
  return values.map((v) => nestedJson(v, depth + 1)).join(`,\n${indentOf(depth + 1)}`);
}

/** An object at `depth` from its members' texts (each made at `depth + 1`), in order. */
export function objectText(members: readonly (readonly [key: string, text: string])[], depth: number): string {
  if (members.length === 0) return "{}";
  const inner = indentOf(depth + 1);
  return `{\n${members.map(([key, text]) => `${inner}${JSON.stringify(key)}: ${text}`).join(",\n")}\n${indentOf(depth)}}`;
}
