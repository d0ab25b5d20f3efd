import { describe, expect, it } from "vitest";
import { assess } from "../../src/core/assessment";
import { parseDanishNumber } from "../../src/core/danishNumber";
import { readAmount } from "../../src/core/cell";
import { formatKroner, formatPercent } from "../../src/core/format";
import { oreFromKroner, ore, type Ore } from "../../src/core/money";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { equalInstalments, repaymentSchedule } from "../../src/core/repayment";
import { planStatus } from "../../src/core/planStatus";

const kr = (n: number): Ore => oreFromKroner(n);

describe("smoke", () => {
  it("works", () => {
    expect(assess({ budget: kr(1000000), spending: kr(1050000) }, RANDERSMODELLEN_2_0).indicator).toBe("Gul");
    expect(equalInstalments(kr(100000), 3, RANDERSMODELLEN_2_0)).toEqual([kr(33333), kr(33333), kr(33334)]);
    expect(equalInstalments(kr(250000.5), 3, RANDERSMODELLEN_2_0)).toEqual([kr(83333), kr(83333), kr(83334.5)]);
    expect(formatKroner(ore(123456750))).toBe("1.234.567,50 kr.");
    expect(formatPercent(0.052)).toBe("5,2 %");
    expect(parseDanishNumber("12.500.000,00")).toEqual({ ok: true, decimal: "12500000.00" });
    expect(parseDanishNumber("(1.234)")).toEqual({ ok: true, decimal: "-1234" });
    expect(parseDanishNumber("−1.234,5")).toEqual({ ok: true, decimal: "-1234.5" });
    expect(parseDanishNumber("9.800.000 kr.")).toEqual({ ok: true, decimal: "9800000" });
    expect(readAmount("12,345", 3)).toEqual({ kind: "amount", ore: 1234500 });
    expect(oreFromKroner(1.005)).toBe(101);
    expect(repaymentSchedule(kr(100000), 3, 2026, RANDERSMODELLEN_2_0).map((r) => r.closingDebt)).toEqual([kr(66667), kr(33334), 0]);
    expect(planStatus([kr(1)], [kr(0.99)])).toBe("Ikke overholdt");
  });
});
