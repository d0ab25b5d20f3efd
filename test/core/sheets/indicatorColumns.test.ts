/**
 * Indicator columns in real source sheets: the patch's formulas, evaluated by HyperFormula over
 * the sheet's own cells, colour every unit as the core does, and only target empty cells.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { isBlank, isCellError } from "../../../src/core/cell";
import { cellAt, type SheetGrid } from "../../../src/core/grid";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { indicatorColumnsPatch } from "../../../src/core/sheets/indicatorColumns";
import { readXlsxGrids } from "../../../src/xlsx/read";
import { ALLOWED_FUNCTIONS, functionsIn } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const fixtures = join(__dirname, "../../fixtures/workbooks");

function rawGrid(grid: SheetGrid): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const target = (rows[grid.origin.row + r] ??= []);
      target[grid.origin.col + c] = isCellError(value) ? null : typeof value === "string" ? `'${value}` : value;
    }),
  );
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (v) => v ?? null);
  return rows;
}

describe.each(["eksempel-budget.xlsx", "mio-kr.xlsx", "format-tusinder.xlsx", "graenser-5-procent.xlsx"])("indicatorColumnsPatch on %s", (file) => {
  it("colours every unit like the core, with live formulas in empty cells", async () => {
    const grids = await readXlsxGrids(readFileSync(join(fixtures, file)));
    const scan = scanWorkbook(grids, { policy, file });
    const readings = scan.sheets.filter((s) => s.units.length > 0 && s.explained !== null);
    expect(readings.length).toBeGreaterThan(0);
    for (const reading of readings) {
      const grid = grids.find((g) => g.name === reading.sheet)!;
      const patch = indicatorColumnsPatch(reading, grid, policy);
      const m = patch.mustBeEmpty;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) expect(isBlank(cellAt(grid, r, c))).toBe(true);
      for (const cell of patch.cells) {
        expect(cell.row >= m.top && cell.row <= m.bottom && cell.col >= m.left && cell.col <= m.right).toBe(true);
        if (cell.formula) for (const f of functionsIn(cell.formula)) expect(ALLOWED_FUNCTIONS).toContain(f);
      }
      const raw = rawGrid(grid);
      for (const cell of patch.cells) {
        const row = (raw[cell.row] ??= []);
        row[cell.col] = cell.formula ?? (typeof cell.value === "string" ? `'${cell.value}` : (cell.value ?? null));
      }
      const hf = HyperFormula.buildFromSheets({ S: raw.map((r) => Array.from(r ?? [], (v) => v ?? null)) }, { licenseKey: "gpl-v3" });
      for (const unit of reading.units) {
        const at = (col: number) => hf.getCellValue({ sheet: 0, row: unit.row - 1, col });
        const indicator = at(m.left + 1);
        if (unit.assessment === null) {
          expect(indicator === "" || typeof indicator === "string").toBe(true);
          continue;
        }
        expect(indicator, `${file} ${unit.name}`).toBe(unit.assessment.indicator);
        expect(at(m.left + 2)).toBe(unit.assessment.requirementText);
        expect(at(m.left) as number).toBeCloseTo(unit.assessment.deficitFraction, 9);
      }
    }
  });
});

describe("indicatorColumnsPatch on a sheet whose sign cannot be told", () => {
  it("refuses formulas that would add overført with an assumed sign; a chosen sign or no overført writes them", () => {
    const rows = [
      ["Enhed", "Budget", "Regnskab", "Overført", "Mer-/mindreforbrug"],
      ["X", 100, 100, 5, 5],
      ["Y", 100, 100, 0, 0],
    ];
    const grid: SheetGrid = { name: "Ark", origin: { row: 0, col: 0 }, values: rows };
    const unknown = scanWorkbook([grid], { policy }).sheets[0]!;
    expect(() => indicatorColumnsPatch(unknown, grid, policy)).toThrow(/Arket "Ark": Fortegnet er ukendt: .*overført kan ikke regnes med i formlerne\. Vælg fortegnet under Kolonner/);
    const chosen = scanWorkbook([grid], { policy, overrides: { Ark: { signConvention: "plus-is-surplus" } } }).sheets[0]!;
    expect(indicatorColumnsPatch(chosen, grid, policy).cells.some((c) => c.formula?.includes("+-D2") === true)).toBe(true);
    const withoutCarried = { ...policy, includeCarried: false };
    expect(indicatorColumnsPatch(unknown, grid, withoutCarried).cells.length).toBeGreaterThan(0);
  });
});

describe("indicatorColumnsPatch on a sheet with a column that looks like overført", () => {
  it("refuses while the column is unclear; choosing the overført column writes the formulas with it", () => {
    const grid: SheetGrid = { name: "Ark", origin: { row: 0, col: 0 }, values: [["Navn", "Budget", "Forbrug", "Gæld"], ["X", 1000, 1000, 80], ["Y", 1000, 1010, 0]] };
    const unclear = scanWorkbook([grid], { policy }).sheets[0]!;
    expect(() => indicatorColumnsPatch(unclear, grid, policy)).toThrow(/Arket "Ark": kolonne D \("Gæld"\) ligner overført.*Vælg overført-kolonnen/);
    const chosen = scanWorkbook([grid], { policy, overrides: { Ark: { columns: { carried: "D" } } } }).sheets[0]!;
    expect(indicatorColumnsPatch(chosen, grid, policy).cells.some((c) => c.formula?.includes("+D2") === true)).toBe(true);
  });
});
