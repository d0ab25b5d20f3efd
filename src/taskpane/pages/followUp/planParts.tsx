/**
 * The parts the Opfølgning page and its "Sidste års planer" show alike for a followed plan: the
 * list styles, the status badge and the years with planned / forecast / realised and where each
 * figure came from. One place, so this year's and last year's plans read the same.
 */
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { FigureSource } from "../../../core/followUp";
import { formatKroner } from "../../../core/format";
import { formatAsOf } from "../../../core/layout/period";
import type { Ore } from "../../../core/money";
import { PLAN_STATUS, type PlanStatus } from "../../../core/planStatus";
import { useStrings } from "../../context";
import type { FollowUpStrings } from "./strings";

/** The styles of a list of plans: one bordered item per plan, plain inner lists, quiet source lines. */
export const usePlanListStyles = makeStyles({
  plans: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  plan: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/** An amount in kroner, or `none` where there is no figure. */
export const kr = (amount: Ore | null, none: string): string => (amount === null ? none : formatKroner(amount, { ore: "auto" }));

/** The badge colour of a status (the word is always shown too). */
function statusColor(status: PlanStatus): "danger" | "warning" | "success" | "informative" {
  if (status === PLAN_STATUS.broken) return "danger";
  if (status === PLAN_STATUS.atRisk || status === PLAN_STATUS.dispensed) return "warning";
  if (status === PLAN_STATUS.kept || status === PLAN_STATUS.repaid) return "success";
  return "informative";
}

/** A plan's status as a badge, in the pane's language. */
export function PlanStatusBadge({ status }: { readonly status: PlanStatus }): JSX.Element {
  const strings = useStrings();
  return (
    <Badge appearance="tint" color={statusColor(status)}>
      {strings.overview.planStatusWords[status]}
    </Badge>
  );
}

/** Where a year's figure came from: a follow-up sheet's row, or the plan sheet's own input cell. */
function sourceText(source: FigureSource | null, words: FollowUpStrings): string {
  if (source === null) return words.noSource;
  const regnskab = source.figures === "regnskab";
  if (source.from === "planSheet") return words.source(words.fromPlanSheet(source.cell, regnskab, source.byBudgetlys));
  return words.source(words.fromFollowUp(source.sheet, source.row, formatAsOf(source.asOf), regnskab));
}

/** One repayment year as the list shows it. */
interface ShownYear {
  readonly year: number;
  readonly planned: Ore;
  readonly forecast: Ore | null;
  readonly realised: Ore | null;
  readonly source: FigureSource | null;
}

/** A plan's years: planned / forecast / realised, and where each figure came from. */
export function PlanYears({ years, words }: { readonly years: readonly ShownYear[]; readonly words: FollowUpStrings }): JSX.Element {
  const styles = usePlanListStyles();
  return (
    <ul className={styles.list}>
      {years.map((y) => (
        <li key={y.year}>
          <Text size={200}>{words.yearLine(y.year, kr(y.planned, words.noFigure), kr(y.forecast, words.noFigure), kr(y.realised, words.noFigure))}</Text>
          <Text block size={200} className={styles.quiet}>
            {sourceText(y.source, words)}
          </Text>
        </li>
      ))}
    </ul>
  );
}
