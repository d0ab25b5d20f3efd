/**
 * The built functions.js, loaded as Excel loads it, called by id with the argument shapes Excel
 * passes (single cells as scalars or 1×1 matrices, ranges as 2-D arrays, blanks as "" or null).
 * Every test runs in four modes: Node's full library or the ES2016 library of Excel's
 * JavaScript-only runtime (loadBundle removes the newer built-ins), times blank cells passed as
 * null (Excel on the web) or as 0 (some Excel builds on Windows: the fake's blanksAsZero). Error
 * cells are passed in or short-circuit the call as the built metadata's allowErrorForDataTypeAny
 * says. In the 0 mode a not-reported PLANSTATUS figure is typed "-", as the README tells users.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { asExcelCalls } from "../../src/officeFake/customFunctionsRuntime";
import { loadFunctionsBundle, METADATA_PATH, RuntimeError, type Registered } from "./loadBundle";

const builtMetadata = (): { allowErrorForDataTypeAny?: boolean } =>
  JSON.parse(readFileSync(METADATA_PATH, "utf8")) as { allowErrorForDataTypeAny?: boolean };

const MODES = [
  { library: "full", blanksAsZero: false },
  { library: "es2016", blanksAsZero: false },
  { library: "full", blanksAsZero: true },
  { library: "es2016", blanksAsZero: true },
] as const;

let fns: Map<string, Registered>;
const call = (id: string, ...args: unknown[]) => {
  const fn = fns.get(id);
  if (!fn) throw new Error(`${id} er ikke registreret`);
  return fn(...args);
};
const errorCode = (value: unknown) => (value instanceof RuntimeError ? value.code : value);
const codes = (matrix: unknown) => (matrix as unknown[][]).map((row) => row.map(errorCode));

describe.each(MODES)("dist/functions.js in a bare CustomFunctions runtime ($library library, blanks as 0: $blanksAsZero)", ({ library, blanksAsZero }) => {
  /** A not-reported figure: a blank cell, or "-" where blank cells arrive as 0. */
  const NR = blanksAsZero ? "-" : "";
  beforeAll(() => {
    fns = loadFunctionsBundle(undefined, {
      library,
      excel: { blanksAsZero, allowErrorForDataTypeAny: builtMetadata().allowErrorForDataTypeAny === true },
    });
  });

  it("registers exactly the six fixed ids", () => {
    expect([...fns.keys()].sort()).toEqual(
      ["DEFICITPCT", "INSTALMENT", "PLANSTATUS", "REPAYMENTPLAN", "REQUIREMENT", "TRAFFICLIGHT"].sort(),
    );
  });

  it("TRAFFICLIGHT at the boundaries", () => {
    expect(call("TRAFFICLIGHT", [[1000000]], [[1050000]])).toEqual([["Gul"]]);
    expect(call("TRAFFICLIGHT", [[1000000]], [[1050000.01]])).toEqual([["Rød"]]);
    expect(call("TRAFFICLIGHT", [[1000000]], [[1000000]])).toEqual([["Grøn"]]);
    expect(call("TRAFFICLIGHT", [[1000000]], [[949999.99]])).toEqual([["Grøn"]]);
    expect(call("TRAFFICLIGHT", [[1000000]], [[1080000]], [[-40000]])).toEqual([["Gul"]]);
  });

  it("plain scalars (not Excel's 1×1 matrices) give a scalar back", () => {
    expect(call("TRAFFICLIGHT", 1000000, 1050000)).toBe("Gul");
    expect(call("TRAFFICLIGHT", 1000000, 1050001, 0)).toBe("Rød");
    expect(call("REQUIREMENT", 100, 80, 0, null, "kode")).toBe("surplus-explanation");
    expect(errorCode(call("DEFICITPCT", 0, 1))).toBe("#DIV/0!");
    expect(call("DEFICITPCT", 200, 210)).toBeCloseTo(0.05, 12);
  });

  it("DEFICITPCT returns a fraction; a base of 0 is #DIV/0!", () => {
    const pct = (call("DEFICITPCT", [[1000000]], [[1052000]]) as number[][])[0]?.[0];
    expect(pct).toBeCloseTo(0.052, 12);
    expect(codes(call("DEFICITPCT", [[0]], [[5]]))).toEqual([["#DIV/0!"]]);
  });

  it("REQUIREMENT in text and code form", () => {
    expect(call("REQUIREMENT", [[100]], [[110]], null, null, "kode")).toEqual([["handleplan-max-3-years"]]);
    expect(call("REQUIREMENT", [[100]], [[80]], null, null, "code")).toEqual([["surplus-explanation"]]);
    expect(call("REQUIREMENT", [[100]], [[103]])).toEqual([["Der laves en handleplan, hvor gæld skal afvikles det følgende år"]]);
    expect(codes(call("REQUIREMENT", [[100]], [[103]], null, null, "farve"))).toEqual([["#VALUE!"]]);
  });

  it("whole columns spill a result of the same shape; blank rows stay blank; a bad row errs alone", () => {
    const budget = [[1000000], [""], ["1.000.000,00"], ["abc"], [0], [2000000]];
    const spending = [[1100000], [""], ["1.030.000"], [5], [10], [1900000]];
    const carried = [[0], [""], [""], [0], [0], [-50000]];
    const out = codes(call("TRAFFICLIGHT", budget, spending, carried));
    expect(out).toEqual([["Rød"], [""], ["Gul"], ["#VALUE!"], ["#DIV/0!"], ["Grøn"]]);
    const bad = (call("TRAFFICLIGHT", budget, spending, carried) as unknown[][])[3]?.[0] as RuntimeError;
    expect(bad.message).toMatch(/ikke et tal/);
  });

  it("a scalar carried or limit broadcasts over the rows; mismatched ranges are #VALUE!", () => {
    expect(call("TRAFFICLIGHT", [[100], [100]], [[104], [106]], 0, "4%")).toEqual([["Gul"], ["Rød"]]);
    expect(call("TRAFFICLIGHT", [[100], [100]], [[104], [106]], 0, 0.1)).toEqual([["Gul"], ["Gul"]]);
    expect(codes(call("TRAFFICLIGHT", [[100], [100]], [[104], [106], [1]]))).toEqual([["#VALUE!"]]);
  });

  it("INSTALMENT and its errors", () => {
    expect([1, 2, 3].map((k) => call("INSTALMENT", 100000, 3, k))).toEqual([33333, 33333, 33334]);
    expect([1, 2, 3].map((k) => call("INSTALMENT", 250000.5, 3, k))).toEqual([83333, 83333, 83334.5]);
    expect(call("INSTALMENT", "250.000,50", 3, 3)).toBe(83334.5);
    expect(errorCode(call("INSTALMENT", 1000, 4, 1))).toBe("#NUM!");
    expect(errorCode(call("INSTALMENT", 1000, 0, 1))).toBe("#NUM!");
    expect(errorCode(call("INSTALMENT", -1000, 2, 1))).toBe("#NUM!");
    expect(errorCode(call("INSTALMENT", 1000, 2, 3))).toBe("#NUM!");
    expect(errorCode(call("INSTALMENT", "mange", 2, 1))).toBe("#VALUE!");
  });

  it("REPAYMENTPLAN spills a heading row and one row a year", () => {
    expect(call("REPAYMENTPLAN", 100000, 3, 2026)).toEqual([
      ["År", "Gæld primo", "Afdrag", "Gæld ultimo"],
      [2026, 100000, 33333, 66667],
      [2027, 66667, 33333, 33334],
      [2028, 33334, 33334, 0],
    ]);
    expect(codes(call("REPAYMENTPLAN", 100000, 5, 2026))).toEqual([["#NUM!"]]);
  });

  it("PLANSTATUS follows the plan (3 arguments: the results changed on purpose in issue 14)", () => {
    const planned = [[33333], [33333], [33334]];
    expect(call("PLANSTATUS", planned, [[NR], [NR], [NR]])).toBe("Afventer"); // was "Overholdt"
    expect(call("PLANSTATUS", planned, [[33333], [NR], [NR]])).toBe("Overholdt");
    expect(call("PLANSTATUS", planned, [[30000], [NR], [NR]])).toBe("Ikke overholdt");
    expect(call("PLANSTATUS", planned, [[33333], [33333], [33334]])).toBe("Afviklet");
    expect(call("PLANSTATUS", planned, [[100000], [NR], [NR]])).toBe("Afviklet"); // was "Overholdt"
    expect(call("PLANSTATUS", planned, [[0], [NR], [NR]], true)).toBe("Afvikling dispenseret");
    expect(call("PLANSTATUS", planned, [[0], [NR], [NR]], "bevilget")).toBe("Afvikling dispenseret");
    // "ja" was a dispensation; now only the department's decision "bevilget" (or TRUE) is one.
    expect(call("PLANSTATUS", planned, [[0], [NR], [NR]], "ja")).toBe("Ikke overholdt");
    expect(call("PLANSTATUS", planned, [[0], [NR], [NR]], "afslået")).toBe("Ikke overholdt");
    expect(errorCode(call("PLANSTATUS", planned, [[1], [2]]))).toBe("#VALUE!");
  });

  it("PLANSTATUS with a forecast: a mid-year figure is a forecast, never a breach", () => {
    const planned = [[50000], [50000]];
    expect(call("PLANSTATUS", planned, [[NR], [NR]], false, [[49999.99], [NR]])).toBe("I risiko");
    expect(call("PLANSTATUS", planned, [[NR], [NR]], false, [[50000], [NR]])).toBe("Afventer");
    expect(call("PLANSTATUS", planned, [[50000], [NR]], null, [[NR], [10]])).toBe("I risiko");
    expect(call("PLANSTATUS", planned, [[50000], [NR]], null, [[NR], [50000]])).toBe("Overholdt");
    // "-" is not reported (for Excel builds that pass blank cells as 0); 0 is nothing paid.
    expect(call("PLANSTATUS", planned, [["-"], ["-"]], false, [["-"], ["-"]])).toBe("Afventer");
    expect(call("PLANSTATUS", planned, [[0], ["-"]])).toBe("Ikke overholdt");
    expect(errorCode(call("PLANSTATUS", planned, [[NR], [NR]], false, [[1], [2], [3]]))).toBe("#VALUE!");
    expect(errorCode(call("PLANSTATUS", planned, [["12 kr x"], [NR]]))).toBe("#VALUE!");
  });

  it("never returns NaN or throws on odd input", () => {
    const odd = [undefined, null, "", "x", NaN, Infinity, -0, true, [[null]], [[{ code: "#REF!" }]], 1e308];
    for (const a of odd) {
      for (const b of odd) {
        for (const id of ["DEFICITPCT", "TRAFFICLIGHT", "REQUIREMENT"]) {
          const out = call(id, a, b);
          for (const v of Array.isArray(out) ? (out as unknown[][]).reduce<unknown[]>((all, row) => all.concat(row), []) : [out]) {
            expect(typeof v === "number" ? Number.isFinite(v) : true).toBe(true);
          }
        }
        const out = call("INSTALMENT", a, b, 1);
        expect(typeof out === "number" ? Number.isFinite(out) : out instanceof RuntimeError).toBe(true);
      }
    }
  });
  it("blank rows: wholly blank → blank; all 0 → blank; budget 0 with figures keeps #DIV/0!", () => {
    const budget = [[""], [0], [0], [0], [null]];
    const spending = [[""], [0], [5], [0], [null]];
    const carried = [[""], [0], [0], [-5], [null]];
    for (const id of ["TRAFFICLIGHT", "DEFICITPCT", "REQUIREMENT"]) {
      expect(codes(call(id, budget, spending, carried)), id).toEqual([[""], [""], ["#DIV/0!"], ["#DIV/0!"], [""]]);
    }
  });

  it("budget or spending alone blank: an error with a Danish message (web); where blanks arrive as 0 they are 0", () => {
    const budget = [[1000000], [""], [""]];
    const spending = [[""], [1000000], [""]];
    const carried = [[0], [0], [40000]];
    const out = call("TRAFFICLIGHT", budget, spending, carried) as unknown[][];
    if (!blanksAsZero) {
      expect(codes(out)).toEqual([["#N/A"], ["#N/A"], ["#N/A"]]);
      expect((out[0]?.[0] as RuntimeError).message).toBe("Forbruget mangler (tom celle): rækken får intet trafiklys.");
      expect((out[1]?.[0] as RuntimeError).message).toBe("Budgettet mangler (tom celle): rækken får intet trafiklys.");
      expect((out[2]?.[0] as RuntimeError).message).toMatch(/^Budget og forbrug mangler/);
      expect(errorCode(call("DEFICITPCT", 1000000, ""))).toBe("#N/A");
      expect(errorCode(call("REQUIREMENT", "", 5))).toBe("#N/A");
    } else {
      // The documented limit of such builds: a blank spending is 0 spending (a surplus of 100 %),
      // a blank budget is a budget of 0.
      expect(codes(out)).toEqual([["Grøn"], ["#DIV/0!"], ["#DIV/0!"]]);
    }
  });

  it("an empty or 0 grænse is the policy's limit (5 %)", () => {
    for (const limit of [[[""]], 0, [[0]], null, "0 %"]) {
      expect(call("TRAFFICLIGHT", [[100], [100]], [[104], [106]], 0, limit), JSON.stringify(limit)).toEqual([["Gul"], ["Rød"]]);
    }
    expect(call("TRAFFICLIGHT", [[100], [100]], [[104], [106]], 0, 0.03)).toEqual([["Rød"], ["Rød"]]);
  });

  it("PLANSTATUS: a not-reported marker is not reported in every mode; a blank is 0 where blanks arrive as 0", () => {
    const planned = [[50000], [50000]];
    expect(call("PLANSTATUS", planned, [["-"], ["-"]])).toBe("Afventer");
    expect(call("PLANSTATUS", planned, [[50000], ["-"]])).toBe("Overholdt");
    expect(call("PLANSTATUS", planned, [[50000], [""]])).toBe(blanksAsZero ? "Ikke overholdt" : "Overholdt");
  });

  it("an error cell in a column gives that row's error; the other rows are computed (allowErrorForDataTypeAny)", () => {
    expect(builtMetadata().allowErrorForDataTypeAny).toBe(true);
    const budget = [[1000000], [new RuntimeError("#N/A")], [1000000]];
    const spending = [[1100000], [1], [{ code: "#REF!" }]];
    expect(codes(call("TRAFFICLIGHT", budget, spending))).toEqual([["Rød"], ["#N/A"], ["#VALUE!"]]);
  });

  it("amounts too large to compute exactly are #NUM!, as the README says", () => {
    expect(errorCode(call("TRAFFICLIGHT", 1e20, 1))).toBe("#NUM!");
    expect(errorCode(call("DEFICITPCT", "99.999.999.999.999.999", 1))).toBe("#NUM!");
    // Each amount fits, their difference does not: still #NUM!, never a rounded colour.
    expect(errorCode(call("TRAFFICLIGHT", 46000000000000, -46000000000000))).toBe("#NUM!");
    expect(errorCode(call("INSTALMENT", 1e20, 2, 1))).toBe("#NUM!");
  });
});

describe("what Excel sends without allowErrorForDataTypeAny (why the built metadata sets it)", () => {
  it("one error cell makes the whole spilled result that error: the function is not called", () => {
    const bare = loadFunctionsBundle();
    const trafficLight = bare.get("TRAFFICLIGHT") as Registered;
    const withoutFlag = asExcelCalls(trafficLight, { blanksAsZero: false, allowErrorForDataTypeAny: false });
    const result = withoutFlag([[1000000], [new RuntimeError("#N/A")]], [[1100000], [1]]);
    expect(errorCode(result)).toBe("#N/A");
    const withFlag = asExcelCalls(trafficLight, { blanksAsZero: false, allowErrorForDataTypeAny: true });
    expect(codes(withFlag([[1000000], [new RuntimeError("#N/A")]], [[1100000], [1]]))).toEqual([["Rød"], ["#N/A"]]);
  });

  it("the Danish metadata carries the flag too", () => {
    const danish = JSON.parse(readFileSync(new URL("../../src/functions/functions-da.json", import.meta.url), "utf8")) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { parameters: { type?: string }[] }[];
    };
    expect(danish.allowErrorForDataTypeAny).toBe(true);
    // The flag only applies to parameters of type any: every parameter here is.
    for (const f of danish.functions) for (const p of f.parameters) expect(p.type ?? "any").toBe("any");
  });
});
