/**
 * Opfølgning: every plan of the workbook's plan record, followed up with the workbook's own
 * follow-up sheets — per plan the unit, the years with planned / forecast / realised, the status
 * with its reason and where each figure came from (`core/workbookPlans.ts`, from the grids the pane
 * has read: no Excel round trip per plan). "Skriv i planerne" writes the figures into the plans'
 * input cells after asking — blank cells, and cells still holding the figure Budgetlys itself wrote
 * there (`core/planFigures.ts`, one rule with `opfoelgning --out`) — and records them, all in one
 * write (the port's `updatePlans`: 3 syncs for any number); a cell a person typed in is kept and
 * named, with what Budgetlys would have written. The list "Frihedsgrader kan sættes ud af kraft"
 * names the plans not kept.
 */
import { useMemo, useRef, useState } from "react";
import { Button, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { figureUpdate, figureWrites, typedAtWrite, typedCellReason, type FigureWrites, type TypedCell } from "../../core/planFigures";
import { isPlanStatusBad } from "../../core/planStatus";
import { planFiguresOf, type WorkbookPlan, type WorkbookPlans } from "../../core/workbookPlans";
import { workbookPlansOf } from "../state/workbookPlansOf";
import { useI18n, usePort, useStrings, useWorkbook } from "../context";
import { useConfirm } from "../components/ConfirmProvider";
import { Notice, type NoticeValue } from "../components/Notice";
import { describeError } from "../state/errors";
import { reasonText } from "../state/reasonText";
import { reasonSentences, WORKBOOK_FILE } from "../../core/reason";
import { withoutPeriodReason } from "../../core/plansWorkbook";
import { useGoToSheet } from "../state/useGoToSheet";
import { DispensationDialog } from "./followUp/DispensationDialog";
import { followUpStrings, type FollowUpStrings } from "./followUp/strings";
import { LastYearPlans } from "./followUp/LastYearPlans";
import { PlanStatusBadge, PlanYears, usePlanListStyles } from "./followUp/planParts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  status: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The page's state: the followed plans, what "Skriv i planerne" would write, and the write. */
function useFollowUpState() {
  const workbook = useWorkbook();
  const port = usePort();
  const strings = useStrings();
  const { language } = useI18n();
  const words = followUpStrings(language);
  const confirm = useConfirm();
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [writing, setWriting] = useState(false);
  const goTo = useGoToSheet(setNotice);
  const followed: WorkbookPlans | null = useMemo(
    () => workbookPlansOf({ grids: workbook.grids, scan: workbook.scan, plans: workbook.plans }),
    [workbook.grids, workbook.scan, workbook.plans],
  );
  const fills: FigureWrites = useMemo(() => figureWrites((followed?.plans ?? []).map(planFiguresOf), workbook.grids), [followed, workbook.grids]);
  const fillPlans = new Set(fills.writes.map((f) => f.sheet)).size;

  const write = async (): Promise<void> => {
    const typedText = (cells: readonly TypedCell[]): string[] => cells.map((t) => reasonText(typedCellReason(t), strings));
    const typed = typedText(fills.typed);
    const ok = await confirm({
      title: words.confirmTitle,
      body: words.confirmBody(fills.writes.length, fillPlans, typed),
      confirmLabel: words.confirmYes,
      cancelLabel: words.confirmNo,
    });
    if (!ok) return;
    setWriting(true);
    setNotice(null);
    try {
      const result = await port.updatePlans(figureUpdate(fills.writes));
      // Cells a person typed in since the pane read the workbook are kept by the write: named too.
      const notWritten = [...typed, ...typedText(typedAtWrite(fills.writes, result.kept))];
      setNotice({
        intent: notWritten.length + result.missingSheet.length > 0 ? "warning" : "success",
        body: words.written(result.written.length, notWritten, result.missingSheet.length),
      });
      await workbook.refresh();
    } catch (error) {
      setNotice({ intent: "error", title: words.writeFailed, body: describeError(error, strings) });
    } finally {
      setWriting(false);
    }
  };
  // The plan whose dispensation decision is being recorded, and the button that opened the dialog
  // (the focus goes back to it when the dialog closes).
  const [deciding, setDeciding] = useState<WorkbookPlan | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const decide = (plan: WorkbookPlan, button: HTMLElement): void => {
    opener.current = button;
    setDeciding(plan);
  };
  const closeDecision = (result: NoticeValue | null): void => {
    setDeciding(null);
    if (result !== null) setNotice(result);
    const back = opener.current;
    opener.current = null;
    // The result notice takes the focus when there is one; otherwise back to the button.
    if (result === null && back !== null) setTimeout(() => back.isConnected && back.focus(), 0);
  };
  return { strings, words, followed, fills, fillPlans, notice, setNotice, writing, write, goTo, deciding, decide, closeDecision };
}

/** The Opfølgning page (default export for `React.lazy`). */
export default function FollowUpPage(): JSX.Element {
  const styles = useStyles();
  const listStyles = usePlanListStyles();
  const { strings, words, followed, fills, fillPlans, notice, setNotice, writing, write, goTo, deciding, decide, closeDecision } = useFollowUpState();
  const plans = followed?.plans ?? [];
  const bad = plans.filter((p) => isPlanStatusBad(p.status));
  const withoutPeriod = withoutPeriodReason((followed?.sheetsWithoutPeriod ?? []).map((sheet) => ({ file: WORKBOOK_FILE, sheet })));
  return (
    <section className={styles.page} aria-labelledby="budgetlys-followup-heading">
      <Text as="h2" id="budgetlys-followup-heading" size={400} weight="semibold">
        {words.heading}
      </Text>
      <Text as="p" block>
        {words.intro}
      </Text>
      <Notice notice={notice} onDismiss={() => setNotice(null)} focus />
      {(followed?.problems ?? []).length > 0 ? (
        <Notice notice={{ intent: "warning", title: words.problemsTitle, body: reasonSentences(followed?.problems ?? [], (why) => reasonText(why, strings)) }} />
      ) : null}
      {withoutPeriod === null ? null : <Notice notice={{ intent: "info", body: `${reasonText(withoutPeriod, strings)} ${words.withoutPeriodFix}` }} />}
      {plans.length === 0 ? (
        <Text as="p" block>
          {words.none}
        </Text>
      ) : (
        <>
          <div>
            <Button appearance="primary" disabled={writing || fills.writes.length === 0} onClick={() => void write()}>
              {words.write}
            </Button>
            <Text as="p" block size={200} className={listStyles.quiet}>
              {fills.writes.length === 0 ? words.nothingToWrite : words.writeHint(fills.writes.length, fillPlans, fills.typed.length)}
            </Text>
          </div>
          <section aria-labelledby="budgetlys-followup-suspend">
            <Text as="h3" id="budgetlys-followup-suspend" size={300} weight="semibold">
              {words.suspendHeading}
            </Text>
            {bad.length === 0 ? (
              <Text as="p" block>
                {words.suspendNone}
              </Text>
            ) : (
              <ul className={listStyles.list} aria-label={words.suspendHeading}>
                {bad.map((p) => (
                  <li key={p.record.planSheet}>
                    {words.unitLine(p.record.unitName, p.record.unitId)}: {strings.overview.planStatusWords[p.status]}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ul className={listStyles.plans} aria-label={words.heading}>
            {plans.map((plan) => (
              <PlanItem key={`${plan.record.planSheet}|${plan.record.unitName}`} plan={plan} words={words} goTo={goTo} decide={decide} />
            ))}
          </ul>
        </>
      )}
      <LastYearPlans />
      <DispensationDialog plan={deciding} words={words} onClose={closeDecision} />
    </section>
  );
}

function PlanItem({
  plan,
  words,
  goTo,
  decide,
}: {
  readonly plan: WorkbookPlan;
  readonly words: FollowUpStrings;
  readonly goTo: (sheet: string) => void;
  readonly decide: (plan: WorkbookPlan, button: HTMLElement) => void;
}): JSX.Element {
  const styles = useStyles();
  const listStyles = usePlanListStyles();
  const strings = useStrings();
  const headingId = `budgetlys-followup-${plan.record.planSheet.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <li className={listStyles.plan} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={300} weight="semibold">
        {words.unitLine(plan.record.unitName, plan.record.unitId)}
      </Text>
      <div className={styles.status}>
        <PlanStatusBadge status={plan.status} />
      </div>
      <Text block size={200}>
        {reasonSentences(plan.why, (why) => reasonText(why, strings))}
      </Text>
      {plan.record.dispensation.decision === "" ? null : (
        <Text block size={200}>
          {words.recordedDecision(words.decisionLabel(plan.record.dispensation.decision), plan.record.dispensation.by, plan.record.dispensation.date, plan.record.dispensation.caseNumber)}
        </Text>
      )}
      <div>
        <Button size="small" aria-label={`${words.dispensationButton}: ${plan.record.unitName}`} onClick={(event) => decide(plan, event.currentTarget)}>
          {words.dispensationButton}
        </Button>
      </div>
      {plan.sheetPresent ? (
        <Link as="button" onClick={() => goTo(plan.record.planSheet)}>
          {words.sheet(plan.record.planSheet)}
        </Link>
      ) : (
        <Text block size={200}>
          {words.sheetGone(plan.record.planSheet)}
        </Text>
      )}
      {plan.unitKey === null ? (
        <Text block size={200} className={listStyles.quiet}>
          {words.notInScan}
        </Text>
      ) : null}
      <PlanYears years={plan.years} words={words} />
    </li>
  );
}
