/**
 * Reasons as code + parameters: every reason the reading gives carries a `why` whose Danish
 * rendering is exactly the Danish text beside it (so the CLI's words and the pane's Danish are one
 * text), over every golden workbook; errors and a changed policy's name likewise; and a dictionary
 * that lacks a code does not typecheck.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BudgetlysError, isBudgetlysError } from "../../src/core/errors";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY, namedPolicy, policyFromJson, policyNameWhy, RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { DANISH_REASONS, danishReason, reason, reasonSentences, renderReason, type Reason, type ReasonCode, type ReasonTexts } from "../../src/core/reason";
import { readXlsxGrids } from "../../src/xlsx/read";
import { ore } from "../../src/core/money";
import { judgePlan } from "../../src/core/planStatus";
import { workbookPlans } from "../../src/core/workbookPlans";

const dir = join(__dirname, "..", "fixtures", "workbooks");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".xlsx") && !f.startsWith("error-"))
  .sort();

describe("reasons carry code and parameters beside their Danish text", () => {
  it("every decision, skipped row, warning and unit error of the golden workbooks renders to its Danish text", async () => {
    const codes = new Set<ReasonCode>();
    let checked = 0;
    const same = (text: string, why: Reason): void => {
      expect(danishReason(why)).toBe(text);
      codes.add(why.code);
      checked++;
    };
    for (const name of names) {
      const grids = await readXlsxGrids(new Uint8Array(readFileSync(join(dir, name))));
      const scan = scanWorkbook(grids, { policy: DEFAULT_POLICY, file: name });
      for (const sheet of scan.sheets) {
        const explained = sheet.explained;
        if (explained !== null) {
          same(explained.headerRow.reason, explained.headerRow.why);
          same(explained.unit.reason, explained.unit.why);
          same(explained.signConvention.reason, explained.signConvention.why);
          for (const decision of Object.values(explained.columns)) same(decision.reason, decision.why);
          if (explained.signDoubt !== undefined) same(explained.signUnknown ?? "", reason("sign-unknown", explained.signDoubt));
        }
        for (const row of [...sheet.skipped, ...(sheet.warnings ?? [])]) same(row.reason, row.why);
        if (sheet.period !== undefined) {
          same(sheet.period.reason, sheet.period.why);
          for (const part of Object.values(sheet.period.parts)) same(part.reason, part.why);
        }
        for (const unit of sheet.units) {
          expect(unit.error === null).toBe(unit.errorWhy === null);
          if (unit.errorWhy !== null) same(unit.error ?? "", unit.errorWhy);
        }
      }
      // Every unit's plan status (no plans yet: Ingen plan / Mangler plan, each with its reason).
      for (const status of Object.values(workbookPlans({ grids, scan }).byUnit)) {
        expect(reasonSentences(status.why, danishReason)).toBe(status.reason);
        for (const why of status.why) codes.add(why.code);
      }
    }
    // Not vacuous: the fixtures exercise the reading's reasons widely.
    expect(checked).toBeGreaterThan(200);
    for (const code of ["period", "period-year-stated", "period-as-of-stated", "header-row", "heading-column", "spending-chosen", "unit-stated", "sign-by-result", "row-total", "row-no-amounts", "plan-missing-handleplan", "plan-none-needed"] as const) {
      expect(codes).toContain(code);
    }
  });

  it("a BudgetlysError's message is its reason's Danish text, the detail included", () => {
    const error = new BudgetlysError("invalid-policy", reason("limit-range", { limitPct: 30, min: 0.5, max: 25 }));
    expect(error.message).toBe("Politikken er ugyldig. Grænsen skal være mellem 0,5 % og 25 %: 30 % giver ikke et brugbart trafiklys.");
    expect(danishReason(error.why)).toBe(error.message);
    expect(danishReason(new BudgetlysError("base-zero").why)).toBe("Procentgrundlaget er 0 kr., så der kan ikke beregnes en procent.");
  });

  it("a policy's name and its refusals: the Danish text of the reason, for any limit and years", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 3000 }), fc.integer({ min: -1, max: 8 }), fc.boolean(), (basisPoints, maxYears, includeCarried) => {
        try {
          const policy = policyFromJson({ ...RANDERSMODELLEN_2_0, limitPct: basisPoints / 100, maxYears, includeCarried });
          expect(policy.name).toBe(danishReason(policyNameWhy(policy)));
          expect(namedPolicy(policy).name).toBe(policy.name);
        } catch (error) {
          expect(isBudgetlysError(error)).toBe(true);
          if (isBudgetlysError(error)) expect(danishReason(error.why)).toBe(error.message);
        }
      }),
    );
    expect(danishReason(policyNameWhy({ ...RANDERSMODELLEN_2_0, limitPct: 4 }))).toBe("Randersmodellen 2.0, ændret: grænse 4 %");
    expect(policyNameWhy({ ...RANDERSMODELLEN_2_0, name: "Aabenraa", limitPct: 4 })).toEqual(reason("policy-name", { name: "Aabenraa", changes: [] }));
  });

  it("a plan's status reason is its reason's Danish text, for any figures", () => {
    const amount = fc.integer({ min: 0, max: 5_000_000_00 }).map((n) => ore(n));
    const codes = new Set<ReasonCode>();
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 3 }),
        fc.array(fc.option(amount), { maxLength: 3 }),
        fc.array(fc.option(amount), { maxLength: 3 }),
        fc.boolean(),
        (planned, realised, forecast, dispensationGranted) => {
          const judged = judgePlan({ planned, realised, forecast, dispensationGranted });
          expect(danishReason(judged.why)).toBe(judged.reason);
          codes.add(judged.why.code);
        },
      ),
      { numRuns: 300 },
    );
    expect(codes.size).toBeGreaterThanOrEqual(4);
  });

  it("renders nested reasons with the same dictionary", () => {
    const texts: ReasonTexts = { ...DANISH_REASONS, "cell-error": () => "CELL", error: (p, text) => `E(${p.detail === null ? "" : text(p.detail)})` };
    const nested = reason("figures-unreadable", {
      problems: [{ kind: "invalid", role: "spending", cell: "Ark!L7", why: reason("cell-error", { error: "#REF!" }) }],
    });
    expect(renderReason(nested, texts)).toBe("Beløbene kunne ikke læses: Forbrug (Ark!L7): CELL.");
    expect(renderReason(reason("error", { error: "invalid-policy", detail: reason("cell-error", { error: "#N/A" }) }), texts)).toBe("E(CELL)");
  });

  it("a dictionary without a code is a type error", () => {
    const { "no-table": _left, ...rest } = DANISH_REASONS;
    // @ts-expect-error — "no-table" has no text: every language must render every code.
    const incomplete: ReasonTexts = rest;
    expect(Object.keys(incomplete)).not.toContain("no-table");
  });
});
