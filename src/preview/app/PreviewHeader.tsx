/** The preview's header bar: the title, the open file's name, "Åbn .xlsx …" and "Hent som .xlsx". */
import type { ReactElement, RefObject } from "react";
import { Button, Text } from "@fluentui/react-components";
import { PREVIEW_TEXT } from "./messages";
import { usePreviewStyles } from "./usePreviewStyles";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Props of {@link PreviewHeader}. */
export interface PreviewHeaderProps {
  readonly fileName: string;
  /** The hidden file input the open button clicks. */
  readonly fileInput: RefObject<HTMLInputElement>;
  readonly onOpenFile: (file: File | undefined) => void;
  readonly onDownload: () => void;
}

export function PreviewHeader({ fileName, fileInput, onOpenFile, onDownload }: PreviewHeaderProps): ReactElement {
  const styles = usePreviewStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={400} className={styles.title}>
        {PREVIEW_TEXT.title}
      </Text>
      <Text className={styles.file} aria-label={PREVIEW_TEXT.fileLabel}>
        {fileName}
      </Text>
      <input
        ref={fileInput}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        data-testid="open-file"
        onChange={(e) => {
          onOpenFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <Button appearance="secondary" onClick={() => fileInput.current?.click()}>
        {PREVIEW_TEXT.openButton}
      </Button>
      <Button appearance="primary" onClick={onDownload}>
        {PREVIEW_TEXT.downloadButton}
      </Button>
    </header>
  );
}
