/**
 * The workbook as the task pane knows it: the grids read through the port, the policy and the
 * column corrections saved in the workbook, and the scan made from them. One hook,
 * {@link useWorkbookModel}, owns it; pages get it from `useWorkbook()`.
 *
 * The scan (layout detection and assessment, `src/core/layout`) is not part of the first paint:
 * it is fetched with `import()` at the moment the read starts, in parallel with the port's reads,
 * so it is there by the time the grids are.
 */
import { defaultBudgetYear, periodOverrideFromJson, statedBudgetYear } from "../../core/layout/period";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SourceScan } from "../../core/ownSheets";
import { DEFAULT_POLICY, policyFromJson, type Policy } from "../../core/policy";
import { readPlanRegistry, SETTING_KEYS, type WorkbookPort } from "../../core/ports";
import type { SheetGrid } from "../../core/grid";
import type { SheetMapping, UnitRecord } from "../../core/unit";
import { changedUnits, rowRequests } from "./freshness";

/** Problems with what the workbook had saved (shown as warnings; defaults are used instead). */
export type SavedStateWarning = "policyInvalid" | "mappingInvalid";

/** What the pages see. */
export interface WorkbookModel {
  readonly status: "loading" | "ready" | "failed";
  /** True while "Opdatér" re-reads a workbook already shown. */
  readonly refreshing: boolean;
  readonly grids: readonly SheetGrid[];
  /** The source sheets' scan; Budgetlys' own sheets (Oversigt, plans) are left out and listed in `ownSheets`. */
  readonly scan: SourceScan | null;
  readonly policy: Policy;
  /** The user's corrections by sheet, as saved in the workbook. */
  readonly overrides: Readonly<Record<string, SheetMapping>>;
  /** Generated plan sheets by "kind|unitKey". */
  readonly plans: Readonly<Record<string, string>>;
  readonly warnings: readonly SavedStateWarning[];
  /** When the sheets were last read (shown on generated plans). */
  readonly readAt: Date;
  /**
   * The budget year of the figures: the user's choice, else the year the sheets state, else a
   * guess for `readAt` (January–April: last year). Instalments start the year after.
   */
  readonly accountsYear: number;
  /** True while `accountsYear` is only a guess (no sheet states a year): confirm before writing. */
  readonly accountsYearGuessed: boolean;
  /** Sets the regnskabsår for the plans of this session (null: back to the default). */
  setAccountsYear(year: number | null): void;
  /**
   * True when a source sheet changed after the figures were read (the host's change event, or a
   * re-read before a write that found other values): every page then says "Tallene er ændret —
   * Opdatér", and nothing is written from the old figures.
   */
  readonly stale: boolean;
  /**
   * Reads the source rows of `units` again (one read, whatever their number) and answers the ones
   * whose row changed since the figures were read; any change marks the figures stale. Throws when
   * the port fails.
   */
  changedSinceRead<U extends UnitRecord>(units: readonly U[]): Promise<U[]>;
  /** Why the last read failed, when `status` is "failed". */
  readonly error: unknown;
  /** Re-reads settings and sheets and scans again. Never throws. */
  refresh(): Promise<void>;
  /** Saves a policy (null: back to the default) and re-assesses. Throws when the port fails. */
  savePolicy(policy: Policy | null): Promise<void>;
  /** Saves one sheet's corrected mapping (null: remove it) and re-scans. Throws when the port fails. */
  saveMapping(sheet: string, mapping: SheetMapping | null): Promise<void>;
  /** Remembers a generated plan sheet (best effort: a failure here loses nothing). */
  recordPlan(key: string, sheetName: string): Promise<void>;
}

interface Snapshot {
  readonly grids: readonly SheetGrid[];
  readonly scan: SourceScan | null;
  readonly policy: Policy;
  readonly overrides: Readonly<Record<string, SheetMapping>>;
  readonly plans: Readonly<Record<string, string>>;
  readonly warnings: readonly SavedStateWarning[];
  readonly readAt: Date;
}

const EMPTY: Snapshot = { grids: [], scan: null, policy: DEFAULT_POLICY, overrides: {}, plans: {}, warnings: [], readAt: new Date(0) };

function parseJsonObject(text: string | null): Record<string, unknown> | null | "invalid" {
  if (text === null || text.trim() === "") return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : "invalid";
  } catch {
    return "invalid";
  }
}

/** The saved policy; the default (with a warning) when it is missing or invalid. */
export function readSavedPolicy(text: string | null): { policy: Policy; invalid: boolean } {
  const json = parseJsonObject(text);
  if (json === null) return { policy: DEFAULT_POLICY, invalid: false };
  if (json === "invalid") return { policy: DEFAULT_POLICY, invalid: true };
  try {
    return { policy: policyFromJson(json), invalid: false };
  } catch {
    return { policy: DEFAULT_POLICY, invalid: true };
  }
}

function isMapping(value: unknown): value is SheetMapping {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.sheet === "string" &&
    typeof m.headerRow === "number" &&
    typeof m.columns === "object" &&
    m.columns !== null &&
    (m.unit === "kr" || m.unit === "tkr" || m.unit === "mkr") &&
    (m.signConvention === "plus-is-deficit" || m.signConvention === "plus-is-surplus")
  );
}

/** The saved corrections; entries that are not mappings are dropped (with a warning). */
export function readSavedMappings(text: string | null): { overrides: Record<string, SheetMapping>; invalid: boolean } {
  const json = parseJsonObject(text);
  if (json === null) return { overrides: {}, invalid: false };
  if (json === "invalid") return { overrides: {}, invalid: true };
  const overrides: Record<string, SheetMapping> = {};
  let invalid = false;
  for (const [sheet, mapping] of Object.entries(json)) {
    if (!isMapping(mapping)) {
      invalid = true;
      continue;
    }
    // The period is checked by the command line's parser (one shape for both); a malformed one is left out.
    if (mapping.period !== undefined && typeof periodOverrideFromJson(mapping.period, "period") === "string") {
      const { period: _malformed, ...rest } = mapping;
      overrides[sheet] = rest;
      invalid = true;
    } else overrides[sheet] = mapping;
  }
  return { overrides, invalid };
}

type ScanSources = typeof import("../../core/ownSheets").scanSources;
let scanLoader: Promise<ScanSources> | null = null;

/**
 * The scan function, loaded once (its chunk is fetched on the first call): core's `scanSources`,
 * which leaves the sheets Budgetlys wrote itself out, as the command line does.
 */
export function loadScan(): Promise<ScanSources> {
  scanLoader ??= import("../../core/ownSheets").then((m) => m.scanSources);
  // A failed chunk load may be retried by the next read.
  scanLoader.catch(() => {
    scanLoader = null;
  });
  return scanLoader;
}

async function scanOf(snapshot: Snapshot, policy: Policy, overrides: Readonly<Record<string, SheetMapping>>): Promise<SourceScan> {
  const scanSources = await loadScan();
  return scanSources(snapshot.grids, { policy, overrides, registry: snapshot.plans });
}

/** Owns the workbook state of one task pane; reads the workbook once on mount. */
export function useWorkbookModel(port: WorkbookPort): WorkbookModel {
  const [snapshot, setSnapshot] = useState<Snapshot>(EMPTY);
  const [status, setStatus] = useState<WorkbookModel["status"]>("loading");
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const generation = useRef(0);
  const [stale, setStale] = useState(false);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setRefreshing(true);
    // Started now, awaited after the reads: the scan's chunk loads while the workbook is read.
    const scanner = loadScan();
    scanner.catch(() => undefined);
    try {
      const [policyText, mappingsText, plansText] = await Promise.all([
        port.getSetting(SETTING_KEYS.policy),
        port.getSetting(SETTING_KEYS.mappings),
        port.getSetting(SETTING_KEYS.plans),
      ]);
      const grids = await port.readSheets();
      const { policy, invalid: policyInvalid } = readSavedPolicy(policyText);
      const { overrides, invalid: mappingInvalid } = readSavedMappings(mappingsText);
      const plans = readPlanRegistry(plansText);
      const scanSources = await scanner;
      const scan = scanSources(grids, { policy, overrides, registry: plans });
      if (mine !== generation.current) return;
      const warnings: SavedStateWarning[] = [];
      if (policyInvalid) warnings.push("policyInvalid");
      if (mappingInvalid) warnings.push("mappingInvalid");
      setSnapshot({ grids, scan, policy, overrides, plans, warnings, readAt: new Date() });
      setStale(false);
      setError(null);
      setStatus("ready");
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(caught);
      // A failed re-read keeps what is shown; only a failed first read has nothing to show.
      setStatus((previous) => (previous === "ready" ? "ready" : "failed"));
    } finally {
      if (mine === generation.current) setRefreshing(false);
    }
  }, [port]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Listen to edits of the sheets the units come from (not the generated plans, which the user fills
  // in): a change shows "Tallene er ændret — Opdatér". A new reading listens anew.
  useEffect(() => {
    const sheets = (snapshot.scan?.sheets ?? []).filter((reading) => reading.explained !== null).map((reading) => reading.sheet);
    if (sheets.length === 0) return undefined;
    let stop: (() => Promise<void>) | null = null;
    let ended = false;
    void port
      .watchSheets(sheets, () => {
        if (!ended) setStale(true);
      })
      .then((stopper) => {
        if (ended) void stopper?.();
        else stop = stopper;
      }, () => undefined);
    return () => {
      ended = true;
      void stop?.();
    };
  }, [port, snapshot.scan]);

  const changedSinceRead = useCallback(
    async <U extends UnitRecord>(units: readonly U[]): Promise<U[]> => {
      if (units.length === 0) return [];
      const grids = latest.current.grids;
      const current = await port.readRanges(rowRequests(grids, units));
      const changed = changedUnits(grids, units, current);
      if (changed.length > 0) setStale(true);
      return changed;
    },
    [port],
  );

  const savePolicy = useCallback(
    async (policy: Policy | null) => {
      await port.setSetting(SETTING_KEYS.policy, policy === null ? null : JSON.stringify(policy));
      const current = latest.current;
      const next = policy ?? DEFAULT_POLICY;
      const scan = await scanOf(current, next, current.overrides);
      setSnapshot({
        ...current,
        policy: next,
        scan,
        warnings: current.warnings.filter((w) => w !== "policyInvalid"),
      });
    },
    [port],
  );

  const saveMapping = useCallback(
    async (sheet: string, mapping: SheetMapping | null) => {
      const current = latest.current;
      const overrides: Record<string, SheetMapping> = { ...current.overrides };
      if (mapping === null) delete overrides[sheet];
      else overrides[sheet] = mapping;
      const json = Object.keys(overrides).length === 0 ? null : JSON.stringify(overrides);
      await port.setSetting(SETTING_KEYS.mappings, json);
      const scan = await scanOf(current, current.policy, overrides);
      setSnapshot({
        ...current,
        overrides,
        scan,
        warnings: current.warnings.filter((w) => w !== "mappingInvalid"),
      });
    },
    [port],
  );

  // The port records every written sheet in the workbook's plan registry itself (see
  // WorkbookWriter.writeSheet); here the pane only remembers it for its links.
  const recordPlan = useCallback(async (key: string, sheetName: string) => {
    setSnapshot((current) => ({ ...current, plans: { ...current.plans, [key]: sheetName } }));
  }, []);

  const [chosenAccountsYear, setAccountsYear] = useState<number | null>(null);
  const statedYear = snapshot.scan === null ? undefined : statedBudgetYear(snapshot.scan.sheets);
  const accountsYear = chosenAccountsYear ?? statedYear ?? defaultBudgetYear(snapshot.readAt.getTime() === 0 ? new Date() : snapshot.readAt);
  const accountsYearGuessed = chosenAccountsYear === null && statedYear === undefined;

  return useMemo(
    () => ({
      ...snapshot,
      accountsYear,
      accountsYearGuessed,
      setAccountsYear,
      status,
      refreshing,
      stale,
      changedSinceRead,
      error,
      refresh,
      savePolicy,
      saveMapping,
      recordPlan,
    }),
    [snapshot, accountsYear, accountsYearGuessed, status, refreshing, stale, changedSinceRead, error, refresh, savePolicy, saveMapping, recordPlan],
  );
}
