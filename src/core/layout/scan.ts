/**
 * Reading a whole workbook: layout detection per sheet (with the user's corrections), then units
 * and assessments. Never throws on any grid.
 */
import type { SheetGrid } from "../grid";
import type { Policy } from "../policy";
import { because, reason } from "../reason";
import type { ExplainedMapping, SheetMapping, SheetReading, SkippedRow, UnitRecord } from "../unit";
import { detectLayout, type DetectionHints } from "./detect";
import { detectPeriod } from "./period";
import { readUnits } from "./readUnits";

/** Options of a scan. */
export interface ScanOptions {
  readonly policy: Policy;
  /** User corrections by sheet name: any part given replaces detection's choice. */
  readonly overrides?: Readonly<Record<string, Partial<SheetMapping>>>;
  /** Only these sheets (default: every visible sheet). */
  readonly sheets?: readonly string[];
  /** Source file name, copied into every record (CLI). */
  readonly file?: string;
  /** `--regnskabsaar`: the budget year of every sheet, whatever the sheets say. */
  readonly budgetYear?: number;
  /** Today: only for the default budget year of a sheet that states none (a guess). */
  readonly now?: Date;
}

/** The reading of a workbook. */
export interface WorkbookScan {
  readonly sheets: readonly SheetReading[];
  /** All units of all sheets, in sheet and row order. */
  readonly units: readonly UnitRecord[];
  readonly skipped: readonly SkippedRow[];
}

/** Reads every sheet. Never throws on any grid. */
export function scanWorkbook(grids: readonly SheetGrid[], options: ScanOptions): WorkbookScan {
  const sheets: SheetReading[] = [];
  const wanted = options.sheets === undefined ? undefined : new Set(options.sheets.map((s) => s.trim().toLowerCase()));
  for (const grid of grids) {
    const name = typeof grid?.name === "string" ? grid.name : "";
    if (wanted !== undefined ? !wanted.has(name.trim().toLowerCase()) : grid.visibility === "hidden" || grid.visibility === "veryHidden") {
      continue;
    }
    sheets.push(scanSheet(grid, options, options.overrides?.[name]));
  }
  // One sheet (the common case): its arrays as they are, no copy of 100.000 records.
  const only = sheets.length === 1 ? sheets[0] : undefined;
  return {
    sheets,
    units: only !== undefined ? only.units : sheets.flatMap((s) => s.units),
    skipped: only !== undefined ? only.skipped : sheets.flatMap((s) => s.skipped),
  };
}

/** Reads one sheet: detection (steered by `override`), then the units. Never throws. */
export function scanSheet(
  grid: SheetGrid,
  options: Pick<ScanOptions, "policy" | "file" | "budgetYear" | "now">,
  override?: Partial<SheetMapping>,
): SheetReading {
  const fileField = options.file === undefined ? {} : { file: options.file };
  try {
    const hints: DetectionHints = override === undefined ? {} : stripSheet(override);
    const detection = detectLayout(grid, hints);
    if (detection.explained === null) {
      return {
        sheet: grid.name,
        explained: null,
        units: [],
        skipped: [{ ...fileField, sheet: grid.name, row: 0, reason: detection.reason, why: detection.why }],
      };
    }
    const explained: ExplainedMapping = detection.explained;
    const { units, skipped, warnings } = readUnits(grid, explained.mapping, options.policy, options.file, {
      signUnknown: explained.signDoubt,
      carriedUnclear: explained.carriedUnclear,
    });
    if (units.length === 0) {
      skipped.push({ ...fileField, sheet: grid.name, row: 0, ...because(reason("sheet-no-units")) });
    }
    const period = detectPeriod(grid, explained, {
      now: options.now ?? new Date(),
      ...(units.length > 0 ? { lastUnitRow: (units[units.length - 1] as UnitRecord).row } : {}),
      ...(override?.period !== undefined ? { override: override.period } : {}),
      ...(options.budgetYear !== undefined ? { flagYear: options.budgetYear } : {}),
    });
    return warnings.length > 0 ? { sheet: grid.name, explained, units, skipped, warnings, period } : { sheet: grid.name, explained, units, skipped, period };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      sheet: String(grid?.name ?? ""),
      explained: null,
      units: [],
      skipped: [{ ...fileField, sheet: String(grid?.name ?? ""), row: 0, ...because(reason("sheet-read-failed", { message })) }],
    };
  }
}

function stripSheet(override: Partial<SheetMapping>): DetectionHints {
  const { sheet: _sheet, ...rest } = override;
  return rest;
}
