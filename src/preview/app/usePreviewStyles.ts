/** The preview host's styles (Griffel, Fluent's design tokens). */
import { makeStyles, tokens } from "@fluentui/react-components";

/** Randers' dark blue of the preview's header bar. */
const HEADER_BLUE = "#1F3864";

export const usePreviewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", fontFamily: tokens.fontFamilyBase },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: HEADER_BLUE,
    color: "#FFFFFF",
  },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: "auto", color: "#FFFFFF" },
  file: { color: "#FFFFFF" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, position: "relative" },
  /**
   * The task pane's frame, as Office gives the add-in its own window beside the sheet. Layout
   * containment makes the frame the containing block of `position: fixed` descendants, so the
   * task pane's dialogs (Fluent portals, mounted in `portals` below) are centred over the pane, as
   * in Office, instead of over the whole page.
   */
  pane: {
    width: "380px",
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    position: "relative",
    contain: "layout",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  paneContent: { flexGrow: 1, minHeight: 0, overflowY: "auto" },
  /** Where the task pane's portals (dialogs, tooltips, menus) mount: outside the scrolling part. */
  portals: { position: "absolute", top: 0, left: 0, right: 0 },
  drop: {
    position: "absolute",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(31, 56, 100, 0.15)",
    border: `3px dashed ${HEADER_BLUE}`,
    fontSize: tokens.fontSizeBase500,
    pointerEvents: "none",
    zIndex: 10,
  },
});
