/**
 * The finance department's decision on a unit's application for dispensation, recorded from the
 * pane: ansøgt / bevilget / afslået, af (by whom), dato and sagsnummer. It says what the plan
 * sheet's dispensation field holds now and what the decision does (granted: "Afvikling
 * dispenseret", no instalments due; applied for or refused: the schedule applies), and writes the
 * decision into the plan sheet (and a separate afviklingsplan sheet of the unit) and the plan record
 * in one write (`core/dispensation.ts` `dispensationUpdate`, the port's `updatePlans`: both or
 * neither). Then the pane reads the workbook again, so every page shows the new status.
 */
import { useId, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { currentDispensationCell, dispensationProblem, dispensationUpdate } from "../../../core/dispensation";
import type { DispensationRecord } from "../../../core/planRecord";
import { DISPENSATION_DECISIONS, type DispensationDecision } from "../../../core/planStatus";
import { planRegistryKey } from "../../../core/ports";
import type { WorkbookPlan } from "../../../core/workbookPlans";
import { FormField } from "../../components/FormField";
import type { NoticeValue } from "../../components/Notice";
import { usePort, useStrings, useWorkbook } from "../../context";
import { describeError } from "../../state/errors";
import type { FollowUpStrings } from "./strings";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/** Today as ÅÅÅÅ-MM-DD in the machine's local time (the decision's date is usually today). */
function today(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Props of {@link DispensationDialog}. */
export interface DispensationDialogProps {
  /** The plan the decision is about; null: the dialog is closed. */
  readonly plan: WorkbookPlan | null;
  readonly words: FollowUpStrings;
  /** Closes the dialog; with a notice when something was written (or failed). */
  readonly onClose: (notice: NoticeValue | null) => void;
}

/** The dialog (rendered closed when `plan` is null). */
export function DispensationDialog({ plan, words, onClose }: DispensationDialogProps): JSX.Element {
  // While the dialog closes (Fluent animates it out), it keeps showing the plan it was about.
  const last = useRef<WorkbookPlan | null>(null);
  if (plan !== null) last.current = plan;
  const shown = plan ?? last.current;
  return (
    <Dialog modalType="modal" open={plan !== null} onOpenChange={(_event, data) => (data.open ? undefined : onClose(null))}>
      <DialogSurface>{shown === null ? null : <DispensationForm key={shown.record.planSheet} plan={shown} words={words} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function DispensationForm({ plan, words, onClose }: { readonly plan: WorkbookPlan; readonly words: FollowUpStrings; readonly onClose: (notice: NoticeValue | null) => void }): JSX.Element {
  const styles = useStyles();
  const port = usePort();
  const strings = useStrings();
  const workbook = useWorkbook();
  const formId = useId();
  const recorded = plan.record.dispensation;
  const [decision, setDecision] = useState<DispensationDecision | "">(recorded.decision === "" ? "" : recorded.decision);
  const [by, setBy] = useState(recorded.by);
  const [date, setDate] = useState(recorded.date === "" ? today() : recorded.date);
  const [caseNumber, setCaseNumber] = useState(recorded.caseNumber);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const fold = (name: string) => name.toLowerCase();
  const gridOf = (sheet: string) => workbook.grids.find((g) => fold(g.name) === fold(sheet));
  const planGrid = gridOf(plan.record.planSheet);
  const current = currentDispensationCell(plan.record, planGrid);
  const separateName = plan.unitKey === null ? undefined : workbook.plans[planRegistryKey("afviklingsplan", plan.unitKey)];
  const separateGrid = separateName === undefined ? undefined : gridOf(separateName);
  const value: DispensationRecord = { decision, by, date, caseNumber };
  const problem = dispensationProblem(value);

  const submit = async (): Promise<void> => {
    setTried(true);
    if (problem !== null) return;
    setBusy(true);
    setFailure(null);
    try {
      const update = dispensationUpdate(plan.record, value, separateName === undefined || separateGrid === undefined ? undefined : { sheet: separateName, grid: separateGrid });
      const result = await port.updatePlans(update);
      const word = decision as DispensationDecision;
      onClose({
        intent: result.missingSheet.length > 0 ? "warning" : "success",
        body: words.dispensationDone(plan.record.unitName, words.decisionLabel(word), result.written.map((c) => c.sheet), result.missingSheet.length > 0),
      });
      await workbook.refresh();
    } catch (error) {
      setFailure(describeError(error, strings));
    } finally {
      setBusy(false);
    }
  };

  const decisionProblem = tried && problem === "decision-missing" ? words.decisionMissing : null;
  const dateProblem = problem === "date-invalid" && (tried || date.length >= 10) ? words.dateInvalid : null;
  return (
    <form
      id={formId}
      // The checks are the pane's own, in the pane's language (not the browser's validation bubbles).
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <DialogBody>
        <DialogTitle>{words.dispensationTitle(plan.record.unitName)}</DialogTitle>
        <DialogContent className={styles.fields}>
          <Text block>{words.dispensationIntro}</Text>
          <Text block size={200}>
            {planGrid === undefined ? words.dispensationSheetGone(plan.record.planSheet) : words.dispensationCurrent(plan.record.planSheet, plan.record.cells.dispensation, current)}
          </Text>
          <FormField
            label={words.decision}
            required
            control={{ kind: "select", options: [{ value: "", label: words.decisionChoose }, ...DISPENSATION_DECISIONS.map((d) => ({ value: d, label: words.decisionLabel(d) }))] }}
            value={decision}
            onChange={(v) => setDecision((DISPENSATION_DECISIONS as readonly string[]).includes(v) ? (v as DispensationDecision) : "")}
            problem={decisionProblem === null ? null : { intent: "error", text: decisionProblem }}
            hint={decision === "" ? null : words.decisionEffect(decision)}
          />
          <FormField label={words.decidedBy} control={{ kind: "input" }} value={by} onChange={setBy} />
          <FormField
            label={words.decisionDate}
            hint={words.decisionDateHint}
            control={{ kind: "input" }}
            value={date}
            onChange={setDate}
            problem={dateProblem === null ? null : { intent: "error", text: dateProblem }}
          />
          <FormField label={words.caseNumber} control={{ kind: "input" }} value={caseNumber} onChange={setCaseNumber} />
          {failure === null ? null : (
            <Text block role="alert">
              {failure}
            </Text>
          )}
          <Text block size={200} className={styles.quiet}>
            {words.dispensationWhere}
          </Text>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={busy}>
            {words.dispensationSave}
          </Button>
          <Button appearance="secondary" disabled={busy} onClick={() => onClose(null)}>
            {words.dispensationCancel}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
