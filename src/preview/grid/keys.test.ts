import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { afterCommit, gridKeyAction, type GridKey } from "./keys";

const key = (k: string, mods: Partial<GridKey> = {}): GridKey => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const at = { row: 10, col: 3 };

describe("the grid's keys", () => {
  it("arrows, Enter and Shift+Enter move one cell", () => {
    expect(gridKeyAction(key("ArrowDown"), at, 20)).toEqual({ kind: "move", to: { row: 11, col: 3 } });
    expect(gridKeyAction(key("ArrowUp"), at, 20)).toEqual({ kind: "move", to: { row: 9, col: 3 } });
    expect(gridKeyAction(key("ArrowRight"), at, 20)).toEqual({ kind: "move", to: { row: 10, col: 4 } });
    expect(gridKeyAction(key("ArrowLeft"), at, 20)).toEqual({ kind: "move", to: { row: 10, col: 2 } });
    expect(gridKeyAction(key("Enter"), at, 20)).toEqual({ kind: "move", to: { row: 11, col: 3 } });
    expect(gridKeyAction(key("Enter", { shiftKey: true }), at, 20)).toEqual({ kind: "move", to: { row: 9, col: 3 } });
  });

  it("Page Up/Down move a page of rows, Home to column A, Ctrl+Home to A1", () => {
    expect(gridKeyAction(key("PageDown"), at, 20)).toEqual({ kind: "move", to: { row: 30, col: 3 } });
    expect(gridKeyAction(key("PageUp"), at, 4)).toEqual({ kind: "move", to: { row: 6, col: 3 } });
    expect(gridKeyAction(key("Home"), at, 20)).toEqual({ kind: "move", to: { row: 10, col: 0 } });
    expect(gridKeyAction(key("Home", { ctrlKey: true }), at, 20)).toEqual({ kind: "move", to: { row: 0, col: 0 } });
  });

  it("F2 edits the cell, Delete and Backspace clear it, a character starts typing, shortcuts are left alone", () => {
    expect(gridKeyAction(key("F2"), at, 20)).toEqual({ kind: "editCell" });
    expect(gridKeyAction(key("Delete"), at, 20)).toEqual({ kind: "clear" });
    expect(gridKeyAction(key("Backspace"), at, 20)).toEqual({ kind: "clear" });
    expect(gridKeyAction(key("ø"), at, 20)).toEqual({ kind: "type", text: "ø" });
    expect(gridKeyAction(key("="), at, 20)).toEqual({ kind: "type", text: "=" });
    expect(gridKeyAction(key("c", { ctrlKey: true }), at, 20)).toBeNull();
    expect(gridKeyAction(key("v", { metaKey: true }), at, 20)).toBeNull();
    expect(gridKeyAction(key("Tab"), at, 20)).toBeNull();
    expect(gridKeyAction(key("Shift", { shiftKey: true }), at, 20)).toBeNull();
  });

  it("never moves above row 1 or left of column A", () => {
    const keys = ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight", "Enter", "PageUp", "PageDown", "Home"];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.boolean(), fc.boolean(), fc.nat(50), fc.nat(50), fc.nat(60), (k, shift, ctrl, row, col, page) => {
        const action = gridKeyAction(key(k, { shiftKey: shift, ctrlKey: ctrl }), { row, col }, page);
        expect(action?.kind).toBe("move");
        if (action?.kind !== "move") return;
        expect(action.to.row).toBeGreaterThanOrEqual(0);
        expect(action.to.col).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("after an edit, Enter selects the cell below, Tab the one to the right, a click stays", () => {
    expect(afterCommit(at, "down")).toEqual({ row: 11, col: 3 });
    expect(afterCommit(at, "right")).toEqual({ row: 10, col: 4 });
    expect(afterCommit(at, "none")).toEqual(at);
  });
});
