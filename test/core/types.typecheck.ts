/**
 * Type-level tests, checked by `tsc` (npm run typecheck), not run: kroner, øre and fractions
 * cannot be mixed. Each `@ts-expect-error` fails the typecheck if the line stops being an error.
 */
import { assess } from "../../src/core/assessment";
import { fractionOf, type Fraction } from "../../src/core/fraction";
import { add, oreFromKroner, type Ore } from "../../src/core/money";
import { formatKroner, formatPercent } from "../../src/core/format";
import { equalInstalments } from "../../src/core/repayment";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";

const budget: Ore = oreFromKroner(1000);
const share: Fraction = fractionOf(budget, budget);

// @ts-expect-error a plain number of kroner is not øre
add(budget, 1000);
// @ts-expect-error a fraction is not money
add(budget, share);
// @ts-expect-error a fraction cannot be formatted as kroner
formatKroner(share);
// @ts-expect-error a plain number is not a budget
assess({ budget: 1000, spending: budget }, RANDERSMODELLEN_2_0);
// @ts-expect-error money cannot be assigned to a fraction
const wrong: Fraction = budget;
// @ts-expect-error a fraction is not a debt
equalInstalments(share, 3, RANDERSMODELLEN_2_0);

// The right uses compile.
formatPercent(share);
formatKroner(add(budget, oreFromKroner(0.5)));
void wrong;
