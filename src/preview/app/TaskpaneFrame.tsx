/**
 * The task pane's frame in the preview: a column as wide as Office's task pane, whose content
 * scrolls, and a mount node for the pane's portals (Fluent UI's `PortalMountNodeProvider`), so a
 * confirmation dialog covers and is centred over the pane, as in Office, not the whole page.
 */
import { useState, type ReactElement, type ReactNode } from "react";
import { PortalMountNodeProvider } from "@fluentui/react-components";
import { PREVIEW_TEXT } from "./messages";
import { usePreviewStyles } from "./usePreviewStyles";

/** Props of {@link TaskpaneFrame}. */
export interface TaskpaneFrameProps {
  readonly children?: ReactNode;
}

export function TaskpaneFrame({ children }: TaskpaneFrameProps): ReactElement {
  const styles = usePreviewStyles();
  // A state, not a ref: the portals re-mount into the node once it exists.
  const [portals, setPortals] = useState<HTMLDivElement | null>(null);
  return (
    <aside className={styles.pane} aria-label={PREVIEW_TEXT.taskpaneRegion}>
      <div className={styles.paneContent}>
        <PortalMountNodeProvider value={portals ?? undefined}>{children}</PortalMountNodeProvider>
      </div>
      <div ref={setPortals} className={styles.portals} data-testid="taskpane-portals" />
    </aside>
  );
}
