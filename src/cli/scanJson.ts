/**
 * The `scan --json` document written in pieces: each file's part is turned into text as soon as
 * that file is scanned (by the main thread or a worker, which hands it over as strings), and the
 * document is written from those texts at the end. The bytes are exactly what
 * `JSON.stringify(jsonOutput(…), null, 2) + "\n"` gives for the same files (a test compares them):
 * `jsonOutput` stays the one owner of the document's shape, this module only frames its arrays.
 * Memory holds text instead of ~28.000 unit objects and one 14,5 MB string.
 */
import type { JsonDocument } from "./scan";

/** One part of the document as text: the elements of each array, indented as in the document, joined by ",\n"; "" when none. */
export interface JsonPartText {
  readonly sheets: string;
  readonly units: string;
  readonly skipped: string;
  readonly warnings: string;
}

/** The arrays of the document, in its key order (`warnings` only when a part has any). */
const ARRAYS = ["sheets", "units", "skipped", "warnings"] as const;

const WRAPPED_HEAD = '{\n  "x": [\n';
const WRAPPED_TAIL = "\n  ]\n}";

/** The elements of an array that is a value of the document's top-level object, as `JSON.stringify(…, null, 2)` writes them there. */
export function itemsText(items: readonly unknown[]): string {
  if (items.length === 0) return "";
  // Wrapped in an object, the array's elements get the same indentation as in the document.
  const text = JSON.stringify({ x: items }, null, 2);
  return text.slice(WRAPPED_HEAD.length, text.length - WRAPPED_TAIL.length);
}

/** A part of the document (one file's, or the closing list of missing sheets and unreadable files) as text. */
export function jsonPartText(part: {
  readonly sheets: readonly unknown[];
  readonly units: readonly unknown[];
  readonly skipped: readonly unknown[];
  readonly warnings?: readonly unknown[] | undefined;
}): JsonPartText {
  return {
    sheets: itemsText(part.sheets),
    units: itemsText(part.units),
    skipped: itemsText(part.skipped),
    warnings: itemsText(part.warnings ?? []),
  };
}

/** The whole document, from the policy and the parts in order, as chunks to write one after another. */
export function jsonDocumentChunks(policy: JsonDocument["policy"], parts: readonly JsonPartText[]): string[] {
  const policyText = JSON.stringify({ policy }, null, 2);
  const chunks: string[] = ["{\n", policyText.slice(2, policyText.length - 2)];
  for (const key of ARRAYS) {
    const texts = parts.map((p) => p[key]).filter((t) => t !== "");
    if (key === "warnings" && texts.length === 0) continue;
    chunks.push(",\n");
    if (texts.length === 0) {
      chunks.push(`  "${key}": []`);
      continue;
    }
    chunks.push(`  "${key}": [\n`);
    texts.forEach((text, i) => {
      if (i > 0) chunks.push(",\n");
      chunks.push(text);
    });
    chunks.push("\n  ]");
  }
  chunks.push("\n}\n");
  return chunks;
}
