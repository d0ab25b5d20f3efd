/** The sheet tabs under the grid, with each sheet's tab colour. Arrow keys move between tabs. */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetModel } from "../officeFake/model";

const useStyles = makeStyles({
  tabs: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Props of {@link SheetTabs}. */
export interface SheetTabsProps {
  readonly sheets: readonly SheetModel[];
  readonly activeId: string | undefined;
  readonly onActivate: (sheet: SheetModel) => void;
}

export function SheetTabs({ sheets, activeId, onActivate }: SheetTabsProps) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      aria-label="Ark"
      selectedValue={activeId}
      onTabSelect={(_, data) => {
        const sheet = sheets.find((s) => s.id === data.value);
        if (sheet) onActivate(sheet);
      }}
    >
      {sheets.map((sheet) => (
        <Tab key={sheet.id} value={sheet.id} style={sheet.tabColor ? { boxShadow: `inset 0 -3px 0 ${sheet.tabColor}` } : undefined}>
          {sheet.name}
        </Tab>
      ))}
    </TabList>
  );
}
