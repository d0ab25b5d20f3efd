/**
 * Alle planer: every plan the scan needs and the Oversigt sheet in one action
 * (`actions/allPlans.ts`: the plans in batches of up to 25 sheets per round trip), with a progress
 * bar, a cancel button (it stops between batches, never inside one) and a summary of what was
 * written and what was not, with the reason. Before writing, each Rød unit's years and begrundelse
 * are chosen (`allPlans/RodYears`); the replace question offers "Gælder alle".
 */
import { useMemo, useRef, useState } from "react";
import { Button, Checkbox, Field, Link, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useStrings, useWorkbook, usePort } from "../context";
import {
  checkRequest,
  choosesYears,
  describeOversigt,
  describePlan,
  neededPlans,
  withYearsChoices,
  type PlanContext,
  type YearsChoice,
} from "../actions/plans";
import { planRegistryKey } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import { writeAllPlans, type AllPlansJob, type AllPlansOutcome, type NotWrittenReason } from "../actions/allPlans";
import { describeError } from "../state/errors";
import { recordedSchedules, useConfirmReplaceAll, useSheetWriter } from "../state/useSheetWriter";
import { useGoToSheet } from "../state/useGoToSheet";
import { AccountsYearField } from "../components/AccountsYearField";
import { Notice, type NoticeValue } from "../components/Notice";
import { RodYears } from "./allPlans/RodYears";

const useStyles = makeStyles({
  // The flex gap spaces the parts: the browser's margins of the heading and the count line would
  // add an empty band above the count.
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, "& > h2": { margin: 0 }, "& > p": { margin: 0 } },
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
  const confirmReplace = useConfirmReplaceAll();
  const needed = useMemo(() => (workbook.scan === null ? [] : neededPlans(workbook.scan)), [workbook.scan]);
  // The plans the workbook has not recorded yet: what is left to do.
  const missing = useMemo(
    () => needed.filter((request) => workbook.plans[planRegistryKey(request.kind, request.unitKey)] === undefined),
    [needed, workbook.plans],
  );
  // "Kun manglende planer": on by default when some plans exist already (nothing is asked about them).
  const [onlyMissing, setOnlyMissing] = useState(true);
  // Years and begrundelse per Rød unit (by unit key); without a choice a Rød unit gets 1 year.
  const [chosenYears, setYearsChoices] = useState<Readonly<Record<string, YearsChoice>>>({});
  // A Rød unit with a schedule in the plan record starts from its years (the replace question names
  // any other years chosen); what the user types wins.
  const recordedChoices = useMemo(() => {
    const choices: Record<string, YearsChoice> = {};
    const recorded = recordedSchedules({ grids: workbook.grids, scan: workbook.scan, plans: workbook.plans });
    for (const request of needed.filter(choosesYears)) {
      const years = recorded[request.unitKey]?.years;
      if (years !== undefined) choices[request.unitKey] = { yearsText: String(years), begrundelse: "" };
    }
    return choices;
  }, [needed, workbook.grids, workbook.scan, workbook.plans]);
  const yearsChoices = useMemo(() => ({ ...recordedChoices, ...chosenYears }), [recordedChoices, chosenYears]);
  const requests = useMemo(() => withYearsChoices(onlyMissing ? missing : needed, yearsChoices), [onlyMissing, missing, needed, yearsChoices]);
  const rodRequests = useMemo(() => requests.filter(choosesYears), [requests]);
  const yearsInvalid = useMemo(
    () => rodRequests.some((request) => checkRequest(request, workbook.policy) !== null),
    [rodRequests, workbook.policy],
  );
  const chooseYears = (unitKey: string, choice: YearsChoice): void => setYearsChoices((all) => ({ ...all, [unitKey]: choice }));
  /** A failure to show a written sheet (from the summary's links). */
  const [goToNotice, setGoToNotice] = useState<NoticeValue | null>(null);
  const goTo = useGoToSheet(setGoToNotice);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState(0);
  const [summary, setSummary] = useState<Summary | null>(null);
  /** Why the last start wrote nothing (figures changed, or the re-read failed). */
  const [refused, setRefused] = useState<string | null>(null);
  const cancelRequested = useRef(false);
  // The sheets of the last run (its plans leave "missing" as they are written, the count must not).
  const [runTotal, setRunTotal] = useState<number | null>(null);
  const total = runTotal ?? requests.length + 1;

  const run = async (): Promise<void> => {
    const scan = workbook.scan;
    if (scan === null || running || yearsInvalid) return;
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
    const jobs: AllPlansJob[] = requests.map((request) => ({
      label: t.planLabel(t.kinds[request.kind], request.unit.name),
      key: planRegistryKey(request.kind, request.unitKey),
      // The core refuses a request that breaks the rule book with a Danish message.
      describe: () => describePlan(request, context),
    }));
    const oversigt = { label: t.oversigt, key: planRegistryKey("oversigt"), describe: (planSheets: Readonly<Record<string, string>>, written: readonly SheetDescription[]) => describeOversigt(context, planSheets, written) };
    setRunTotal(jobs.length + 1);
    const reason = (r: NotWrittenReason): string => {
      switch (r.kind) {
        case "cancelled":
          return t.reasonCancelled;
        case "kept":
          return t.reasonKept;
        case "invalid":
          return t.reasonInvalid(describeError(r.error, strings));
        case "failed":
          return t.reasonFailed(describeError(r.error, strings));
        case "notAttempted":
          return t.reasonNotAttempted;
      }
    };
    let outcome: AllPlansOutcome = { written: [], skipped: [] };
    try {
      // Plans go in batches (Excel: up to 25 sheets per round trip); Annullér stops between batches.
      outcome = await writeAllPlans(port, jobs, oversigt, workbook.plans, {
        writeOne: write,
        confirmReplace,
        shouldStop: () => cancelRequested.current,
        onProgress: setDone,
      });
      for (const line of outcome.written) await workbook.recordPlan(line.key, line.sheet);
      // Read the workbook again: the new plans and the plan record give the Oversigt's plan statuses.
      if (outcome.written.length > 0) void workbook.refresh();
    } finally {
      setSummary({
        written: outcome.written.map((line) => ({ label: line.label, sheet: line.sheet })),
        skipped: outcome.skipped.map((line) => ({
          label: line.label,
          reason: reason(line.reason),
          ...(line.reason.kind === "kept" ? { sheet: line.reason.existingSheet } : {}),
        })),
      });
      setRunning(false);
      setCancelling(false);
    }
  };

  const cancel = (): void => {
    cancelRequested.current = true;
    setCancelling(true);
  };

  return {
    strings,
    workbook,
    port,
    needed,
    missing,
    onlyMissing,
    setOnlyMissing,
    requests,
    rodRequests,
    yearsChoices,
    chooseYears,
    yearsInvalid,
    goTo,
    goToNotice,
    setGoToNotice,
    running,
    cancelling,
    done,
    total,
    summary,
    refused,
    run,
    cancel,
  };
}

/** The Alle planer page. */
export default function AllPlansPage(): JSX.Element {
  const state = useAllPlansState();
  const styles = useStyles();
  const t = state.strings.allPlans;
  const [yearValid, setYearValid] = useState(true);
  return (
    <section className={styles.page} aria-labelledby="all-plans-heading">
      <Text block as="h2" id="all-plans-heading" size={400} weight="semibold">
        {t.heading}
      </Text>
      <Text block as="p">{state.needed.length === 0 ? t.nothingNeeded : t.counts(state.needed.length, state.missing.length)}</Text>
      {state.needed.length === 0 || state.missing.length === state.needed.length ? null : (
        <Checkbox
          label={t.onlyMissing}
          checked={state.onlyMissing}
          disabled={state.running}
          onChange={(_e, data) => state.setOnlyMissing(data.checked === true)}
        />
      )}
      <AccountsYearField onValidity={setYearValid} />
      <RodYears
        requests={state.rodRequests}
        choices={state.yearsChoices}
        onChange={state.chooseYears}
        maxYears={state.workbook.policy.maxYears}
        disabled={state.running}
        strings={state.strings}
      />
      {state.yearsInvalid ? (
        <Text block as="p" id="all-plans-blocked">
          {t.rodBlocked}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={state.running || !yearValid || state.yearsInvalid}
          aria-describedby={state.yearsInvalid ? "all-plans-blocked" : undefined}
          onClick={() => void state.run()}
        >
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
      <Notice notice={state.goToNotice} onDismiss={() => state.setGoToNotice(null)} />
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
                  <Link as="button" onClick={() => state.goTo(line.sheet ?? "")}>
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
