// @vitest-environment jsdom
/**
 * One plan set, two hosts: the Oversigt the command line writes (`budgetlys plan --all`:
 * `plansFor` → `workbookSheets`) and the one the task pane writes ("Alle planer" on a workbook
 * port) are the same sheet, cell for cell — also when unit numbers and names repeat.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import { workbookSheets } from "../../src/cli/plan";
import type { SheetGrid } from "../../src/core/grid";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { defaultBudgetYear, guessedSheets, workbookPeriodSentence } from "../../src/core/layout/period";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { formatReadAt } from "../../src/core/sheets/planContext";
import { plansFor } from "../../src/core/sheets/plansFor";
import { oversigtColumns } from "../../src/core/sheets/oversigtLayout";
import { budgetGrid, careGrid } from "./grids";
import { renderTaskpane } from "./render";

const NOW = new Date(2026, 4, 31, 14, 3);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Repeated unit numbers and names, across and within sheets; a unit without figures. */
function duplicateGrids(): SheetGrid[] {
  const header = ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
  return [
    {
      name: "Dagtilbud",
      origin: { row: 0, col: 0 },
      values: [
        header,
        ["73000202101", "Solstrålen", 1000000, 1100000, 0],
        ["73000202101", "Solstrålen", 1000000, 1030000, 0],
        [null, "Mælkebøtten", 1000000, 1100000, 0],
        [null, "Mælkebøtten", 1000000, 900000, 0],
        ["73000202109", "Mælkebøtten", 1000000, 1000000, 0],
        ["73000202110", "Nulhuset", 0, 1000, 0],
      ],
    },
    {
      name: "Skoler",
      origin: { row: 0, col: 0 },
      values: [header, ["73000202101", "Solstrålen", 1000000, 1100000, 0], [null, "Mælkebøtten", 2000000, 2100000, 0]],
    },
  ];
}

/**
 * The command line's Oversigt for the grids (what `budgetlys plan --all --regnskabsaar YEAR` writes
 * first; without the flag it refuses sheets that state no year).
 */
function cliOversigt(grids: SheetGrid[], year: number): SheetDescription {
  const scan = scanWorkbook(grids, { policy: DEFAULT_POLICY, budgetYear: year });
  expect(guessedSheets(scan.sheets)).toEqual([]);
  const readAt = formatReadAt(NOW);
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: year, readAt, select: "all", afviklingsplan: "inline" });
  const [oversigt] = workbookSheets(scan.units, set, DEFAULT_POLICY, readAt, workbookPeriodSentence(scan.sheets));
  return oversigt as SheetDescription;
}

/** The task pane's Oversigt for the grids: "Opret alle planer og Oversigt" on a fresh workbook. */
async function paneOversigt(grids: SheetGrid[], guessedYear: boolean): Promise<{ oversigt: SheetDescription; plans: string[] }> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  const rendered = await renderTaskpane(grids);
  await rendered.user.click(screen.getByRole("tab", { name: "Planer" }));
  // Nothing is written from a guess: where no sheet states the year, the user confirms it first.
  if (guessedYear) await rendered.user.click(await screen.findByRole("button", { name: `Bekræft ${NOW.getFullYear()}` }));
  await rendered.user.click(await screen.findByRole("button", { name: "Opret alle planer og Oversigt" }));
  await screen.findByRole("list", { name: "Skrevet" });
  const oversigt = rendered.port.sheets.find((s) => s.description.kind === "oversigt");
  expect(oversigt, "the pane wrote no Oversigt").toBeDefined();
  return { oversigt: (oversigt as { description: SheetDescription }).description, plans: rendered.port.sheets.filter((s) => s.description.kind !== "oversigt").map((s) => s.name) };
}

/** Every cell of the plan column (column L) below the header, as text. */
function planColumn(sheet: SheetDescription): string[] {
  return sheet.cells.filter((c) => c.col === oversigtColumns(false).plan && c.row > 0).map((c) => String(c.value ?? c.formula ?? ""));
}

describe("the plan set's Oversigt is the same from the command line and the task pane", () => {
  it.each([
    // The first sheet states budgetår 2024, which the pane uses for the workbook.
    ["two sheets, every colour and a unit without figures", () => [budgetGrid(), careGrid()], 2024, false],
    ["repeated unit numbers and names (no year on the sheets: confirmed)", duplicateGrids, defaultBudgetYear(NOW), true],
  ])("%s", async (_name, grids, year, guessedYear) => {
    const cli = cliOversigt(grids(), year);
    const { oversigt: pane, plans } = await paneOversigt(grids(), guessedYear);
    expect(pane.cells).toEqual(cli.cells);
    expect(pane).toEqual(cli);
    // Each unit that needs a plan links to its own plan sheet: no two units share one.
    const linked = cli.cells.flatMap((c) => (c.link === undefined ? [] : [c.value]));
    expect(new Set(linked).size).toBe(linked.length);
    expect([...linked].sort()).toEqual([...plans].sort());
    // Units without a plan say why, in both hosts.
    expect(planColumn(cli)).toContain("Ingen plan");
    expect(planColumn(cli).some((text) => text.startsWith("Ikke vurderet: "))).toBe(true);
  });
});
