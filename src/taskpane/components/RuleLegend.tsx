/**
 * The rule at a glance: the traffic-light table of the policy in use — each colour, the
 * percentages it covers (with the policy's limit, never a hard-coded 5 %) and what it requires in
 * the policy's words. Opened from the shell's "Reglen" button on every page.
 */
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { formatLimitPct, type RequirementCode } from "../../core/policy";
import { useStrings, useWorkbook } from "../context";
import { policyTitle } from "../state/reasonText";
import { IndicatorBadge } from "./IndicatorBadge";
import { requirementText } from "../state/requirementText";

const useStyles = makeStyles({
  legend: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  table: { tableLayout: "fixed", width: "100%" },
  colour: { width: "5.5rem", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS },
  cell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  range: { display: "block", fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The rows of the table, strictest last (the order the rule book lists them in). */
const ROWS: readonly RequirementCode[] = ["surplus-explanation", "none", "handleplan-next-year", "handleplan-max-3-years"];
const INDICATOR: Readonly<Record<RequirementCode, "Grøn" | "Gul" | "Rød">> = {
  "surplus-explanation": "Grøn",
  none: "Grøn",
  "handleplan-next-year": "Gul",
  "handleplan-max-3-years": "Rød",
};

/** The legend of the traffic lights of the policy in use. */
export function RuleLegend({ id }: { readonly id?: string }): JSX.Element {
  const strings = useStrings();
  const { policy } = useWorkbook();
  const styles = useStyles();
  const t = strings.legend;
  const limit = formatLimitPct(policy.limitPct);
  return (
    <section id={id} className={styles.legend} aria-labelledby="legend-heading">
      <Text block as="h2" id="legend-heading" size={300} weight="semibold">
        {t.heading(policyTitle(policy, strings))}
      </Text>
      <Text block size={200} className={styles.note}>
        {t.intro}
      </Text>
      <Table size="extra-small" className={styles.table} aria-labelledby="legend-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.colour}>{t.colour}</TableHeaderCell>
            <TableHeaderCell>{t.when}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ROWS.map((code) => (
            <TableRow key={code}>
              <TableCell className={styles.colour}>
                <IndicatorBadge indicator={INDICATOR[code]} requirement={code} size="small" />
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.range}>{t.range[code](limit)}</span>
                {requirementText(code, policy, strings)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
