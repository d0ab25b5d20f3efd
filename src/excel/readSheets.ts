/**
 * Reading every sheet's used range into {@link SheetGrid}s in two `context.sync()` calls:
 *
 * 1. One proxy chain `getFirst() → getNextOrNullObject() → …` (no sync needed to build it) loads
 *    each sheet's name and visibility and its used range's position and size.
 * 2. With the sizes known, every sheet's values, value types and number formats are loaded in
 *    row chunks sized exactly, plus its visible areas (hidden rows and columns) and merged areas.
 *
 * Only when the data is bigger than one response may carry (Excel on the web refuses more than
 * 5 MB) are further syncs made, one per `maxCellsPerSync` cells; and only for a workbook with
 * more sheets than the chain covers does step 1 continue. If the chain itself is refused, the
 * reader falls back to loading the worksheet collection first (one sync more).
 */
import type { CellValue } from "../core/cell";
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
}

const DEFAULT_CELLS_PER_SYNC = 50_000;
const DEFAULT_SHEETS_PER_PROBE = 64;

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
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
  return { sheet: p.sheet, name: p.sheet.name, visibility: p.sheet.visibility, area };
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

interface Chunk {
  readonly probe: number;
  readonly top: number;
  readonly rows: number;
  range?: Excel.Range;
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
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function hiddenFlags(from: number, to: number, visible: readonly CellRange[] | undefined, axis: "rows" | "cols"): boolean[] {
  const flags = Array.from({ length: to + 1 }, () => false);
  const shown = new Set<number>();
  for (const area of visible ?? []) {
    const [a, b] = axis === "rows" ? [area.top, area.bottom] : [area.left, area.right];
    for (let i = a; i <= b; i++) shown.add(i);
  }
  for (let i = from; i <= to; i++) flags[i] = !shown.has(i);
  return flags;
}

const VISIBILITY = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/** Reads every sheet (see the module comment for the sync budget). */
export async function readAllSheets(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const cellsPerSync = Math.max(1, options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC);
  let probes: SheetProbe[];
  try {
    probes = await probeByChain(context, Math.max(1, options.sheetsPerProbe ?? DEFAULT_SHEETS_PER_PROBE));
  } catch {
    // A host that refuses navigation on null objects: read the collection first instead.
    probes = await probeByCollection(context);
  }

  // Step 2: plan chunks of rows, at most `cellsPerSync` cells each, packed into syncs.
  const chunks: Chunk[] = [];
  probes.forEach((probe, index) => {
    if (probe.area === undefined) return;
    const width = probe.area.right - probe.area.left + 1;
    const rowsPerChunk = Math.max(1, Math.floor(cellsPerSync / width));
    for (let top = probe.area.top; top <= probe.area.bottom; top += rowsPerChunk) {
      chunks.push({ probe: index, top, rows: Math.min(rowsPerChunk, probe.area.bottom - top + 1) });
    }
  });
  const visibleAreas = probes.map((probe) => {
    if (probe.area === undefined) return undefined;
    const a = probe.area;
    const visible = probe.sheet.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1).getSpecialCellsOrNullObject("Visible");
    visible.load("address");
    return visible;
  });
  const mergedAreas = probes.map((probe) => {
    if (probe.area === undefined || options.mergedAreas === false) return undefined;
    const a = probe.area;
    const merged = probe.sheet.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1).getMergedAreasOrNullObject();
    merged.load("address");
    return merged;
  });
  const batches: Chunk[][] = [[]];
  let cellsInBatch = 0;
  for (const chunk of chunks) {
    const probe = probes[chunk.probe] as SheetProbe;
    const area = probe.area as CellRange;
    const cells = chunk.rows * (area.right - area.left + 1);
    if (cellsInBatch > 0 && cellsInBatch + cells > cellsPerSync) {
      batches.push([]);
      cellsInBatch = 0;
    }
    (batches[batches.length - 1] as Chunk[]).push(chunk);
    cellsInBatch += cells;
  }
  for (const batch of batches) {
    for (const chunk of batch) {
      const area = (probes[chunk.probe] as SheetProbe).area as CellRange;
      chunk.range = (probes[chunk.probe] as SheetProbe).sheet.getRangeByIndexes(chunk.top, area.left, chunk.rows, area.right - area.left + 1);
      chunk.range.load("values,valueTypes,numberFormat");
    }
    // More than one batch only when the data exceeds one response (see the module comment).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  return probes.map((probe, index): SheetGrid => {
    const visibility = VISIBILITY[probe.visibility as keyof typeof VISIBILITY] ?? "visible";
    const area = probe.area;
    if (area === undefined) return { name: probe.name, origin: { row: 0, col: 0 }, values: [], visibility };
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (const chunk of chunks) {
      if (chunk.probe !== index || chunk.range === undefined) continue;
      const types = chunk.range.valueTypes;
      const formats = chunk.range.numberFormat;
      chunk.range.values.forEach((row, r) => {
        values.push(row.map((v, c) => cellValue(v, types[r]?.[c])));
        numberFormats.push((formats[r] ?? []).map((f) => String(f)));
      });
    }
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
