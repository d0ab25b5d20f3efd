import { describe, expect, it } from "vitest";
import { SheetModel } from "../../src/officeFake/model";
import { cellLook } from "../../src/preview/cellLook";

/** One data-bar rule over A1:A2, as the Oversigt's percentage column gets it. */
function sheetWithBars(negativeBarColor?: string): SheetModel {
  const sheet = new SheetModel("1", "Oversigt");
  sheet.conditionalFormats.push({
    id: 1,
    type: "DataBar",
    ranges: [{ top: 0, left: 0, bottom: 1, right: 0 }],
    barColor: "#FFC7CE",
    ...(negativeBarColor === undefined ? {} : { negativeBarColor }),
  });
  return sheet;
}

const view = (value: number) => ({ value, cell: undefined, spilled: false });

describe("the preview's data bars", () => {
  it("draws a bar below zero in the rule's negative colour and one above zero in its positive colour", () => {
    const sheet = sheetWithBars("#C6EFCE");
    expect(cellLook(sheet, 0, 0, view(-0.25), () => 0.5).bar).toEqual({ fraction: 0.5, color: "#C6EFCE" });
    expect(cellLook(sheet, 1, 0, view(0.125), () => 0.5).bar).toEqual({ fraction: 0.25, color: "#FFC7CE" });
  });

  it("uses Excel's red for bars below zero when the rule names no negative colour", () => {
    expect(cellLook(sheetWithBars(), 0, 0, view(-0.05), () => 0.1).bar?.color).toBe("#FF0000");
  });
});
