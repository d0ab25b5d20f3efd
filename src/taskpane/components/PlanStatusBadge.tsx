/**
 * A unit's plan status as a small badge, in the plan issue's words (core's `planStatus.ts`:
 * Afventer, Overholdt, I risiko, Ikke overholdt, Afviklet, Afvikling dispenseret, and Ingen plan /
 * Mangler plan for units without one). The word is always written out (never colour alone); the
 * tooltip says why: core's reason, rendered from its code and parameters in the pane's language.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PlanStatusWord } from "../../core/planStatus";
import type { UnitPlanStatus } from "../../core/workbookPlans";
import type { Strings } from "../i18n/strings";
import { reasonSentences } from "../../core/reason";
import { useStrings } from "../context";
import { reasonText } from "../state/reasonText";

/** How strongly a status asks for attention. */
type Tone = "danger" | "warning" | "success" | "neutral" | "quiet";

/** One tone per word: a broken plan and a missing one stand out, "Ingen plan" stays quiet. */
const TONES: Readonly<Record<PlanStatusWord, Tone>> = {
  "Ikke overholdt": "danger",
  "I risiko": "warning",
  "Mangler plan": "warning",
  Overholdt: "success",
  Afviklet: "success",
  "Afvikling dispenseret": "neutral",
  Afventer: "neutral",
  "Ingen plan": "quiet",
};

const useStyles = makeStyles({
  badge: {
    display: "inline-block",
    paddingLeft: "4px",
    paddingRight: "4px",
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  danger: { color: tokens.colorPaletteRedForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  success: { color: tokens.colorPaletteGreenForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`, backgroundColor: tokens.colorPaletteGreenBackground1 },
  neutral: { color: tokens.colorNeutralForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  quiet: { color: tokens.colorNeutralForeground3, border: `${tokens.strokeWidthThin} solid ${"transparent"}`, fontWeight: tokens.fontWeightRegular, paddingLeft: 0, paddingRight: 0 },
});

/** Props of {@link PlanStatusBadge}. */
export interface PlanStatusBadgeProps {
  readonly status: UnitPlanStatus;
  readonly strings: Strings["overview"];
}

/** The plan-status badge. */
export function PlanStatusBadge({ status, strings: t }: PlanStatusBadgeProps): JSX.Element {
  const styles = useStyles();
  const all = useStrings();
  const word = t.planStatusWords[status.word];
  const why = reasonSentences(status.why, (reason) => reasonText(reason, all));
  return (
    <span
      className={mergeClasses(styles.badge, styles[TONES[status.word]])}
      title={t.planStatusTitle(status.word, why)}
      data-plan-status={status.word}
    >
      {word}
    </span>
  );
}
