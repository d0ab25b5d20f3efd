/**
 * Alle planer: the years and begrundelse of every Rød unit before anything is written (a Rød unit
 * may repay over 1 to the policy's maximum years; above 1 only with a begrundelse). Gul units are
 * repaid in 1 year and are not listed. Each unit's problem is shown at its field; the page does
 * not start while one remains.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { FormField } from "../../components/FormField";
import { debtOf } from "../../../core/assessment";
import { formatKroner } from "../../../core/format";
import {
  checkRequest,
  parseYears,
  type PlanRequest,
  type YearsChoice,
} from "../../actions/plans";
import { planProblemText } from "../../state/errors";
import type { Strings } from "../../i18n/strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  unit: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflowWrap: "anywhere" },
  years: { maxWidth: "8em" },
});

/** Props of {@link RodYears}. */
export interface RodYearsProps {
  /** The Rød units' requests, with the choices applied (`withYearsChoices`). */
  readonly requests: readonly PlanRequest[];
  readonly choices: Readonly<Record<string, YearsChoice>>;
  readonly onChange: (unitKey: string, choice: YearsChoice) => void;
  readonly maxYears: number;
  readonly disabled: boolean;
  readonly strings: Strings;
}

/** The Rød units' years and begrundelse, one small form per unit. */
export function RodYears(props: RodYearsProps): JSX.Element | null {
  const styles = useStyles();
  const { requests, strings } = props;
  if (requests.length === 0) return null;
  const t = strings.allPlans;
  return (
    <section aria-labelledby="rod-years-heading">
      <Text block as="h3" id="rod-years-heading" size={300} weight="semibold">
        {t.rodHeading}
      </Text>
      <Text block as="p" size={200}>
        {t.rodIntro(props.maxYears)}
      </Text>
      <ul className={styles.list}>
        {requests.map((request, index) => {
          const nameId = `rod-unit-${index}`;
          const choice = props.choices[request.unitKey] ?? {
            yearsText: "1",
            begrundelse: "",
          };
          const problem = checkRequest(request, { maxYears: props.maxYears });
          const yearsError =
            problem === "years-invalid" || problem === "years-too-many"
              ? planProblemText(problem, strings, props.maxYears)
              : undefined;
          const begrundelseError =
            problem === "begrundelse-required"
              ? strings.unit.begrundelseRequired
              : undefined;
          const years = parseYears(choice.yearsText);
          const debt =
            request.unit.assessment === null
              ? null
              : debtOf(request.unit.assessment);
          return (
            <li key={request.unitKey}>
              <div
                className={styles.unit}
                role="group"
                aria-labelledby={nameId}
              >
                <Text weight="semibold" className={styles.name} id={nameId}>
                  {request.unit.name}
                </Text>
                {debt === null ? null : (
                  <Text size={200}>
                    {strings.unit.debt}: {formatKroner(debt)}
                  </Text>
                )}
                <FormField
                  label={t.rodYears}
                  problem={yearsError === undefined ? null : { intent: "error", text: yearsError }}
                  control={{ kind: "input", type: "number", min: 1, max: props.maxYears, step: 1, className: styles.years }}
                  value={choice.yearsText}
                  disabled={props.disabled}
                  onChange={(yearsText) => props.onChange(request.unitKey, { ...choice, yearsText })}
                />
                {years > 1 || choice.begrundelse !== "" ? (
                  <FormField
                    label={t.rodBegrundelse}
                    required={years > 1}
                    problem={begrundelseError === undefined ? null : { intent: "error", text: begrundelseError }}
                    control={{ kind: "textarea", rows: 2 }}
                    value={choice.begrundelse}
                    disabled={props.disabled}
                    onChange={(begrundelse) => props.onChange(request.unitKey, { ...choice, begrundelse })}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
