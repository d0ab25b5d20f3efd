/**
 * Reading every sheet's used range into {@link SheetGrid}s in two `context.sync()` calls:
 *
 * 1. One proxy chain `getFirst() → getNextOrNullObject() → …` (no sync needed to build it) loads
 *    each sheet's name and visibility and its used range's position and size.
 * 2. With the sizes known, every sheet's values, value types and number formats are loaded in
 *    row chunks sized exactly, plus its visible areas (hidden rows and columns), merged areas and
 *    formula cells (a formula whose value is empty has no calculated result: never 0, never blank).
 *
 * A used range of more than `sparseAboveCells` cells (stretched by one stray cell far from the
 * table) costs one sync more: where its constants and formulas are; then only rectangles around
 * them are read, and the grid is sparse.
 *
 * Only when the data is bigger than one response may carry (Excel on the web refuses more than
 * 5 MB) are further syncs made, one per `maxCellsPerSync` cells. Should Excel still refuse a sync
 * as over its payload limit (`ResponsePayloadSizeLimitExceeded`: long texts in many cells), that
 * sync is asked again with half the cells, and so on down to one row: one failed sync per halving.
 * Only for a workbook with more sheets than the chain covers does step 1 continue. If the chain itself is refused, the
 * reader falls back to loading the worksheet collection first (one sync more).
 */
import { uncalculatedFormula, type CellValue } from "../core/cell";
import type { CellRange, SheetGrid } from "../core/grid";
import { columnIndex } from "../core/grid";

/** Tunables of reading (defaults suit Excel on the web's limits). */
export interface ReadOptions {
  /**
   * Cells per sync. Each cell costs its value, value type and number format in the response
   * (≈ 40–60 bytes of JSON for ordinary budget sheets); 50.000 cells stay well under 5 MB.
   */
  readonly maxCellsPerSync?: number;
  /** Sheets probed in the first sync; a workbook with more continues with one sync per chain. */
  readonly sheetsPerProbe?: number;
  /** Whether `Range.getMergedAreasOrNullObject` (ExcelApi 1.13) may be used. */
  readonly mergedAreas?: boolean;
  /**
   * Told when Excel refused a read as over its payload limit and the reader went on with fewer
   * cells per sync (the port remembers it for its next reads).
   */
  readonly onCellsPerSyncLowered?: (cells: number) => void;
  /**
   * A used range with more cells than this (stretched by a stray cell far from the table) is read
   * sparsely: one sync more learns where the constants and formulas are, and only rectangles
   * around them are requested.
   */
  readonly sparseAboveCells?: number;
}

/** Cells per sync of every read (`ReadOptions.maxCellsPerSync`). */
export const DEFAULT_CELLS_PER_SYNC = 50_000;
const DEFAULT_SHEETS_PER_PROBE = 64;
const DEFAULT_SPARSE_ABOVE_CELLS = 1_000_000;
/** Empty cells a read rectangle may add to join two areas (fewer requests, bounded waste). */
const JOIN_SLACK_CELLS = 4096;

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly name: string;
  readonly visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  readonly area: CellRange | undefined;
}

interface PendingProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
}

function queueProbe(sheet: Excel.Worksheet): PendingProbe {
  sheet.load("name,visibility");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { sheet, used };
}

function probeResult(p: PendingProbe): SheetProbe {
  const area = p.used.isNullObject
    ? undefined
    : {
        top: p.used.rowIndex,
        left: p.used.columnIndex,
        bottom: p.used.rowIndex + p.used.rowCount - 1,
        right: p.used.columnIndex + p.used.columnCount - 1,
      };
  return { sheet: p.sheet, used: p.used, name: p.sheet.name, visibility: p.sheet.visibility, area };
}

/** Step 1 by the proxy chain: one sync for up to `perProbe` sheets. */
async function probeByChain(context: Excel.RequestContext, perProbe: number): Promise<SheetProbe[]> {
  const found: SheetProbe[] = [];
  let first: Excel.Worksheet | undefined = context.workbook.worksheets.getFirst();
  while (first !== undefined) {
    const pending: PendingProbe[] = [queueProbe(first)];
    let next = first.getNextOrNullObject();
    for (let i = 1; i < perProbe; i++) {
      pending.push(queueProbe(next));
      next = next.getNextOrNullObject();
    }
    // Only a workbook with more than `perProbe` sheets loops: one sync per chain of sheets.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const p of pending) {
      if (p.sheet.isNullObject) break;
      found.push(probeResult(p));
    }
    first = next.isNullObject ? undefined : next;
  }
  return found;
}

/** Step 1 without null-object chains: the collection first, then the used ranges (2 syncs). */
async function probeByCollection(context: Excel.RequestContext): Promise<SheetProbe[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("name,visibility");
  await context.sync();
  const pending = sheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet, used };
  });
  await context.sync();
  return pending.map(probeResult);
}

/** Rows `top…top+rows-1` × columns `left…left+columns-1` of one source (a sheet, or a requested range). */
export interface RowChunk {
  /** Which sheet or request the rows belong to (chunks of one source are joined when re-split). */
  readonly source: number;
  readonly top: number;
  readonly rows: number;
  readonly left: number;
  readonly columns: number;
}

/** Excel refused a sync as over its request or response payload limit (Excel on the web: 5 MB). */
export function isPayloadLimit(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  if (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") return true;
  return "message" in error && typeof error.message === "string" && /payload size/i.test(error.message);
}

/**
 * The same rows again in chunks of at most `limit` cells (at least one row each). Adjacent chunks of
 * one rectangle are joined first, so halving never leaves a trail of one-row remainders.
 */
export function rechunk(chunks: readonly RowChunk[], limit: number): RowChunk[] {
  const joined: RowChunk[] = [];
  for (const chunk of chunks) {
    const last = joined.at(-1);
    if (last !== undefined && last.source === chunk.source && last.left === chunk.left && last.columns === chunk.columns && last.top + last.rows === chunk.top) {
      joined[joined.length - 1] = { ...last, rows: last.rows + chunk.rows };
    } else {
      joined.push(chunk);
    }
  }
  return joined.flatMap((chunk) => {
    const rowsPerChunk = Math.max(1, Math.floor(limit / chunk.columns));
    const out: RowChunk[] = [];
    for (let top = chunk.top; top < chunk.top + chunk.rows; top += rowsPerChunk) {
      out.push({ source: chunk.source, top, rows: Math.min(rowsPerChunk, chunk.top + chunk.rows - top), left: chunk.left, columns: chunk.columns });
    }
    return out;
  });
}

/** How {@link readRowChunks} reads. */
export interface RowChunkRead {
  /** Cells per sync to start with (lowered by half at each payload refusal). */
  readonly cellsPerSync: number;
  /** The range of a chunk (a new proxy each time it is asked for). */
  readonly rangeOf: (chunk: RowChunk) => Excel.Range;
  /** What to load of each chunk's range. */
  readonly load: string;
  /** Loads that ride with the first successful sync: queued before each try until one succeeds. */
  readonly withFirstSync?: { readonly queue: () => void; readonly loaded: () => void };
  /** Told the new size after each refusal (callers remember it for their next read). */
  readonly onLowered?: (cells: number) => void;
}

/**
 * Loads row chunks, packed into syncs of at most `cellsPerSync` cells: one sync for data that fits
 * one response. A sync that Excel refuses as over its payload limit (`isPayloadLimit`) is asked
 * again with half the cells per sync (`rechunk`): one refused sync per halving, at most
 * log2(cellsPerSync), down to one row — a single row over the limit fails the read. Returns the
 * chunks read, in order, each with its loaded range.
 */
export async function readRowChunks(context: Excel.RequestContext, chunks: readonly RowChunk[], read: RowChunkRead): Promise<{ chunk: RowChunk; range: Excel.Range }[]> {
  let limit = Math.max(1, read.cellsPerSync);
  let pending: readonly RowChunk[] = chunks;
  let firstDone = read.withFirstSync === undefined;
  const done: { chunk: RowChunk; range: Excel.Range }[] = [];
  while (pending.length > 0 || !firstDone) {
    let cells = 0;
    let count = 0;
    while (count < pending.length) {
      const chunk = pending[count] as RowChunk;
      if (count > 0 && cells + chunk.rows * chunk.columns > limit) break;
      cells += chunk.rows * chunk.columns;
      count++;
    }
    const batch = pending.slice(0, count).map((chunk) => {
      const range = read.rangeOf(chunk);
      range.load(read.load);
      return { chunk, range };
    });
    if (!firstDone) read.withFirstSync?.queue();
    try {
      // More than one sync only when the data exceeds one response (see above).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Nothing smaller to ask for (one row), or not a payload refusal: the read fails.
      if (!isPayloadLimit(error) || batch.length === 0 || (batch.length === 1 && (batch[0] as { chunk: RowChunk }).chunk.rows === 1)) throw error;
      limit = Math.max(1, Math.floor(Math.min(limit, cells) / 2));
      read.onLowered?.(limit);
      pending = rechunk(pending, limit);
      continue;
    }
    if (!firstDone) {
      firstDone = true;
      read.withFirstSync?.loaded();
    }
    done.push(...batch);
    pending = pending.slice(count);
  }
  return done;
}

/** Parses the areas of a RangeAreas address ("Ark1!A1:C3,Ark1!E1:E3", sheet names quoted or not). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const pattern = /(?:(?:'(?:[^']|'')*'|[^',!]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;
  for (const m of address.matchAll(pattern)) {
    const left = columnIndex(m[1] as string);
    const top = Number(m[2]) - 1;
    const right = m[3] === undefined ? left : columnIndex(m[3]);
    const bottom = m[4] === undefined ? top : Number(m[4]) - 1;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

/** A cell as Office.js reads it (value and value type) → the host-neutral cell value. */
export function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === null || value === undefined) return null;
  // A formula's empty text ("") is a calculated value: blank to the reader, but not "Empty".
  if (value === "") return type === undefined ? null : "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Hidden flags over [from, to]: true where no visible area covers the index. Sparse (only the
 * hidden indexes are set) and found from the intervals, so a used range stretched to the last
 * row costs what its hidden rows cost.
 */
function hiddenFlags(from: number, to: number, visible: readonly CellRange[] | undefined, axis: "rows" | "cols"): boolean[] {
  const flags: boolean[] = [];
  const shown = (visible ?? []).map((a) => (axis === "rows" ? [a.top, a.bottom] : [a.left, a.right]) as [number, number]).sort((a, b) => a[0] - b[0]);
  let next = from;
  for (const [a, b] of shown) {
    for (let i = next; i < Math.min(a, to + 1); i++) flags[i] = true;
    next = Math.max(next, b + 1);
  }
  for (let i = next; i <= to; i++) flags[i] = true;
  return flags;
}

const VISIBILITY = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

const cellsOf = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const union = (a: CellRange, b: CellRange): CellRange => ({
  top: Math.min(a.top, b.top),
  left: Math.min(a.left, b.left),
  bottom: Math.max(a.bottom, b.bottom),
  right: Math.max(a.right, b.right),
});

/**
 * Rectangles to read that cover `areas` (the cells holding something): areas are joined while the
 * join adds at most `slack` empty cells, so a table and a stray cell far away stay two small reads.
 */
export function readRectangles(areas: readonly CellRange[], slack = JOIN_SLACK_CELLS): CellRange[] {
  let rects = [...areas].sort((a, b) => a.top - b.top || a.left - b.left);
  for (let pass = 0; pass < 4; pass++) {
    const out: CellRange[] = [];
    for (const a of rects) {
      let joined = false;
      for (let i = out.length - 1; i >= Math.max(0, out.length - 64); i--) {
        const c = out[i] as CellRange;
        const u = union(c, a);
        if (cellsOf(u) <= cellsOf(c) + cellsOf(a) + slack) {
          out[i] = u;
          joined = true;
          break;
        }
      }
      if (!joined) out.push(a);
    }
    if (out.length === rects.length) return out;
    rects = out;
  }
  return rects;
}

/** Reads every sheet (see the module comment for the sync budget). */
export async function readAllSheets(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const cellsPerSync = Math.max(1, options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC);
  const sparseAbove = Math.max(1, options.sparseAboveCells ?? DEFAULT_SPARSE_ABOVE_CELLS);
  let probes: SheetProbe[];
  try {
    probes = await probeByChain(context, Math.max(1, options.sheetsPerProbe ?? DEFAULT_SHEETS_PER_PROBE));
  } catch {
    // A host that refuses navigation on null objects: read the collection first instead.
    probes = await probeByCollection(context);
  }

  // A used range stretched far beyond its cells: one sync more for where its cells are.
  const formulaAreas: (Excel.RangeAreas | undefined)[] = probes.map(() => undefined);
  const sparse = probes.map((p) => p.area !== undefined && cellsOf(p.area) > sparseAbove);
  const constantAreas = probes.map((p, i) => {
    if (!sparse[i]) return undefined;
    const constants = p.used.getSpecialCellsOrNullObject("Constants");
    constants.load("address");
    const formulas = p.used.getSpecialCellsOrNullObject("Formulas");
    formulas.load("address");
    formulaAreas[i] = formulas;
    return constants;
  });
  if (sparse.some((s) => s)) await context.sync();

  // Step 2: the rectangles to read per sheet, in row chunks of at most `cellsPerSync` cells.
  const chunks: RowChunk[] = [];
  probes.forEach((probe, index) => {
    if (probe.area === undefined) return;
    let rects: CellRange[] = [probe.area];
    if (sparse[index]) {
      const held = [constantAreas[index], formulaAreas[index]].flatMap((a) => (a === undefined || a.isNullObject ? [] : parseAreas(a.address)));
      rects = readRectangles(held);
    }
    for (const rect of rects) {
      const width = rect.right - rect.left + 1;
      const rowsPerChunk = Math.max(1, Math.floor(cellsPerSync / width));
      for (let top = rect.top; top <= rect.bottom; top += rowsPerChunk) {
        chunks.push({ source: index, top, rows: Math.min(rowsPerChunk, rect.bottom - top + 1), left: rect.left, columns: width });
      }
    }
  });
  // Formula cells of the other sheets, their visible and merged areas: with the first data sync
  // (a formula whose value is empty has no calculated result); queued again if that sync fails.
  const queueAreaLoads = (): { visible: (Excel.RangeAreas | undefined)[]; merged: (Excel.RangeAreas | undefined)[] } => {
    probes.forEach((probe, index) => {
      if (probe.area === undefined || sparse[index]) return;
      const formulas = probe.used.getSpecialCellsOrNullObject("Formulas");
      formulas.load("address");
      formulaAreas[index] = formulas;
    });
    const visible = probes.map((probe) => {
      if (probe.area === undefined) return undefined;
      const areas = probe.used.getSpecialCellsOrNullObject("Visible");
      areas.load("address");
      return areas;
    });
    const merged = probes.map((probe) => {
      if (probe.area === undefined || options.mergedAreas === false) return undefined;
      const areas = probe.used.getMergedAreasOrNullObject();
      areas.load("address");
      return areas;
    });
    return { visible, merged };
  };
  let visibleAreas: (Excel.RangeAreas | undefined)[] = [];
  let mergedAreas: (Excel.RangeAreas | undefined)[] = [];

  // Step 2's data, `cellsPerSync` cells per sync (see `readRowChunks`); the areas ride with the
  // first data sync and are queued again while it is refused.
  let areasLoaded = false;
  const done = await readRowChunks(context, chunks, {
    cellsPerSync,
    rangeOf: (chunk) => (probes[chunk.source] as SheetProbe).sheet.getRangeByIndexes(chunk.top, chunk.left, chunk.rows, chunk.columns),
    load: "values,valueTypes,numberFormat",
    withFirstSync: {
      queue: () => {
        if (areasLoaded) return;
        ({ visible: visibleAreas, merged: mergedAreas } = queueAreaLoads());
      },
      loaded: () => (areasLoaded = true),
    },
    ...(options.onCellsPerSyncLowered === undefined ? {} : { onLowered: options.onCellsPerSyncLowered }),
  });

  return probes.map((probe, index): SheetGrid => {
    const visibility = VISIBILITY[probe.visibility as keyof typeof VISIBILITY] ?? "visible";
    const area = probe.area;
    if (area === undefined) return { name: probe.name, origin: { row: 0, col: 0 }, values: [], visibility };
    // Rows only where rectangles were read (all rows of an ordinary sheet); sparse otherwise.
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (const { chunk, range } of done) {
      if (chunk.source !== index) continue;
      const types = range.valueTypes;
      const formats = range.numberFormat;
      const offset = chunk.left - area.left;
      range.values.forEach((row, r) => {
        const at = chunk.top + r - area.top;
        const valueRow = (values[at] ??= []);
        const formatRow = (numberFormats[at] ??= []);
        row.forEach((v, c) => {
          valueRow[offset + c] = cellValue(v, types[r]?.[c]);
          formatRow[offset + c] = String(formats[r]?.[c] ?? "General");
        });
      });
    }
    if (values.length < area.bottom - area.top + 1) values[area.bottom - area.top] ??= [];
    const formulas = formulaAreas[index];
    if (formulas !== undefined && !formulas.isNullObject) markUncalculated(values, area, parseAreas(formulas.address));
    const visible = visibleAreas[index];
    const visibleRects = visible === undefined || visible.isNullObject ? [] : parseAreas(visible.address);
    const merged = mergedAreas[index];
    return {
      name: probe.name,
      origin: { row: area.top, col: area.left },
      values,
      numberFormats,
      hiddenRows: hiddenFlags(area.top, area.bottom, visibleRects, "rows"),
      hiddenColumns: hiddenFlags(area.left, area.right, visibleRects, "cols"),
      ...(merged === undefined ? {} : { merges: merged.isNullObject ? [] : parseAreas(merged.address) }),
      visibility,
    };
  });
}

/** A formula cell whose value came back empty has no calculated result: never blank, never 0. */
function markUncalculated(values: CellValue[][], area: CellRange, formulas: readonly CellRange[]): void {
  for (const f of formulas) {
    for (let r = Math.max(f.top, area.top); r <= Math.min(f.bottom, area.bottom); r++) {
      const row = values[r - area.top];
      if (row === undefined) continue;
      for (let c = Math.max(f.left, area.left); c <= Math.min(f.right, area.right); c++) {
        if (row[c - area.left] === null) row[c - area.left] = uncalculatedFormula();
      }
    }
  }
}
