/**
 * "Sidste års planer" on the Opfølgning page: the user opens last year's plans workbook (.xlsx,
 * e.g. written by `budgetlys plan`), read in the browser by the .xlsx reader the command line uses
 * (`state/xlsxReader.ts`: ExcelJS in a chunk of its own, fetched only when a file is opened), and
 * its recorded plans are followed with THIS workbook's figures and the figures in the file's own
 * plan sheets by core's `followPlansWorkbook` — the composition of `budgetlys opfoelgning --planer`,
 * with its one rule for which figure counts (`core/yearFigure.ts`). Per plan: unit, years with planned /
 * forecast / realised and where each figure came from, status with its reason; plans whose unit
 * is not found are listed with the reason. A file that cannot be read gives a Danish reason and
 * keeps what was shown. Nothing is written, and no Excel call is made: it uses what the pane read.
 */
import { useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { FollowedPlan, FollowUpResult } from "../../../core/followUp";
import { isPlanStatusBad } from "../../../core/planStatus";
import type { SheetGrid } from "../../../core/grid";
import { followPlansWorkbook, followUpSheetsOf, recordedPlans } from "../../../core/plansWorkbook";
import { useI18n, useStrings, useWorkbook } from "../../context";
import { reasonSentences, WORKBOOK_FILE, type Reason } from "../../../core/reason";
import { reasonText } from "../../state/reasonText";
import { Notice, type NoticeValue } from "../../components/Notice";
import { loadXlsxReader, type XlsxReader } from "../../state/xlsxReader";
import { lastYearStrings, type LastYearStrings } from "./lastYearStrings";
import { followUpStrings, type FollowUpStrings } from "./strings";
import { PlanStatusBadge, PlanYears, usePlanListStyles } from "./planParts";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The native file input stays in the page (keyboard, screen readers, tests) but is drawn by the button.
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** The bytes of a chosen file (`File.arrayBuffer` where the browser has it). */
function bytesOf(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

/** The opened plans workbook: its file name and its sheets. */
interface PlansFile {
  readonly file: string;
  readonly grids: readonly SheetGrid[];
}

/** The part's state: the opened plans workbook followed with this workbook's figures, the message, and opening a file. */
function useLastYearPlans(words: LastYearStrings) {
  const workbook = useWorkbook();
  const strings = useStrings();
  const [plansFile, setPlansFile] = useState<PlansFile | null>(null);
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  // This workbook's sheets as follow-ups, built as the command line builds them from its files.
  const followUps = useMemo(
    () => (workbook.scan === null ? [] : followUpSheetsOf(WORKBOOK, workbook.grids, workbook.scan.sheets).sheets),
    [workbook.grids, workbook.scan],
  );
  // Followed again whenever the workbook is read again (Opdatér): the same plans, the new figures.
  const result: FollowUpResult | null = useMemo(() => {
    if (plansFile === null) return null;
    const followed = followPlansWorkbook(plansFile.grids, followUps, { ...FOLLOW_OPTIONS, planFile: plansFile.file });
    return followed.ok ? followed.result : null;
  }, [plansFile, followUps]);

  const refuse = (file: string, reason: string) => setNotice({ intent: "error", title: words.openFailed(file), body: words.nothingChanged(reason) });

  const open = async (file: File): Promise<void> => {
    setReading(file.name);
    setNotice(null);
    try {
      let reader: XlsxReader;
      try {
        reader = await loadXlsxReader();
      } catch {
        refuse(file.name, words.loaderFailed);
        return;
      }
      let grids: SheetGrid[];
      try {
        grids = await reader.readXlsxGrids(await bytesOf(file));
      } catch (error) {
        refuse(file.name, !reader.isReadError(error) ? words.readFailed : words.readReasons === null ? error.message : words.readReasons[error.reason]);
        return;
      }
      // The record decides, as for the command line; what was shown stays when it has none.
      const recorded = recordedPlans(grids);
      if (!recorded.ok) refuse(file.name, `${file.name}: ${reasonText(recorded.why, strings)}`);
      else setPlansFile({ file: file.name, grids });
    } finally {
      setReading(null);
    }
  };
  return { file: plansFile?.file ?? null, result, notice, setNotice, reading, open };
}

/** How this workbook is named in a figure's source and a "not found" reason. */
const WORKBOOK = WORKBOOK_FILE;
const FOLLOW_OPTIONS = { inWorkbook: true } as const;


/** "Sidste års planer": opening last year's plans workbook and its plans followed up. */
export function LastYearPlans(): JSX.Element {
  const styles = useStyles();
  const listStyles = usePlanListStyles();
  const { language } = useI18n();
  const strings = useStrings();
  const words = lastYearStrings(language);
  const why = (reasons: readonly Reason[]): string => reasonSentences(reasons, (r) => reasonText(r, strings));
  const planWords = followUpStrings(language);
  const { file, result, notice, setNotice, reading, open } = useLastYearPlans(words);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const inputId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // The same file may be chosen again after it was changed on disk.
    event.target.value = "";
    if (chosen !== undefined) void open(chosen);
  };
  const plans = result?.plans ?? [];
  const unmatched = result?.unmatched ?? [];
  const bad = plans.filter((p) => isPlanStatusBad(p.status));
  return (
    <section className={styles.part} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={300} weight="semibold">
        {words.heading}
      </Text>
      <Text as="p" block size={200}>
        {words.intro}
      </Text>
      <div>
        <label htmlFor={inputId} className={styles.hidden}>
          {words.fileLabel}
        </label>
        <input
          ref={input}
          id={inputId}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          tabIndex={-1}
          onChange={onChange}
          data-testid="last-year-file"
        />
        <Button disabled={reading !== null} onClick={() => input.current?.click()}>
          {words.open}
        </Button>
      </div>
      {reading !== null ? (
        <Text as="p" block size={200} role="status">
          {words.reading(reading)}
        </Text>
      ) : null}
      <Notice notice={notice} onDismiss={() => setNotice(null)} focus />
      {file === null || result === null ? null : (
        <>
          <Text as="p" block size={200}>
            {plans.length + unmatched.length === 0 ? words.none(file) : words.from(file, plans.length + unmatched.length)}
          </Text>
          {bad.length > 0 ? (
            <>
              <Text as="h4" size={200} weight="semibold">
                {words.suspendHeading}
              </Text>
              <ul className={listStyles.list} aria-label={words.suspendLabel}>
                {bad.map((p) => (
                  <li key={`${p.record.planSheet}|${p.record.unitName}`}>
                    {planWords.unitLine(p.record.unitName, p.record.unitId)}: {strings.overview.planStatusWords[p.status]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {plans.length > 0 ? (
            <ul className={listStyles.plans} aria-label={words.listLabel(file)}>
              {plans.map((plan) => (
                <LastYearPlan key={`${plan.record.planSheet}|${plan.record.unitName}`} plan={plan} words={planWords} />
              ))}
            </ul>
          ) : null}
          {unmatched.length > 0 ? (
            <>
              <Text as="h4" size={200} weight="semibold">
                {words.unmatchedHeading}
              </Text>
              <ul className={listStyles.list} aria-label={words.unmatchedHeading}>
                {unmatched.map((u) => (
                  <li key={`${u.record.planSheet}|${u.record.unitName}`}>
                    <Text size={200}>
                      {planWords.unitLine(u.record.unitName, u.record.unitId)} · {u.record.planSheet}: {why(u.why)}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function LastYearPlan({ plan, words }: { readonly plan: FollowedPlan; readonly words: FollowUpStrings }): JSX.Element {
  const listStyles = usePlanListStyles();
  const strings = useStrings();
  const headingId = useId();
  return (
    <li className={listStyles.plan} aria-labelledby={headingId}>
      <Text as="h4" id={headingId} size={300} weight="semibold">
        {words.unitLine(plan.record.unitName, plan.record.unitId)}
      </Text>
      <div>
        <PlanStatusBadge status={plan.status} />
      </div>
      <Text block size={200}>
        {reasonSentences(plan.why, (r) => reasonText(r, strings))}
      </Text>
      <Text block size={200} className={listStyles.quiet}>
        {words.sheet(plan.record.planSheet)}
      </Text>
      <PlanYears years={plan.years} words={words} />
    </li>
  );
}
