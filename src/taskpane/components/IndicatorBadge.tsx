/**
 * The traffic light of one unit as a badge: the Danish word (Grøn/Gul/Rød) is always written, so
 * the colour is never the only signal; a unit without assessment gets a neutral badge. Grøn with a
 * surplus above the limit (a duty to explain it) looks different from Grøn without a requirement:
 * an outlined "Grøn" with a "+" mark, named "Grøn, overskud over grænsen" for screen readers.
 */
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Indicator } from "../../core/assessment";
import type { RequirementCode } from "../../core/policy";
import { useStrings } from "../context";

/** Props of {@link IndicatorBadge}. */
export interface IndicatorBadgeProps {
  /** The colour; null for a unit that could not be assessed. */
  readonly indicator: Indicator | null;
  /** Badge size (default "medium"). */
  readonly size?: "small" | "medium" | "large";
  /** The unit's requirement: "surplus-explanation" marks Grøn as a surplus above the limit. */
  readonly requirement?: RequirementCode | null;
}

const COLORS = { Grøn: "success", Gul: "warning", Rød: "danger" } as const;

const useStyles = makeStyles({
  badge: { minWidth: "3.5em", fontWeight: tokens.fontWeightSemibold },
  // Grøn with a duty: the green outline and text on the page background, and a "+" (over the limit).
  surplus: {
    borderTopWidth: tokens.strokeWidthThick,
    borderRightWidth: tokens.strokeWidthThick,
    borderBottomWidth: tokens.strokeWidthThick,
    borderLeftWidth: tokens.strokeWidthThick,
  },
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** A Grøn/Gul/Rød badge with its word. */
export function IndicatorBadge({ indicator, size = "medium", requirement = null }: IndicatorBadgeProps): JSX.Element {
  const strings = useStrings();
  const styles = useStyles();
  if (indicator === null) {
    return (
      <Badge className={styles.badge} size={size} appearance="outline" color="informative">
        {strings.indicator.notAssessed}
      </Badge>
    );
  }
  if (indicator === "Grøn" && requirement === "surplus-explanation") {
    return (
      <Badge
        className={mergeClasses(styles.badge, styles.surplus)}
        size={size}
        appearance="outline"
        color="success"
        title={strings.indicator.surplusLabel}
      >
        <span aria-hidden>{indicator} +</span>
        <span className={styles.hidden}>{strings.indicator.surplusLabel}</span>
      </Badge>
    );
  }
  return (
    <Badge className={styles.badge} size={size} appearance="filled" color={COLORS[indicator]}>
      {indicator}
    </Badge>
  );
}
