/**
 * Alle planer: every plan the scan needs and the Oversigt sheet in one action, with a progress
 * bar, a cancel button (it stops between sheets, never inside one) and a summary of what was
 * written and what was not, with the reason.
 */
import { useMemo, useRef, useState } from "react";
import { Button, Field, Link, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useStrings, useWorkbook, usePort } from "../context";
import { describeOversigt, describePlan, neededPlans, planKey, type PlanContext } from "../actions/plans";
import { describeError } from "../state/errors";
import { useSheetWriter } from "../state/useSheetWriter";
import { AccountsYearField } from "../components/AccountsYearField";
import { Notice } from "../components/Notice";
import type { SheetDescription } from "../../core/sheetDescription";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** One line of the summary. */
interface SummaryLine {
  readonly label: string;
  readonly sheet?: string;
  readonly reason?: string;
}

interface Summary {
  readonly written: readonly SummaryLine[];
  readonly skipped: readonly SummaryLine[];
}

function useAllPlansState() {
  const strings = useStrings();
  const workbook = useWorkbook();
  const port = usePort();
  const write = useSheetWriter();
  const requests = useMemo(() => (workbook.scan === null ? [] : neededPlans(workbook.scan)), [workbook.scan]);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState(0);
  const [summary, setSummary] = useState<Summary | null>(null);
  /** Why the last start wrote nothing (figures changed, or the re-read failed). */
  const [refused, setRefused] = useState<string | null>(null);
  const cancelRequested = useRef(false);
  const total = requests.length + 1;

  const run = async (): Promise<void> => {
    const scan = workbook.scan;
    if (scan === null || running) return;
    const t = strings.allPlans;
    const context: PlanContext = {
      scan,
      policy: workbook.policy,
      grids: workbook.grids,
      readAt: workbook.readAt,
      accountsYear: workbook.accountsYear,
    };
    cancelRequested.current = false;
    setCancelling(false);
    setRunning(true);
    setDone(0);
    setSummary(null);
    setRefused(null);
    // Never plans from old figures: every unit's row is read again (one read) before the first write.
    try {
      const changed = await workbook.changedSinceRead(requests.map((request) => request.unit));
      if (changed.length > 0) {
        setRefused(strings.common.changedRefused(changed.map((unit) => `«${unit.name}»`).join(", ")));
        setRunning(false);
        return;
      }
    } catch (error) {
      setRefused(describeError(error, strings));
      setRunning(false);
      return;
    }
    const written: SummaryLine[] = [];
    const skipped: SummaryLine[] = [];
    const planSheets: Record<string, string> = { ...workbook.plans };
    type Job = { label: string; key: string; describe: () => SheetDescription; activate: boolean };
    const jobs: Job[] = requests.map((request) => ({
      label: t.planLabel(t.kinds[request.kind], request.unit.name),
      key: planKey(request.kind, request.unit),
      // The core refuses a request that breaks the rule book with a Danish message.
      describe: () => describePlan(request, context),
      activate: false,
    }));
    jobs.push({ label: t.oversigt, key: planKey("oversigt"), describe: () => describeOversigt(context, planSheets), activate: true });
    try {
      for (const [index, job] of jobs.entries()) {
        if (cancelRequested.current) {
          for (const rest of jobs.slice(index)) skipped.push({ label: rest.label, reason: t.reasonCancelled });
          break;
        }
        let description: SheetDescription;
        try {
          description = job.describe();
        } catch (error) {
          skipped.push({ label: job.label, reason: t.reasonInvalid(describeError(error, strings)) });
          setDone(index + 1);
          continue;
        }
        const outcome = await write(description, { activate: job.activate });
        if (outcome.kind === "written") {
          planSheets[job.key] = outcome.result.sheetName;
          await workbook.recordPlan(job.key, outcome.result.sheetName);
          written.push({ label: job.label, sheet: outcome.result.sheetName });
        } else if (outcome.kind === "kept") {
          skipped.push({ label: job.label, sheet: outcome.existingSheet, reason: t.reasonKept });
        } else {
          skipped.push({ label: job.label, reason: t.reasonFailed(describeError(outcome.error, strings)) });
        }
        setDone(index + 1);
      }
    } finally {
      setSummary({ written, skipped });
      setRunning(false);
      setCancelling(false);
    }
  };

  const cancel = (): void => {
    cancelRequested.current = true;
    setCancelling(true);
  };

  return { strings, workbook, port, requests, running, cancelling, done, total, summary, refused, run, cancel };
}

/** The Alle planer page. */
export default function AllPlansPage(): JSX.Element {
  const state = useAllPlansState();
  const styles = useStyles();
  const t = state.strings.allPlans;
  const goTo = (sheet: string): void => void state.port.activateSheet(sheet).catch(() => undefined);
  const [yearValid, setYearValid] = useState(true);
  return (
    <section className={styles.page} aria-labelledby="all-plans-heading">
      <Text block as="h2" id="all-plans-heading" size={400} weight="semibold">
        {t.heading}
      </Text>
      <Text block as="p">{state.requests.length === 0 ? t.nothingNeeded : t.intro(state.requests.length)}</Text>
      <AccountsYearField onValidity={setYearValid} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.running || !yearValid} onClick={() => void state.run()}>
          {t.start}
        </Button>
        <Button disabled={!state.running || state.cancelling} onClick={state.cancel}>
          {t.cancel}
        </Button>
      </div>
      <Notice
        focus
        notice={
          state.refused === null
            ? null
            : {
                intent: "error",
                title: state.strings.common.errorTitle,
                body: state.refused,
                action: { label: state.strings.common.refresh, onClick: () => void state.workbook.refresh() },
              }
        }
      />
      {state.running || state.summary !== null ? (
        <Field label={t.progress} hint={state.cancelling ? t.cancelling : t.progressText(state.done, state.total)}>
          <ProgressBar value={state.done} max={state.total} />
        </Field>
      ) : null}
      {state.summary === null ? null : (
        <section aria-labelledby="summary-heading" role="status">
          <Text block as="h3" id="summary-heading" size={300} weight="semibold">
            {t.summary}
          </Text>
          <Text as="h4" weight="semibold">
            {t.written} ({state.summary.written.length})
          </Text>
          {state.summary.written.length === 0 ? (
            <Text block as="p">{t.none}</Text>
          ) : (
            <ul className={styles.list} aria-label={t.written}>
              {state.summary.written.map((line, index) => (
                <li key={index}>
                  {line.label}:{" "}
                  <Link as="button" onClick={() => goTo(line.sheet ?? "")}>
                    {line.sheet}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Text as="h4" weight="semibold">
            {t.skipped} ({state.summary.skipped.length})
          </Text>
          {state.summary.skipped.length === 0 ? (
            <Text block as="p">{t.none}</Text>
          ) : (
            <ul className={styles.list} aria-label={t.skipped}>
              {state.summary.skipped.map((line, index) => (
                <li key={index}>
                  {line.label}: {line.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
