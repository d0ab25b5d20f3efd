/**
 * The base of the in-memory Office.js: the errors Office.js raises, the strictness that makes an
 * unknown member throw, `FakeObject` (the client-object base: lazy resolution at sync, load/sync
 * bookkeeping, null objects), load parsing, and the A1 address helpers the object families share.
 * Imports no other object family (only the model, and the request context as a type), so every
 * `class X extends FakeObject` module can import it without an ES-module cycle.
 */
import type { CellRange } from "../core/grid";
import { columnIndex, quoteSheetName, rangeAddress } from "../core/grid";
import { MAX_COLUMNS, MAX_ROWS, SheetModel, WorkbookModel } from "./model";
import type { FakeRequestContext } from "./application";
import REQUIREMENT_TABLE from "./requirementSets.json";

/** An error as Office.js raises it (`OfficeExtension.Error`: a `code` and a message). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

/** A mistake in the calling code that Office.js would also reject (unknown member, bad argument). */
export class FakeApiMisuse extends TypeError {
  constructor(message: string) {
    super(`FakeExcel: ${message}`);
    this.name = "FakeApiMisuse";
  }
}


/** Keys that runtimes and test printers probe; reading them is not a call into Office.js. */
export const PROBED_KEYS = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "_isMockFunction",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "inspect",
  "toString",
  "valueOf",
]);

export function hasSetter(target: object, prop: string): boolean {
  let proto: object | null = target;
  while (proto !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (descriptor !== undefined) return descriptor.set !== undefined || (descriptor.writable === true && prop.startsWith("_"));
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return prop.startsWith("_");
}

/** The highest ExcelApi version the typings know (the fake's default). */
export const NEWEST_EXCEL_API: string = (REQUIREMENT_TABLE as Record<string, string>).$newest ?? "1.1";

/** "1.13" vs "1.9", numerically by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whatever holds the workbook's configured sets: a request context or an object of one. */
interface HasSets {
  readonly _fake?: { readonly requirementSets: Readonly<Record<string, string>> };
  readonly _ctx?: HasSets;
}

/**
 * Refuses a member above the workbook's configured ExcelApi version, as Excel does (there:
 * `ApiNotFound` at the sync; here at the call, which fails the same batch). The versions are the
 * `[Api set]` annotations of @types/office-js (requirementSets.json, generated).
 */
function checkRequirement(obj: object, typeName: string, prop: string): void {
  const needed = (REQUIREMENT_TABLE as Record<string, string>)[`${typeName}.${prop}`];
  if (needed === undefined) return;
  const holder = obj as HasSets;
  const sets = holder._fake?.requirementSets ?? holder._ctx?._fake?.requirementSets;
  const configured = sets?.ExcelApi ?? NEWEST_EXCEL_API;
  if (compareVersions(needed, configured) > 0) {
    throw new FakeOfficeError(
      "ApiNotFound",
      `The API you are trying to use could not be found. It may be available in a newer version of Excel (${typeName}.${prop} needs ExcelApi ${needed}; this workbook has ${configured}).`,
      `${typeName}.${prop}`,
    );
  }
}

/**
 * What a request context counts of its request (the JSON Office.js sends at `sync()`): every
 * property set and method call the add-in makes, as {@link REQUEST_ACTION_BYTES} plus the JSON of
 * its value or arguments. Calls the fake makes inside such a call (`depth` > 0) are not the
 * add-in's and are not counted. Measured only while the workbook has a request limit.
 */
interface RequestMeter {
  readonly _fake?: { readonly requestPayloadLimit: number | undefined };
  _requestBytes: number;
  _requestDepth: number;
}

/**
 * Bytes counted per set or call around its JSON (Office.js wraps each in an action with ids and
 * names; ≈ 60–90 bytes). Deliberately the fake's own figure, not the port's estimate
 * (`src/excel/payload.ts`), so the port's measure is checked against something independent.
 */
export const REQUEST_ACTION_BYTES = 64;

const requestEncoder = new TextEncoder();

function requestJsonBytes(value: unknown): number {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof FakeObject ? { ObjectPathId: 0 } : v));
  return text === undefined ? 0 : requestEncoder.encode(text).length;
}

function meterOf(obj: object): RequestMeter | undefined {
  const holder = obj as { _ctx?: RequestMeter } & Partial<RequestMeter>;
  const meter = holder._ctx ?? (holder._requestBytes === undefined ? undefined : (holder as RequestMeter));
  return meter?._fake?.requestPayloadLimit === undefined ? undefined : meter;
}

/** Wraps an object so that reading an unknown member or setting a read-only one throws. */
export function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === "string" && prop in obj) checkRequirement(obj, typeName, prop);
      if (typeof prop === "symbol" || prop in obj) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        const meter = typeof value === "function" && typeof prop === "string" && !prop.startsWith("_") && prop !== "constructor" && prop !== "sync" ? meterOf(obj) : undefined;
        if (meter === undefined) return value;
        const method = value as (...args: unknown[]) => unknown;
        return function measured(this: unknown, ...args: unknown[]): unknown {
          if (meter._requestDepth === 0) meter._requestBytes += REQUEST_ACTION_BYTES + requestJsonBytes(args);
          meter._requestDepth++;
          try {
            return method.apply(this, args);
          } finally {
            meter._requestDepth--;
          }
        };
      }
      if (PROBED_KEYS.has(prop)) return undefined;
      throw new FakeApiMisuse(`${typeName}.${prop} does not exist (not in Office.js, or not in the fake's subset)`);
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === "string" && hasSetter(obj, prop)) {
        if (!prop.startsWith("_")) {
          checkRequirement(obj, typeName, prop);
          const meter = meterOf(obj);
          if (meter !== undefined && meter._requestDepth === 0) meter._requestBytes += REQUEST_ACTION_BYTES + requestJsonBytes(value);
        }
        return Reflect.set(obj, prop, value, receiver);
      }
      throw new FakeApiMisuse(`${typeName}.${String(prop)} cannot be set`);
    },
  });
}

export type PropTable<M> = Record<string, { read?: (model: M, self: never) => unknown; write?: (model: M, value: never, self: never) => void }>;

export function make<T extends { readonly _typeName: string }>(object: T): T {
  return strict(object, object._typeName);
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

export function notLoaded(typeName: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );
}

/** Base of every proxy: lazy resolution at sync, load/sync bookkeeping, null objects. */
export abstract class FakeObject<M> {
  readonly _ctx: FakeRequestContext;
  readonly _resolver: () => M | null;
  readonly _nullable: boolean;
  _resolved: { model: M | null } | undefined;
  readonly _loaded = new Map<string, unknown>();
  abstract readonly _typeName: string;

  constructor(ctx: FakeRequestContext, resolver: () => M | null, nullable = false) {
    this._ctx = ctx;
    this._resolver = resolver;
    this._nullable = nullable;
    if (nullable) {
      ctx._enqueue(`${new.target.name.replace(/^Fake/, "")}.isNullObject`, () => ctx._stage(this, "isNullObject", this._modelOrNull() === null), false);
    }
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (!this._loaded.has("isNullObject")) throw notLoaded(this._typeName, "isNullObject");
    return this._loaded.get("isNullObject") === true;
  }

  /** The object's properties, defined by each subclass. */
  _table(): PropTable<M> {
    return (this.constructor as unknown as { props: PropTable<M> }).props;
  }

  _modelOrNull(): M | null {
    if (this._resolved === undefined) this._resolved = { model: this._resolver() };
    return this._resolved.model;
  }

  _model(): M {
    const model = this._modelOrNull();
    if (model === null) {
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this._typeName} is a null object).`, this._typeName);
    }
    return model;
  }

  _get(name: string): unknown {
    if (!this._loaded.has(name)) {
      if (this._loaded.get("isNullObject") === true) {
        throw new FakeOfficeError("InvalidObjectPath", `${this._typeName} is a null object: '${name}' cannot be read.`);
      }
      throw notLoaded(this._typeName, name);
    }
    return this._loaded.get(name);
  }

  _set(name: string, value: unknown): void {
    const def = this._table()[name];
    if (def?.write === undefined) throw new FakeApiMisuse(`${this._typeName}.${name} is read-only`);
    const copy = clone(value);
    this._ctx._enqueue(`${this._typeName}.${name}`, () => (def.write as (m: M, v: unknown, s: unknown) => void)(this._model(), copy, this));
  }

  _call(name: string, run: (model: M) => void): void {
    this._ctx._enqueue(`${this._typeName}.${name}`, () => run(this._model()));
  }

  load(spec?: string | string[] | { select?: string }): this {
    const names = parseLoad(spec) ?? Object.keys(this._table()).filter((n) => this._table()[n]?.read !== undefined);
    for (const name of names) {
      if (this._table()[name]?.read === undefined) throw new FakeApiMisuse(`${this._typeName} has no loadable property '${name}'`);
    }
    this._ctx._enqueue(
      `${this._typeName}.load`,
      () => {
        const model = this._modelOrNull();
        if (model === null) return;
        for (const name of names) {
          const read = this._table()[name]?.read as (m: M, s: unknown) => unknown;
          this._ctx._stage(this, name, clone(read(model, this)));
        }
      },
      false,
    );
    return this;
  }
}

export function parseLoad(spec: string | string[] | { select?: string } | undefined): string[] | undefined {
  if (spec === undefined) return undefined;
  const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const name of names) {
    if (name.includes("/")) throw new FakeApiMisuse(`navigational load '${name}' is not supported: load the object itself`);
  }
  return names;
}

/** Installs property accessors from each class's `props` table. */
export function install(cls: { prototype: object; props: PropTable<never> }): void {
  for (const [name, def] of Object.entries(cls.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject<unknown>) {
        return this._get(name);
      },
      ...(def.write === undefined
        ? {}
        : {
            set(this: FakeObject<unknown>, value: unknown) {
              this._set(name, value);
            },
          }),
    });
  }
}

/** Loads of a collection: "items", "name", "items/name" → item property names. */
export function parseCollectionLoad(spec: string | string[] | { select?: string } | undefined, itemProps: readonly string[]): string[] {
  const text = spec === undefined ? "items" : typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = new Set<string>();
  for (const raw of text.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    if (raw === "items") {
      for (const p of itemProps) names.add(p);
      continue;
    }
    const name = raw.startsWith("items/") ? raw.slice("items/".length) : raw;
    if (!itemProps.includes(name)) throw new FakeApiMisuse(`collection items have no loadable property '${name}'`);
    names.add(name);
  }
  return [...names];
}


export function accessDenied(location: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    location,
  );
}

export function invalidArgument(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, location);
}

export function assertStructureEditable(wb: WorkbookModel, location: string): void {
  if (wb.structureProtected) {
    throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected. Unprotect the workbook to add, delete, move or rename sheets.", location);
  }
}

export function assertLive(sheet: SheetModel): SheetModel {
  if (sheet.deleted) throw new FakeOfficeError("InvalidObjectPath", `The worksheet '${sheet.name}' no longer exists.`);
  return sheet;
}


export interface Target {
  readonly sheet: SheetModel;
  readonly rects: readonly CellRange[];
}

export const A1 = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses "B5", "B5:D9", "$B$5", "C:E", "3:7" (an optional sheet prefix is dropped). */
export function parseA1Range(address: string): CellRange {
  const text = address.trim().replace(/^(?:'(?:[^']|'')+'|[^'!]+)!/, "");
  const [startText, endText = startText] = text.split(":") as [string, string?];
  const start = A1.exec(startText ?? "");
  const end = A1.exec(endText ?? "");
  if (start === null || end === null || (start[1] === undefined && start[2] === undefined)) {
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format (address '${address}').`);
  }
  const colOf = (m: RegExpExecArray, fallback: number) => (m[1] === undefined ? fallback : columnIndex(m[1]));
  const rowOf = (m: RegExpExecArray, fallback: number) => (m[2] === undefined ? fallback : Number(m[2]) - 1);
  const rect = {
    top: rowOf(start, 0),
    left: colOf(start, 0),
    bottom: rowOf(end, MAX_ROWS - 1),
    right: colOf(end, MAX_COLUMNS - 1),
  };
  if ((start[1] === undefined) !== (end[1] === undefined) || (start[2] === undefined) !== (end[2] === undefined)) {
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format (address '${address}').`);
  }
  return normalize(rect);
}

export function normalize(r: CellRange): CellRange {
  const out = {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
  if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLUMNS) {
    throw invalidArgument("The range is outside the worksheet.");
  }
  return out;
}

/** "Sheet1!A1:B2" as Excel writes it. */
export function fullAddress(sheet: SheetModel, rect: CellRange): string {
  const allRows = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  const allCols = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  let local: string;
  if (allRows && !allCols) {
    local = `${rangeAddress({ ...rect, top: 0, bottom: 0 }).replace(/\d+/g, "")}`;
    if (!local.includes(":")) local = `${local}:${local}`;
  } else if (allCols && !allRows) {
    local = `${rect.top + 1}:${rect.bottom + 1}`;
  } else {
    local = rangeAddress(rect);
  }
  return `${quoteSheetName(sheet.name)}!${local}`;
}

export function rectCells(rect: CellRange, limit = 2_000_000): number {
  const n = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  if (n > limit) throw new FakeApiMisuse(`a per-cell operation over ${n} cells is more than the fake supports`);
  return n;
}

export function forEachCell(rect: CellRange, fn: (row: number, col: number) => void): void {
  rectCells(rect);
  for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) fn(row, col);
}

export function sameShape(value: unknown, rect: CellRange, location: string): unknown[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw invalidArgument("The number of rows or columns in the input array doesn't match the size or dimensions of the range.", location);
  }
  return value as unknown[][];
}

export const COLOR = /^#[0-9A-Fa-f]{6}$/;
export function checkColor(v: unknown, location: string): string {
  if (typeof v !== "string" || !COLOR.test(v)) throw invalidArgument(`The colour '${String(v)}' is not a #RRGGBB colour (the fake accepts no colour names).`, location);
  return v.toUpperCase();
}
