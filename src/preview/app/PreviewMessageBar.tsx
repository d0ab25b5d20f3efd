/** The preview's message bar (an alert for errors, a status otherwise), with a close button. */
import type { ReactElement } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { PREVIEW_TEXT } from "./messages";
import type { PreviewMessage } from "./PreviewApp.types";

/** Props of {@link PreviewMessageBar}. */
export interface PreviewMessageBarProps {
  readonly message: PreviewMessage;
  readonly onClose: () => void;
}

export function PreviewMessageBar({ message, onClose }: PreviewMessageBarProps): ReactElement {
  return (
    <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"} data-testid="preview-message">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.text}
      </MessageBarBody>
      <Button appearance="transparent" size="small" onClick={onClose}>
        {PREVIEW_TEXT.closeMessage}
      </Button>
    </MessageBar>
  );
}
