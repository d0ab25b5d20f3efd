import { describe, expect, it } from "vitest";
import { PreviewEngine } from "./engine";
import { customFunctionSpecs, installCustomFunctionsRuntime, type CustomFunctionImpl } from "./customFunctions";
import * as functions from "../functions/functions";
import danish from "../functions/functions-da.json";

installCustomFunctionsRuntime();
// Without the webpack metadata loader nothing calls CustomFunctions.associate: map ids by hand here.
const implementations = new Map<string, CustomFunctionImpl>([
  ["DEFICITPCT", functions.deficitPct as CustomFunctionImpl],
  ["TRAFFICLIGHT", functions.trafficLight as CustomFunctionImpl],
  ["REQUIREMENT", functions.requirement as CustomFunctionImpl],
  ["INSTALMENT", functions.instalment as CustomFunctionImpl],
  ["REPAYMENTPLAN", functions.repaymentPlan as CustomFunctionImpl],
  ["PLANSTATUS", functions.planStatus as CustomFunctionImpl],
]);
const specs = customFunctionSpecs(danish, implementations);

function budgetSheet(): PreviewEngine {
  const engine = new PreviewEngine(specs);
  // Budget in A, forbrug in B, overført in C: Grøn, Gul (3 %), Rød (10 %).
  engine.load([
    {
      name: "Input",
      cells: [
        [0, 0, { value: 1_000_000 }], [0, 1, { value: 900_000 }], [0, 2, { value: 0 }],
        [1, 0, { value: 1_000_000 }], [1, 1, { value: 1_030_000 }], [1, 2, { value: 0 }],
        [2, 0, { value: 1_000_000 }], [2, 1, { value: 1_100_000 }], [2, 2, { value: 0 }],
      ],
    },
  ]);
  return engine;
}

describe("PreviewEngine", () => {
  it("calculates built-in formulas across sheets, with quoted sheet names", () => {
    const engine = budgetSheet();
    engine.addSheet("Handleplan Ø");
    engine.setCells("Handleplan Ø", [[0, 0, { formula: "=SUM(Input!B1:B3)-SUM(Input!A1:A3)" }], [1, 0, { formula: "=ROUND(A1/3,2)" }]]);
    expect(engine.value("Handleplan Ø", 0, 0)).toBe(30_000);
    expect(engine.value("Handleplan Ø", 1, 0)).toBe(10_000);
    engine.setCells("Input", [[0, 1, { value: 1_000_000 }]]);
    expect(engine.value("Handleplan Ø", 0, 0)).toBe(130_000);
  });

  it("spills a custom function typed under its Danish name, as Excel does", () => {
    const engine = budgetSheet();
    engine.setCells("Input", [[0, 4, { formula: "=TRAFIKLYS(A1:A3,B1:B3,C1:C3)" }]]);
    expect(engine.values("Input", 0, 4, 2, 4)).toEqual([["Grøn"], ["Gul"], ["Rød"]]);
    expect(engine.formula("Input", 0, 4)).toBe("=TRAFIKLYS(A1:A3,B1:B3,C1:C3)");
  });

  it("follows the data: the spill recolours and resizes when the inputs change", () => {
    const engine = budgetSheet();
    engine.setCells("Input", [[0, 4, { formula: "=TRAFFICLIGHT(A1:A3,B1:B3)" }], [9, 0, { formula: "=REPAYMENTPLAN(F1,G1,2026)" }], [0, 5, { value: 30_000 }], [0, 6, { value: 2 }]]);
    engine.setCells("Input", [[2, 1, { value: 1_000_000 }]]);
    expect(engine.value("Input", 2, 4)).toBe("Grøn");
    // A heading row and one row a year.
    expect(engine.size("Input").rows).toBe(9 + 3);
    engine.setCells("Input", [[0, 6, { value: 3 }]]);
    expect(engine.size("Input").rows).toBe(9 + 4);
    expect(engine.value("Input", 12, 0)).toBe(2028);
  });

  it("turns a thrown CustomFunctions.Error into the error value", () => {
    const engine = budgetSheet();
    engine.setCells("Input", [[4, 0, { value: 0 }], [4, 1, { value: 10 }], [4, 4, { formula: "=DEFICITPCT(A5,B5)" }]]);
    expect(engine.value("Input", 4, 4)).toEqual({ error: "#DIV/0!" });
  });

  it("keeps text as text, also when it looks like a number or a formula", () => {
    const engine = new PreviewEngine(specs);
    engine.load([{ name: "A", cells: [[0, 0, { value: "=1+1" }], [0, 1, { value: "0012" }], [0, 2, { value: "TRUE" }]] }]);
    expect(engine.values("A", 0, 0, 0, 2)).toEqual([["=1+1", "0012", "TRUE"]]);
  });
});
