/** The golden cases: each a name and the description it must produce (see test/fixtures/sheets). */
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { handleplanSheet } from "../../../src/core/sheets/handleplan";
import { overskudsplanSheet } from "../../../src/core/sheets/overskudsplan";
import { planRegistryKey } from "../../../src/core/ports";
import { plansFor, planSetOversigt } from "../../../src/core/sheets/plansFor";
import { SAMPLE_UNITS } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const readAt = "12-06-2025 kl. 14.03";
/** A follow-up at 31/5 2025 (forecast) and the regnskab 2025 (accounts, as of 31/12). */
const forecast = { accountsYear: 2025, asOf: "2025-05-31", figures: "forecast" } as const;
const accounts = { accountsYear: 2025, asOf: "2025-12-31", figures: "accounts" } as const;
const [gul, rod, surplus] = SAMPLE_UNITS as [NonNullable<(typeof SAMPLE_UNITS)[0]>, typeof SAMPLE_UNITS[0], typeof SAMPLE_UNITS[0]];

/** Golden case name → description. */
export function goldenCases(): Record<string, SheetDescription> {
  const set = plansFor({ units: SAMPLE_UNITS }, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Stor engangsudgift til vikarer." });
  return {
    "handleplan-gul": handleplanSheet({ unit: gul, policy, ...forecast, years: 1, readAt, leader: "Anne Skoleleder", udvalg: "Børn og Skole" }),
    "handleplan-rod-3-aar": handleplanSheet({ unit: rod, policy, ...forecast, years: 3, readAt, begrundelse: "Stor engangsudgift til vikarer." }),
    "afviklingsplan-dispenseret": afviklingsplanSheet({ unit: rod, policy, ...accounts, years: 2, readAt, begrundelse: "Særligt tilfælde.", dispensation: true }),
    overskudsplan: overskudsplanSheet({ unit: surplus, policy, ...forecast, years: 1, readAt }),
    // The plan set's Oversigt, linked to the plans' (here: wished) names, as both hosts build it.
    oversigt: planSetOversigt(SAMPLE_UNITS, {
      policy,
      readAt,
      period: "forventet forbrug pr. 31/5 2025 (budgetår 2025)",
      planSheets: Object.fromEntries(set.descriptions.map((d) => [planRegistryKey(d.kind, d.unitKey), d.name])),
      written: set.descriptions,
    }),
  };
}
