/**
 * Enhed: one unit's figures and how they were computed, its requirement in the rule book's words,
 * and the plans it needs. The years field enforces the policy (Gul: 1 year; Rød: 1..maxYears,
 * above 1 only with a begrundelse) and previews the equal instalments live. After a write the new
 * sheet is shown and a link leads to it.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  Link,
} from "@fluentui/react-components";
import { debtOf } from "../../core/assessment";
import { formatAsOf, formatKroner } from "../../core/format";
import { periodInYear, yearForSheet } from "../../core/layout/period";
import { formatLimitPct, limitBasisPoints, PERCENTAGE_BASE_LABELS } from "../../core/policy";
import { colourSteps, formatResultPercent } from "../../core/colourBands";
import { equalInstalments } from "../../core/repayment";
import { AccountsYearField } from "../components/AccountsYearField";
import { FieldGrid, FormField } from "../components/FormField";
import { subtract, type Ore } from "../../core/money";
import type { DispensationDecision } from "../../core/planStatus";
import type { UnitRecord } from "../../core/unit";
import { useNavigation, usePort, useStrings, useWorkbook } from "../context";
import { IndicatorBadge } from "../components/IndicatorBadge";
import { Notice, type NoticeValue } from "../components/Notice";
import { checkYears, describePlan, parseYears, plansOffered, type PlanKind, type PlanRequest } from "../actions/plans";
import { planRegistryKey } from "../../core/ports";
import { unitKeys } from "../../core/unitKey";
import { describeError, planProblemText } from "../state/errors";
import { reasonText } from "../state/reasonText";
import { recordedSchedule, useSheetWriter } from "../state/useSheetWriter";
import { useGoToSheet } from "../state/useGoToSheet";
import { requirementText } from "../state/requirementText";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  headingText: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outlineWidth: tokens.strokeWidthThick, outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  tight: { margin: 0 },
  // A section's parts close together (no paragraph margins): the action stays on the first screen.
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "& p, & h3": { margin: 0 } },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  fold: { "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS } },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

function useUnitState() {
  const workbook = useWorkbook();
  const navigation = useNavigation();
  const strings = useStrings();
  const port = usePort();
  const write = useSheetWriter();
  const unit = useMemo(
    () => {
      const units = workbook.scan?.units ?? [];
      return units[unitKeys(units).indexOf(navigation.unitKey ?? "")] ?? null;
    },
    [workbook.scan, navigation.unitKey],
  );
  const [yearsText, setYearsText] = useState("1");
  // A unit with a schedule in the plan record starts from its years: making the plan again with the
  // same years replaces nothing but the sheet, and other years are a choice the "Erstat?" question names.
  const recordedYears = useMemo(
    () => recordedSchedule({ grids: workbook.grids, scan: workbook.scan, plans: workbook.plans }, navigation.unitKey ?? undefined)?.years,
    [workbook.grids, workbook.scan, workbook.plans, navigation.unitKey],
  );
  useEffect(() => {
    setYearsText(String(recordedYears ?? 1));
  }, [navigation.unitKey, recordedYears]);
  const [begrundelse, setBegrundelse] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  // A link to a sheet that cannot be shown says so (in the notice), instead of doing nothing.
  const goTo = useGoToSheet(setNotice);

  const isGul = unit?.assessment?.indicator === "Gul";
  const years = isGul ? 1 : parseYears(yearsText);
  const problem = unit === null ? null : checkYears(unit, years, begrundelse, workbook.policy);
  const debt: Ore | null = unit?.assessment == null ? null : debtOf(unit.assessment);
  const preview = useMemo(() => {
    if (debt === null || debt <= 0 || problem === "years-invalid" || problem === "years-too-many") return [];
    try {
      return equalInstalments(debt, years, workbook.policy);
    } catch {
      return [];
    }
  }, [debt, years, problem, workbook.policy]);

  const create = async (kind: PlanKind, options: { dispensation?: DispensationDecision } = {}): Promise<void> => {
    if (unit === null || workbook.scan === null || navigation.unitKey === null) return;
    const request: PlanRequest = {
      kind,
      unit,
      unitKey: navigation.unitKey,
      ...(kind === "overskudsplan" ? {} : { years }),
      begrundelse,
      ...(options.dispensation === undefined ? {} : { dispensation: options.dispensation }),
    };
    setBusy(true);
    setNotice(null);
    try {
      // Never a plan from old figures: the unit's row is read again right before the write.
      let changed: UnitRecord[];
      try {
        changed = await workbook.changedSinceRead([unit]);
      } catch (error) {
        setNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
        return;
      }
      if (changed.length > 0) {
        setNotice({
          intent: "error",
          title: strings.common.errorTitle,
          body: strings.common.changedRefused(`«${unit.name}»`),
          action: { label: strings.common.refresh, onClick: () => void workbook.refresh() },
        });
        return;
      }
      let description;
      try {
        description = describePlan(request, {
          scan: workbook.scan,
          policy: workbook.policy,
          grids: workbook.grids,
          readAt: workbook.readAt,
          accountsYear: workbook.accountsYear,
        });
      } catch (error) {
        setNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
        return;
      }
      const outcome = await write(description, { activate: true });
      if (outcome.kind === "written") {
        const sheet = outcome.result.sheetName;
        await workbook.recordPlan(planRegistryKey(kind, request.unitKey), sheet);
        setNotice({
          intent: "success",
          title: strings.common.successTitle,
          body: outcome.result.replaced ? strings.common.replaced(sheet) : strings.common.written(sheet),
          link: { label: strings.common.goToSheet(sheet), onClick: () => goTo(sheet) },
        });
        // Read the workbook again: the new plan and the plan record give the unit's plan status.
        void workbook.refresh();
      } else if (outcome.kind === "kept") {
        setNotice({ intent: "info", body: strings.common.kept(outcome.existingSheet) });
      } else {
        setNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(outcome.error, strings) });
      }
    } finally {
      setBusy(false);
    }
  };

  return {
    strings,
    workbook,
    navigation,
    port,
    goTo,
    unit,
    yearsText,
    setYearsText,
    begrundelse,
    setBegrundelse,
    isGul,
    years,
    problem,
    debt,
    preview,
    busy,
    notice,
    setNotice,
    create,
  };
}

type UnitState = ReturnType<typeof useUnitState>;

/** The Enhed page. */
export default function UnitPage(): JSX.Element {
  const state = useUnitState();
  const styles = useStyles();
  const { strings, unit } = state;
  const t = strings.unit;
  const heading = useRef<HTMLHeadingElement>(null);
  const key = unit === null ? null : state.navigation.unitKey;
  // Opening a unit moves the focus to its name, so a screen reader starts where the page starts.
  useEffect(() => {
    if (key !== null) heading.current?.focus();
  }, [key]);
  if (unit === null) {
    return (
      <section className={styles.page}>
        <Text block as="p">{t.none}</Text>
        <div>
          <Button onClick={() => state.navigation.goTo("overview")}>{t.back}</Button>
        </div>
      </section>
    );
  }
  // In the order of the work: the requirement and the action first (the first screen), the
  // figures next, how they were computed folded away.
  return (
    <section className={styles.page} aria-labelledby="unit-heading">
      <div className={styles.heading}>
        <h2 id="unit-heading" ref={heading} tabIndex={-1} className={styles.headingText}>
          {unit.name}
        </h2>
        <IndicatorBadge indicator={unit.assessment?.indicator ?? null} requirement={unit.assessment?.requirement ?? null} />
        {unit.id === null ? null : <Text size={200}>{unit.id}</Text>}
      </div>
      {unit.assessment === null ? (
        <Notice notice={{ intent: "warning", body: t.notAssessed(unit.errorWhy === null ? "" : reasonText(unit.errorWhy, strings)) }} />
      ) : (
        <>
          <section aria-labelledby="requirement-heading" className={styles.stack}>
            <Text block as="h3" id="requirement-heading" size={300} weight="semibold">
              {t.requirement}
            </Text>
            <Text block as="p" className={styles.tight}>
              {requirementText(unit.assessment.requirement, state.workbook.policy, strings)}
            </Text>
            <Text block as="p" size={200} className={styles.muted}>
              {t.pctAgainstLimit(
                formatResultPercent(unit.assessment.totalResult, unit.assessment.base, limitBasisPoints(state.workbook.policy)),
                formatLimitPct(state.workbook.policy.limitPct),
              )}
            </Text>
          </section>
          <PlanActions unit={unit} state={state} />
          <Notice focus notice={state.notice} onDismiss={() => state.setNotice(null)} />
          <Distance unit={unit} state={state} />
          <Figures unit={unit} state={state} />
          <HowComputed unit={unit} state={state} />
        </>
      )}
      <div>
        <Button appearance="subtle" onClick={() => state.navigation.goTo("overview")}>
          {t.back}
        </Button>
      </div>
    </section>
  );
}

/** How far the neighbouring colours are, in kr. of forbrug (the rule at a glance, for this unit). */
function Distance({ unit, state }: { readonly unit: UnitRecord; readonly state: UnitState }): JSX.Element | null {
  const styles = useStyles();
  const t = state.strings.unit;
  const assessment = unit.assessment;
  if (assessment === null) return null;
  const steps = colourSteps(assessment.totalResult, assessment.base, limitBasisPoints(state.workbook.policy));
  const parts = [steps.less, steps.more].flatMap((step) =>
    step === null ? [] : [t.distanceStep(t.colourNames[step.requirement], formatKroner(step.amount), step.direction)],
  );
  if (parts.length === 0) return null;
  return (
    <Text block as="p" size={200} className={styles.muted}>
      {t.distance(parts.join(" · "))}
    </Text>
  );
}

function Figures({ unit, state }: { readonly unit: UnitRecord; readonly state: UnitState }): JSX.Element | null {
  const styles = useStyles();
  const t = state.strings.unit;
  const figures = unit.figures;
  const assessment = unit.assessment;
  if (figures === null || assessment === null) return null;
  // The spending line names its period as the plans will (Kolonner's correction, the Regnskabsår field).
  const sheets = state.workbook.scan?.sheets ?? [];
  const sheetPeriod = sheets.find((s) => s.sheet === unit.sheet)?.period;
  const period = periodInYear(sheetPeriod, yearForSheet(sheetPeriod, state.workbook.accountsYear, sheets));
  const rows: [string, string][] = [
    // The policy's budget: the result's budget and the percentage base (one figure).
    [state.strings.settings.bases[state.workbook.policy.base], formatKroner(figures.budget)],
    [period === undefined ? t.spending : t.spendingIn(period.figures, period.asOf === null ? null : formatAsOf(period.asOf), period.budgetYear), formatKroner(figures.spending)],
    [t.carried, formatKroner(figures.carried)],
    [t.yearResult, formatKroner(assessment.yearResult)],
    [t.totalResult, formatKroner(assessment.totalResult)],
    [t.base, formatKroner(assessment.base)],
    [t.pct, formatResultPercent(assessment.totalResult, assessment.base, limitBasisPoints(state.workbook.policy))],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <Text block as="h3" id="figures-heading" size={300} weight="semibold">
        {t.figures}
      </Text>
      <dl className={styles.figures}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function HowComputed({ unit, state }: { readonly unit: UnitRecord; readonly state: UnitState }): JSX.Element {
  const styles = useStyles();
  const t = state.strings.unit;
  const policy = state.workbook.policy;
  const mapping = state.workbook.scan?.sheets.find((s) => s.sheet === unit.sheet)?.explained?.mapping;
  return (
    <details className={styles.fold}>
      <summary>{t.how}</summary>
      <ul className={styles.list}>
        <li>{policy.includeCarried ? t.formula : t.formulaNoCarried}</li>
        <li>{t.baseIs(state.strings.settings.bases[policy.base] ?? PERCENTAGE_BASE_LABELS[policy.base])}</li>
        <li>{policy.includeCarried ? t.carriedCounted : t.carriedNotCounted}</li>
        {mapping === undefined ? null : <li>{t.sign[mapping.signConvention]}</li>}
        {mapping === undefined ? null : <li>{t.amountUnit(state.strings.columns.units[mapping.unit])}</li>}
        <li>{t.source(unit.sheet, unit.row)}</li>
      </ul>
    </details>
  );
}

function PlanActions({ unit, state }: { readonly unit: UnitRecord; readonly state: UnitState }): JSX.Element {
  const styles = useStyles();
  const [yearValid, setYearValid] = useState(true);
  const t = state.strings.unit;
  const kinds = plansOffered(unit);
  const policy = state.workbook.policy;
  const existing = (["handleplan", "afviklingsplan", "overskudsplan"] as const)
    .map((kind) => state.workbook.plans[planRegistryKey(kind, state.navigation.unitKey ?? undefined)])
    .filter((sheet): sheet is string => sheet !== undefined);

  const existingLinks = existing.map((sheet) => (
    <li key={sheet}>
      {t.existing(sheet)}{" "}
      <Link as="button" onClick={() => state.goTo(sheet)}>
        {state.strings.common.goToSheet(sheet)}
      </Link>
    </li>
  ));

  if (kinds.length === 0) {
    return (
      <section aria-labelledby="actions-heading" className={styles.stack}>
        <Text block as="h3" id="actions-heading" size={300} weight="semibold">
          {t.actions}
        </Text>
        <Text block as="p">{t.noActions}</Text>
      </section>
    );
  }

  if (!kinds.includes("handleplan")) {
    return (
      <section aria-labelledby="actions-heading" className={styles.stack}>
        <Text block as="h3" id="actions-heading" size={300} weight="semibold">
          {t.actions}
        </Text>
        {existing.length === 0 ? null : <ul className={styles.list}>{existingLinks}</ul>}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={state.busy} onClick={() => void state.create("overskudsplan")}>
            {t.createOverskudsplan}
          </Button>
        </div>
      </section>
    );
  }

  const yearsError =
    state.problem === "years-invalid" || state.problem === "years-too-many" ? planProblemText(state.problem, state.strings, policy.maxYears) : undefined;
  const begrundelseError = state.problem === "begrundelse-required" ? t.begrundelseRequired : undefined;
  const blocked = state.busy || state.problem !== null || !yearValid;
  return (
    <section aria-labelledby="actions-heading" className={styles.stack}>
      <Text block as="h3" id="actions-heading" size={300} weight="semibold">
        {t.actions}
      </Text>
      {existing.length === 0 ? null : <ul className={styles.list}>{existingLinks}</ul>}
      <Text block as="p">
        {t.debt}: {state.debt === null ? "" : formatKroner(state.debt)}
      </Text>
      <FieldGrid>
        <FormField
          label={t.years}
          hint={state.isGul ? t.yearsHintGul : t.yearsHintRod(policy.maxYears)}
          problem={yearsError === undefined ? null : { intent: "error", text: yearsError }}
          control={{ kind: "input", type: "number", min: 1, max: state.isGul ? 1 : policy.maxYears, step: 1, readOnly: state.isGul }}
          value={state.isGul ? "1" : state.yearsText}
          onChange={state.setYearsText}
        />
        <AccountsYearField onValidity={setYearValid} />
      </FieldGrid>
      {state.isGul ? null : (
        <FormField
          label={t.begrundelse}
          required={state.years > 1}
          problem={begrundelseError === undefined ? null : { intent: "error", text: begrundelseError }}
          control={{ kind: "textarea", rows: 2 }}
          value={state.begrundelse}
          onChange={state.setBegrundelse}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={blocked} onClick={() => void state.create("handleplan")}>
          {t.createHandleplan}
        </Button>
        <Button disabledFocusable={blocked} onClick={() => void state.create("afviklingsplan")}>
          {t.createAfviklingsplan}
        </Button>
        <Button
          disabledFocusable={state.busy}
          aria-describedby="dispensation-hint"
          onClick={() => void state.create("handleplan", { dispensation: "ansøgt" })}
        >
          {t.dispensation}
        </Button>
      </div>
      <Text block as="p" id="dispensation-hint" size={200}>
        {t.dispensationHint}
      </Text>
      {state.preview.length === 0 || state.debt === null ? null : (
        <Preview instalments={state.preview} debt={state.debt} state={state} />
      )}
    </section>
  );
}

function Preview({ instalments, debt, state }: { readonly instalments: readonly Ore[]; readonly debt: Ore; readonly state: UnitState }): JSX.Element {
  const styles = useStyles();
  const t = state.strings.unit;
  let remaining = debt;
  // Calendar years: the first instalment falls the year after the accounts year.
  const firstYear = state.workbook.accountsYear + 1;
  return (
    <Table size="extra-small" aria-label={t.preview}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.previewYear}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t.previewInstalment}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t.previewClosing}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {instalments.map((instalment, index) => {
          remaining = subtract(remaining, instalment);
          return (
            <TableRow key={index}>
              <TableCell>{firstYear + index}</TableCell>
              <TableCell className={styles.number}>{formatKroner(instalment)}</TableCell>
              <TableCell className={styles.number}>{formatKroner(remaining)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
