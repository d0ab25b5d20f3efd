/**
 * One message to the user in a Fluent `MessageBar`: what happened (and, for errors, that nothing
 * was lost), optionally with a link to a sheet, dismissable.
 */
import {
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
} from "@fluentui/react-components";
import { useEffect, useRef, type Ref } from "react";
import { useStrings } from "../context";

/** A message to show. */
export interface NoticeValue {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly title?: string;
  readonly body: string;
  /** A link below the text, e.g. to the new sheet. */
  readonly link?: { readonly label: string; readonly onClick: () => void };
  /** A button beside the text, e.g. "Opdatér". */
  readonly action?: { readonly label: string; readonly onClick: () => void; readonly disabled?: boolean };
}

/** Props of {@link Notice}. */
export interface NoticeProps {
  readonly notice: NoticeValue | null;
  /** Shows a close button when given. */
  readonly onDismiss?: () => void;
  /**
   * Moves the keyboard focus to the message each time a new one is shown (after an action: the
   * result is where the user looks, not at the top of a scrolled pane). Default false.
   */
  readonly focus?: boolean;
}

/** A MessageBar for a notice, or nothing. Errors are announced as alerts. */
export function Notice({ notice, onDismiss, focus = false }: NoticeProps): JSX.Element | null {
  const strings = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && notice !== null) {
      ref.current?.focus();
      ref.current?.scrollIntoView?.({ block: "nearest" });
    }
  }, [focus, notice]);
  if (notice === null) return null;
  return (
    <MessageBar
      // Fluent's typings give MessageBar's ref the type Ref<never> under exactOptionalPropertyTypes;
      // at run time it is the root div.
      ref={ref as Ref<never>}
      {...(focus ? { tabIndex: -1 } : {})}
      intent={notice.intent}
      role={notice.intent === "error" ? "alert" : "status"}
      layout="multiline"
    >
      <MessageBarBody>
        {notice.title === undefined ? null : <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.body}
        {notice.link === undefined ? null : (
          <>
            {" "}
            <Link as="button" onClick={notice.link.onClick}>
              {notice.link.label}
            </Link>
          </>
        )}
      </MessageBarBody>
      {onDismiss === undefined && notice.action === undefined ? null : (
        <MessageBarActions
          containerAction={
            onDismiss === undefined ? null : (
              <Button appearance="transparent" size="small" aria-label={strings.common.dismiss} onClick={onDismiss}>
                ×
              </Button>
            )
          }
        >
          {notice.action === undefined ? null : (
            <Button size="small" onClick={notice.action.onClick} disabled={notice.action.disabled ?? false}>
              {notice.action.label}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
