/**
 * The production build the benchmarks measure (the add-in's own webpack config, with the
 * reference page added, into `dist-bench/`), and `bundle`: gzip sizes of what each page loads
 * before its first render.
 *
 * Which JavaScript counts: the `<script src>` tags of the built HTML (Office.js from the CDN is
 * not ours and is left out), and the chunks those load synchronously. In webpack 5 a page loads
 * chunks synchronously only as its entrypoint's *initial* chunks, and html-webpack-plugin writes
 * exactly those as script tags; everything reached through `import()` is a non-initial chunk,
 * fetched when first needed. So the counted set is read from webpack's compilation
 * (the entrypoint's chunks) and checked against the HTML's script tags: a mismatch stops the
 * bench. The startup bench checks the same set once more in the browser (JavaScript requested
 * before the first render).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const OUT_DIR_NAME = "dist-bench";
export const OUT_DIR = path.join(ROOT, OUT_DIR_NAME);

export interface BenchBuild {
  readonly outDir: string;
  /** JavaScript files (relative to outDir) each entrypoint loads before its code runs. */
  readonly initial: Readonly<Record<string, readonly string[]>>;
  /** Chunks loaded only through `import()`, by the entrypoint that can reach them. */
  readonly lazy: Readonly<Record<string, readonly string[]>>;
  readonly ms: number;
}

/** Builds the add-in (production) plus the reference page into dist-bench/. */
export async function buildForBench(): Promise<BenchBuild> {
  process.env.BUDGETLYS_REFERENCE = "1";
  process.env.BUDGETLYS_OUT_DIR = OUT_DIR_NAME;
  const configModule = (await import(pathToFileURL(path.join(ROOT, "webpack.config.js")).href)) as {
    default: (env: unknown, argv: { mode: string }) => webpack.Configuration;
  };
  const config = configModule.default({}, { mode: "production" });
  const start = performance.now();
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack({ ...config, context: ROOT });
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!result) reject(new Error("webpack gav ingen statistik"));
      else if (result.hasErrors()) reject(new Error(result.toString({ all: false, errors: true })));
      else resolve(result);
    });
  });
  const ms = performance.now() - start;
  const initial: Record<string, string[]> = {};
  const lazy: Record<string, string[]> = {};
  for (const [name, entrypoint] of stats.compilation.entrypoints) {
    initial[name] = [...entrypoint.chunks].flatMap((chunk) => [...chunk.files]).filter((f) => f.endsWith(".js"));
    // The chunk groups below the entrypoint are its `import()`s (and theirs): the lazily loaded
    // chunks this page can reach. Walked on the entrypoint's own group, so a vendor chunk shared
    // with another page does not bring that page's lazy chunks along.
    const seen = new Set<string>();
    const groups = [...entrypoint.getChildren()];
    const visited = new Set(groups);
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as (typeof groups)[number];
      for (const chunk of group.chunks) for (const f of chunk.files) if (f.endsWith(".js") && !initial[name].includes(f)) seen.add(f);
      for (const child of group.getChildren()) {
        if (visited.has(child)) continue;
        visited.add(child);
        groups.push(child);
      }
    }
    lazy[name] = [...seen].sort();
  }
  return { outDir: OUT_DIR, initial, lazy, ms };
}

/** Gzip size (zlib's default level 6, as `gzip` uses) of one built file. */
export function gzipSize(outDir: string, file: string): number {
  return gzipSync(readFileSync(path.join(outDir, file))).length;
}

/** Local `<script src>` of a built HTML page, in order (remote ones such as Office.js left out). */
export function scriptTags(html: string): string[] {
  const files: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    const src = match[1] ?? match[2] ?? match[3] ?? "";
    if (!/^(?:[a-z]+:)?\/\//i.test(src)) files.push(src.replace(/^\.?\//, ""));
  }
  return files;
}

export interface BundleResult {
  functionsJsGzip: number;
  taskpaneInitialJsGzip: number;
  referenceInitialJsGzip: number;
  /** Per page: counted files with their gzip sizes, and the lazy chunks left out. */
  detail: Record<string, { counted: Record<string, number>; lazy: Record<string, number> }>;
}

/** Sum of gzip sizes of what a page loads before first render; checks stats against the HTML. */
function pageInitial(build: BenchBuild, page: string, entry: string) {
  const html = readFileSync(path.join(build.outDir, `${page}.html`), "utf8");
  const tags = scriptTags(html);
  const fromStats = build.initial[entry] ?? [];
  const a = [...tags].sort().join(","), b = [...fromStats].sort().join(",");
  if (a !== b) throw new Error(`${page}.html indlæser ${a}, men webpack siger ${b}`);
  const counted = Object.fromEntries(tags.map((f) => [f, gzipSize(build.outDir, f)]));
  const lazy = Object.fromEntries((build.lazy[entry] ?? []).map((f) => [f, gzipSize(build.outDir, f)]));
  return { total: Object.values(counted).reduce((s, n) => s + n, 0), counted, lazy };
}

export function measureBundle(build: BenchBuild): BundleResult {
  const taskpane = pageInitial(build, "taskpane", "taskpane");
  const reference = pageInitial(build, "reference", "reference");
  return {
    functionsJsGzip: gzipSize(build.outDir, "functions.js"),
    taskpaneInitialJsGzip: taskpane.total,
    referenceInitialJsGzip: reference.total,
    detail: {
      taskpane: { counted: taskpane.counted, lazy: taskpane.lazy },
      reference: { counted: reference.counted, lazy: reference.lazy },
    },
  };
}
