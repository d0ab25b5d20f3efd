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
import { useStrings } from "../context";

/** A message to show. */
export interface NoticeValue {
  readonly intent: "success" | "error" | "warning" | "info";
  readonly title?: string;
  readonly body: string;
  /** A link below the text, e.g. to the new sheet. */
  readonly link?: { readonly label: string; readonly onClick: () => void };
}

/** Props of {@link Notice}. */
export interface NoticeProps {
  readonly notice: NoticeValue | null;
  /** Shows a close button when given. */
  readonly onDismiss?: () => void;
}

/** A MessageBar for a notice, or nothing. Errors are announced as alerts. */
export function Notice({ notice, onDismiss }: NoticeProps): JSX.Element | null {
  const strings = useStrings();
  if (notice === null) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} layout="multiline">
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
      {onDismiss === undefined ? null : (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={strings.common.dismiss} onClick={onDismiss}>
              ×
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
