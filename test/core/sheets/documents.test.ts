/**
 * What the documents say (issue 13): the department's words, the traffic-light table's footnote,
 * the overskudsplan's Inddragelse and Godkendelse, section 10 in two parts, room to write, and no
 * "Underskud i %" with a minus on a surplus plan.
 */
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import { BEGRUNDELSE_CHECK, handleplanSheet, TRAFFIC_LIGHT_FOOTNOTE } from "../../../src/core/sheets/handleplan";
import { handleplanLayout, TEXT_AREA_ROWS } from "../../../src/core/sheets/handleplanLayout";
import { overskudsplanSheet } from "../../../src/core/sheets/overskudsplan";
import { overskudsplanLayout } from "../../../src/core/sheets/overskudsplanLayout";
import { oversigtSheet } from "../../../src/core/sheets/oversigt";
import { engineOf, SAMPLE_UNITS, setAt, valueAt } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const readAt = "12-06-2025 kl. 14.03";
const forecast = { accountsYear: 2025, asOf: "2025-05-31", figures: "forecast" } as const;
const [gul, rod, surplus] = SAMPLE_UNITS as [(typeof SAMPLE_UNITS)[0], (typeof SAMPLE_UNITS)[0], (typeof SAMPLE_UNITS)[0]];

const texts = (d: SheetDescription): string[] => d.cells.flatMap((c) => (typeof c.value === "string" ? [c.value] : []));

describe("the documents' words", () => {
  it("a Gul and a Rød handleplan carry the footnote, the department's result lines and section 10 in two parts", () => {
    for (const [unit, years] of [[gul, 1], [rod, 2]] as const) {
      const sheet = handleplanSheet({ unit, policy, ...forecast, years, readAt, begrundelse: "Særligt tilfælde" });
      const words = texts(sheet);
      expect(words).toContain(`* ${TRAFFIC_LIGHT_FOOTNOTE}`);
      expect(words).toContain("Årets forventede resultat ekskl. overførsler (+ merforbrug)");
      expect(words).toContain("Årets forventede resultat inkl. overførsler (+ underskud / − overskud)");
      expect(words).toContain("Overførsler fra tidligere år (+ gæld / − opsparing)");
      expect(words).toContain("Forventet forbrug pr. 31/5 2025");
      expect(words).toContain("Opgørelsestidspunkt");
      expect(words).toContain("31/5 2025 (forventet forbrug)");
      expect(words).toContain("Oprettet");
      expect(words).toContain("10. Begrundelse og ansøgning om dispensation");
      expect(words.some((w) => w.startsWith("a) Begrundelse for særlige tilfælde"))).toBe(true);
      expect(words.some((w) => w.startsWith("b) Ansøgning om dispensation fra afvikling (Gul og Rød)"))).toBe(true);
    }
  });

  it("section 10 a says it does not apply to a one-year schedule, and asks a begrundelse over more", () => {
    const sheet = handleplanSheet({ unit: rod, policy, ...forecast, years: 1, readAt });
    const L = handleplanLayout(1, policy.followUpDates.length);
    const hf = engineOf([sheet]);
    expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(BEGRUNDELSE_CHECK.notApplicable);
    setAt(hf, sheet.name, L.header.value("years"), 2);
    expect(valueAt(hf, sheet.name, L.begrundelse.check)).toBe(BEGRUNDELSE_CHECK.missing);
  });

  it("free-text boxes have room to write: at least 6 lines", () => {
    const L = handleplanLayout(3, policy.followUpDates.length);
    expect(TEXT_AREA_ROWS).toBeGreaterThanOrEqual(6);
    for (const area of [L.causes, L.consequences, L.risks, L.begrundelse, L.dispensationApplication]) {
      expect(area.range.bottom - area.range.top + 1).toBeGreaterThanOrEqual(6);
    }
    const O = overskudsplanLayout();
    expect(O.cause.range.bottom - O.cause.range.top + 1).toBeGreaterThanOrEqual(6);
  });

  it("the overskudsplan shows the surplus as a positive share, says it rests on a forecast, and has Inddragelse and Godkendelse", () => {
    const sheet = overskudsplanSheet({ unit: surplus, policy, ...forecast, years: 1, readAt });
    const words = texts(sheet);
    expect(words).not.toContain("Underskud i % (+ underskud / − overskud)");
    expect(words).toContain("Overskud i % af procentgrundlaget");
    expect(words).toContain("5. Inddragelse");
    expect(words).toContain("MED-udvalg");
    expect(words).toContain("Bestyrelse (hvor en sådan findes)");
    expect(words).toContain("6. Godkendelse");
    expect(words.some((w) => w.includes("bygger på forventet forbrug pr. 31/5 2025: et skøn"))).toBe(true);
    const L = overskudsplanLayout();
    const hf = engineOf([sheet]);
    const share = valueAt(hf, sheet.name, L.header.value("percent")) as number;
    expect(share).toBeGreaterThan(0.05);
  });

  it("the Oversigt says what the figures are and carries the footnote", () => {
    const sheet = oversigtSheet(SAMPLE_UNITS, { policy, readAt, period: "forventet forbrug pr. 31/5 2025 (budgetår 2025)" });
    const words = texts(sheet);
    expect(words).toContain("Tallene: forventet forbrug pr. 31/5 2025 (budgetår 2025). Beløb i kr., afrundet til hele kroner.");
    expect(words).toContain(`* ${TRAFFIC_LIGHT_FOOTNOTE}`);
    expect(sheet.print?.footer).toBe("Randersmodellen 2.0 · forventet forbrug pr. 31/5 2025 (budgetår 2025) · oprettet 12-06-2025 kl. 14.03");
  });
});
