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
import type { SheetDescription } from "../core/sheetDescription";
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
