/**
 * The preview host: a workbook (formula bar, grid, sheet tabs) with the real task pane beside it.
 * Opens the example budget; the user can open an .xlsx (button or drag-and-drop; a file that is
 * not a workbook shows the Danish reason and keeps the open workbook) and download the workbook.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { cellAddress, columnIndex } from "../core/grid";
import { XlsxReadError } from "../xlsx/readErrors";
import type { PreviewDocument } from "./document";
import { FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { readWorkbookFile, writeWorkbookFile } from "./xlsxFile";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", fontFamily: tokens.fontFamilyBase },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "#1F3864",
    color: "#FFFFFF",
  },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: "auto", color: "#FFFFFF" },
  file: { color: "#FFFFFF" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, position: "relative" },
  pane: {
    width: "380px",
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    overflowY: "auto",
  },
  drop: {
    position: "absolute",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(31, 56, 100, 0.15)",
    border: "3px dashed #1F3864",
    fontSize: tokens.fontSizeBase500,
    pointerEvents: "none",
    zIndex: 10,
  },
});

/** A message in the preview's bar. */
interface Message {
  readonly intent: "error" | "success" | "info" | "warning";
  readonly title: string;
  readonly text: string;
}

/** Props of {@link PreviewApp}. */
export interface PreviewAppProps {
  readonly doc: PreviewDocument;
  /** The example workbook's URL, opened at start (default "assets/eksempel-budget.xlsx"). */
  readonly exampleUrl?: string;
  /** Renders the task pane; `generation` changes whenever another workbook is opened. */
  readonly renderTaskpane?: (generation: number) => ReactNode;
}

function readReason(error: unknown): string {
  if (error instanceof XlsxReadError) return error.message;
  return "Filen kunne ikke åbnes som Excel-projektmappe (.xlsx).";
}

export function PreviewApp({ doc, exampleUrl = "assets/eksempel-budget.xlsx", renderTaskpane }: PreviewAppProps) {
  const styles = useStyles();
  const [version, setVersion] = useState(doc.version);
  const [selected, setSelected] = useState({ row: 0, col: 0 });
  const [message, setMessage] = useState<Message | null>(null);
  const [fileName, setFileName] = useState("budget.xlsx");
  const [generation, setGeneration] = useState(0);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastSelection = useRef(doc.model.selection);

  useEffect(() => doc.subscribe(() => setVersion(doc.version)), [doc]);

  // Follow selections made through the port (the task pane's "vis rækken").
  useEffect(() => {
    const selection = doc.model.selection;
    if (selection !== lastSelection.current && selection !== null) {
      lastSelection.current = selection;
      setSelected({ row: selection.range.top, col: selection.range.left });
    }
  }, [doc, version]);

  const open = useCallback(
    async (name: string, load: () => Promise<ArrayBuffer>, quiet = false) => {
      try {
        const model = await readWorkbookFile(await load());
        doc.replaceWith(model);
        setFileName(name);
        setSelected({ row: 0, col: 0 });
        setGeneration((g) => g + 1);
        if (!quiet) setMessage({ intent: "success", title: "Åbnet", text: `${name} er åbnet.` });
      } catch (error) {
        setMessage({ intent: "error", title: `${name} kunne ikke åbnes`, text: `${readReason(error)} Den åbne projektmappe er uændret.` });
      }
    },
    [doc],
  );

  useEffect(() => {
    void (async () => {
      try {
        const response = await fetch(exampleUrl);
        if (!response.ok) throw new Error(String(response.status));
        const name = decodeURIComponent(exampleUrl.split("/").pop() ?? "eksempel-budget.xlsx");
        await open(name, () => response.arrayBuffer(), true);
      } catch {
        setMessage({ intent: "info", title: "Intet eksempel", text: "Eksempelprojektmappen kunne ikke hentes. Åbn din egen .xlsx-fil." });
      }
    })();
  }, [exampleUrl, open]);

  const openFile = (file: File | undefined) => {
    if (file) void open(file.name, () => file.arrayBuffer());
  };

  const download = async () => {
    try {
      const bytes = await writeWorkbookFile(doc.model, (sheet, row, col) => doc.view(sheet, row, col).value);
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName.toLowerCase().endsWith(".xlsx") ? fileName : `${fileName}.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setMessage({ intent: "error", title: "Kunne ikke gemme", text: `Projektmappen kunne ikke gemmes som .xlsx: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const sheet = doc.activeSheet();
  // Another sheet became active (a tab, or the task pane showing a new plan): start at its
  // selection, or A1.
  const shownSheet = useRef(sheet?.id);
  useEffect(() => {
    if (shownSheet.current === sheet?.id) return;
    shownSheet.current = sheet?.id;
    const selection = doc.model.selection;
    setSelected(selection !== null && selection.sheetId === sheet?.id ? { row: selection.range.top, col: selection.range.left } : { row: 0, col: 0 });
  }, [doc, sheet?.id]);
  const select = (row: number, col: number) => {
    setSelected({ row, col });
    if (sheet) doc.model.selection = { sheetId: sheet.id, range: { top: row, left: col, bottom: row, right: col } };
    lastSelection.current = doc.model.selection;
  };
  const goTo = (address: string): boolean => {
    const match = /^\s*([A-Za-z]{1,3})(\d{1,7})\s*$/.exec(address);
    const col = match ? columnIndex(match[1] ?? "") : -1;
    const row = match ? Number(match[2]) - 1 : -1;
    if (col < 0 || row < 0) return false;
    select(row, col);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(".pv-scroller")?.focus());
    return true;
  };
  const enter = (row: number, col: number, text: string) => {
    if (!sheet) return;
    const refusal = doc.enter(sheet, row, col, text);
    if (refusal) setMessage({ intent: "warning", title: "Ikke ændret", text: refusal });
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={styles.root}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes("Files")) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          openFile(e.dataTransfer.files[0]);
        }}
      >
        <header className={styles.header}>
          <Text as="h1" size={400} className={styles.title}>
            Budgetlys · forhåndsvisning uden Excel
          </Text>
          <Text className={styles.file} aria-label="Åben fil">
            {fileName}
          </Text>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="open-file"
            onChange={(e) => {
              openFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button appearance="secondary" onClick={() => fileInput.current?.click()}>
            Åbn .xlsx …
          </Button>
          <Button appearance="primary" onClick={() => void download()}>
            Hent som .xlsx
          </Button>
        </header>
        {message && (
          <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"} data-testid="preview-message">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.text}
            </MessageBarBody>
            <Button appearance="transparent" size="small" onClick={() => setMessage(null)}>
              Luk
            </Button>
          </MessageBar>
        )}
        <div className={styles.main}>
          <section className={styles.workbook} aria-label="Projektmappe">
            {sheet && (
              <>
                <FormulaBar
                  address={cellAddress(selected.row, selected.col)}
                  text={doc.inputText(sheet, selected.row, selected.col)}
                  onEnter={(t) => enter(selected.row, selected.col, t)}
                  onGoTo={goTo}
                />
                <Grid doc={doc} sheet={sheet} version={version} selected={selected} onSelect={select} onEnter={enter} />
                <SheetTabs
                  sheets={doc.visibleSheets()}
                  activeId={sheet.id}
                  onActivate={(s) => doc.activate(s)}
                />
              </>
            )}
            {dragging && <div className={styles.drop}>Slip filen for at åbne den</div>}
          </section>
          <aside className={styles.pane} aria-label="Opgaverude">
            {renderTaskpane?.(generation)}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
