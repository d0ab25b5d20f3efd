/**
 * The formula bar: the selected cell's address and its formula (Danish: `=TRAFIKLYS(E5:E20;…)`)
 * or constant. Editing here and pressing Enter enters the text into the cell; Escape reverts.
 */
import { useState } from "react";
import { Input, Label, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  address: { width: "72px", fontFamily: tokens.fontFamilyMonospace },
  fx: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

/** Props of {@link FormulaBar}. */
export interface FormulaBarProps {
  /** "B5". */
  readonly address: string;
  /** What the cell holds, as the user would type it. */
  readonly text: string;
  readonly onEnter: (text: string) => void;
  /** Goes to a typed address ("K7"); returns false when it is not one. */
  readonly onGoTo: (address: string) => boolean;
}

export function FormulaBar({ address, text, onEnter, onGoTo }: FormulaBarProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(text);
  const [target, setTarget] = useState(address);
  // A new selection (or new content) resets the drafts in the same render, so the label and the
  // value never disagree for a frame (an effect would reset them one render late).
  const [shown, setShown] = useState({ address, text });
  if (shown.address !== address || shown.text !== text) {
    setShown({ address, text });
    setDraft(text);
    if (shown.address !== address) setTarget(address);
  }
  return (
    <div className={styles.bar}>
      <Input
        className={styles.address}
        value={target}
        aria-label="Navneboks: skriv en celle, fx K7, og tryk Enter"
        size="small"
        onChange={(_, data) => setTarget(data.value)}
        onFocus={(e) => e.target.select()}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (!onGoTo(target)) setTarget(address);
          } else if (e.key === "Escape") {
            setTarget(address);
          }
        }}
      />
      <Label className={styles.fx} htmlFor="pv-formula" aria-hidden="true">
        fx
      </Label>
      <Input
        id="pv-formula"
        className={styles.input}
        size="small"
        aria-label={`Formel eller værdi i ${address}`}
        value={draft}
        onChange={(_, data) => setDraft(data.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onEnter(draft);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setDraft(text);
          }
        }}
      />
    </div>
  );
}
