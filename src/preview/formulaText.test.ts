import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { functionNames, toDanishFormula, toEngineFormula } from "./formulaText";

const names = functionNames([
  ["IF", "HVIS"],
  ["SUM", "SUM"],
  ["ROUND", "AFRUND"],
  ["TRAFFICLIGHT", "TRAFIKLYS"],
]);

describe("formula text", () => {
  it("reads a Danish formula with ; and decimal comma into the English form", () => {
    expect(toEngineFormula("=TRAFIKLYS(E5:E20;L5:L20;O5:O20)", names)).toBe("=TRAFFICLIGHT(E5:E20,L5:L20,O5:O20)");
    expect(toEngineFormula("=HVIS(A1>0,5;AFRUND(B2;2);\"a;b\")", names)).toBe('=IF(A1>0.5,ROUND(B2,2),"a;b")');
  });
  it("leaves English input as it is", () => {
    expect(toEngineFormula("=IF(A1>0.5,SUM(B1:B3),0)", names)).toBe("=IF(A1>0.5,SUM(B1:B3),0)");
    expect(toEngineFormula("tekst; med semikolon", names)).toBe("tekst; med semikolon");
  });
  it("keeps quoted sheet names and strings untouched", () => {
    expect(toEngineFormula("='Handleplan; Skole'!B5+HVIS(1;2;3)", names)).toBe("='Handleplan; Skole'!B5+IF(1,2,3)");
  });
  it("shows stored formulas the Danish way", () => {
    expect(toDanishFormula('=IF(A1>0.5,ROUND(B2,2),"x,y")', names)).toBe('=HVIS(A1>0,5;AFRUND(B2;2);"x,y")');
    expect(toDanishFormula("=TRAFFICLIGHT(E5:E20,L5:L20)", names)).toBe("=TRAFIKLYS(E5:E20;L5:L20)");
  });
  it("round-trips: Danish display read back gives the stored formula", () => {
    const arb = fc.tuple(
      fc.constantFrom("IF", "ROUND", "SUM", "TRAFFICLIGHT"),
      fc.array(fc.oneof(fc.constantFrom("A1", "B2:B9", '"t,;x"', "'Ark 2'!C3"), fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => String(Math.round(n * 100) / 100))), { minLength: 2, maxLength: 4 }),
    );
    fc.assert(
      fc.property(arb, ([fn, args]) => {
        const stored = `=${fn}(${args.join(",")})`;
        expect(toEngineFormula(toDanishFormula(stored, names), names)).toBe(stored);
      }),
    );
  });
});
