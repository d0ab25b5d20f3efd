/**
 * The request payload of writing a sheet description, measured — not guessed: the description is
 * queued exactly as the port queues it (`queueSheetDescription`) on a recording stand-in for a
 * worksheet, which adds up the JSON of every value set and every argument passed. Office.js sends
 * these same values as JSON in the request body, plus an envelope that we cannot see without
 * Excel: an action `{"Id":12,"ActionType":4,"Name":"bold","ObjectPathId":10,"ArgumentInfo":{"Arguments":[…]}}`
 * (≈ 85 bytes around its value) per property set or method call, and per object reached (`.format`,
 * `getRangeByIndexes(…)`) an object path `{"Id":5,"ObjectPathType":4,"Name":"format","ParentObjectPathId":4}`
 * plus its instantiate action (≈ 120 bytes). They are counted as {@link ACTION_BYTES} and
 * {@link PATH_BYTES}, rounded up. The envelope dominates: a handleplan's values are ≈ 10 KB of its
 * ≈ 220 KB.
 */
import type { CellSpec, SheetDescription } from "../core/sheetDescription";
import { queueSheetDescription } from "./sheetContent";

/** Bytes counted per action (property set, method call) around its JSON value. */
export const ACTION_BYTES = 96;
/** Bytes counted per object path reached (navigation property or method returning an object). */
export const PATH_BYTES = 128;

/** Excel on the web refuses a request over 5 MB; batches stay under this. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** At most this many sheets are written per sync. */
export const MAX_BATCH_SHEETS = 25;

/** What writing a description sends. */
export interface Payload {
  /** Bytes of JSON: values and arguments measured, plus the envelopes. */
  readonly bytes: number;
  /** Property sets and method calls queued. */
  readonly operations: number;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON (recorded proxies count as an object path reference). */
function jsonBytes(value: unknown, isRecorder: (v: unknown) => boolean): number {
  const text = JSON.stringify(value, (_key, v: unknown) => (isRecorder(v) ? { ObjectPathId: 0 } : v));
  return text === undefined ? 0 : encoder.encode(text).length;
}

/** Measures the request of writing `description` on a new sheet (see the file comment). */
export function measureDescription(description: SheetDescription): Payload {
  let bytes = 0;
  let operations = 0;
  const recorders = new WeakSet<object>();
  const isRecorder = (v: unknown): boolean => (typeof v === "function" || typeof v === "object") && v !== null && recorders.has(v);
  const recorder = (): unknown => {
    const target = function recorded(): void {};
    const proxy: object = new Proxy(target, {
      get(_t, prop) {
        // Not a thenable, not serialisable, not a primitive: only the Office.js members are proxies.
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
        bytes += PATH_BYTES;
        return recorder();
      },
      set(_t, _prop, value) {
        operations += 1;
        bytes += ACTION_BYTES + jsonBytes(value, isRecorder);
        return true;
      },
      apply(_t, _this, args: unknown[]) {
        operations += 1;
        bytes += ACTION_BYTES + jsonBytes(args, isRecorder);
        return recorder();
      },
    });
    recorders.add(proxy);
    return proxy;
  };
  queueSheetDescription(recorder() as Excel.Worksheet, description);
  return { bytes, operations };
}

/**
 * Splits items into batches of at most {@link MAX_BATCH_SHEETS} and at most {@link MAX_BATCH_BYTES}
 * (a single item heavier than that goes alone), in order.
 */
export function planBatches<T>(items: readonly T[], bytesOf: (item: T) => number, maxSheets = MAX_BATCH_SHEETS, maxBytes = MAX_BATCH_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (current.length > 0 && (current.length >= maxSheets || currentBytes + bytes > maxBytes)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Only the cells of a description (no widths, merges, formats of the sheet, print …): one part of a split. */
function cellsOnly(description: SheetDescription, cells: readonly CellSpec[]): SheetDescription {
  return { kind: description.kind, name: description.name, cells };
}

/**
 * A description whose request is over `maxBytes`, split into parts that are each at most that
 * (measured by {@link measureDescription}), to be queued on the same sheet in order, one sync each:
 * bands of whole rows first, then the last part with the rest of the description (widths, merges,
 * validation, conditional formats, print, names, charts, panes — after the cells, as
 * `queueSheetDescription` orders them). A description that fits is returned alone. A single row
 * over the limit stays one part (Excel will refuse it, and the write is undone).
 */
export function splitDescription(description: SheetDescription, maxBytes = MAX_BATCH_BYTES): SheetDescription[] {
  if (measureDescription(description).bytes <= maxBytes) return [description];
  const byRow = new Map<number, CellSpec[]>();
  for (const cell of description.cells) {
    const row = byRow.get(cell.row);
    if (row === undefined) byRow.set(cell.row, [cell]);
    else row.push(cell);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b).map((row) => byRow.get(row) as CellSpec[]);
  const fits = (from: number, count: number): boolean => measureDescription(cellsOnly(description, rows.slice(from, from + count).flat())).bytes <= maxBytes;
  // Each band: the most rows from `from` whose request fits, measured whole (one 2D array over the
  // band's bounding rectangle, formats per rectangle of the band) — found by doubling, then halving
  // the gap. At least one row.
  const bands: CellSpec[][][] = [];
  for (let from = 0; from < rows.length; ) {
    const left = rows.length - from;
    let good = 1;
    while (good < left && fits(from, Math.min(left, good * 2))) good = Math.min(left, good * 2);
    let bad = Math.min(left, good * 2) + 1;
    if (good === left) bad = good + 1;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (fits(from, mid)) good = mid;
      else bad = mid;
    }
    bands.push(rows.slice(from, from + good));
    from += good;
  }
  return [...bands.map((band) => cellsOnly(description, band.flat())), { ...description, cells: [] }];
}
