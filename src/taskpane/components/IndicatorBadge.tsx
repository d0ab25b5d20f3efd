/**
 * The traffic light of one unit as a badge: the Danish word (Grøn/Gul/Rød) is always written, so
 * the colour is never the only signal; a unit without assessment gets a neutral badge.
 */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Indicator } from "../../core/assessment";
import { useStrings } from "../context";

/** Props of {@link IndicatorBadge}. */
export interface IndicatorBadgeProps {
  /** The colour; null for a unit that could not be assessed. */
  readonly indicator: Indicator | null;
  /** Badge size (default "medium"). */
  readonly size?: "small" | "medium" | "large";
}

const COLORS = { Grøn: "success", Gul: "warning", Rød: "danger" } as const;

const useStyles = makeStyles({
  badge: { minWidth: "3.5em", fontWeight: tokens.fontWeightSemibold },
});

/** A Grøn/Gul/Rød badge with its word. */
export function IndicatorBadge({ indicator, size = "medium" }: IndicatorBadgeProps): JSX.Element {
  const strings = useStrings();
  const styles = useStyles();
  if (indicator === null) {
    return (
      <Badge className={styles.badge} size={size} appearance="outline" color="informative">
        {strings.indicator.notAssessed}
      </Badge>
    );
  }
  return (
    <Badge className={styles.badge} size={size} appearance="filled" color={COLORS[indicator]}>
      {indicator}
    </Badge>
  );
}
