/**
 * Kolonner: how each sheet was read (heading row, the column of each role, amount unit, sign
 * convention, udvalg/område) with the reason for every choice, and the sheet's period (budgetår,
 * opgørelsestidspunkt, forventet forbrug or regnskab). Each choice can be corrected from a list; the
 * corrected mapping is saved in the workbook (`SETTING_KEYS.mappings`), used as overrides on every
 * scan, and can be reset to what detection found. A sheet in which detection found no table is no
 * dead end: its form starts from the first row with text, and the user points out the heading row
 * and each column by hand; saving reads the sheet with that mapping at once. Leaving the page with
 * unsaved corrections asks first.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { FormField } from "../components/FormField";
import {
  COLUMN_ROLES,
  type AmountUnit,
  type ColumnRole,
  type ExplainedMapping,
  type SheetMapping, type SheetReading, type SignConvention } from "../../core/unit";
import { useNavigation, useStrings, useWorkbook } from "../context";
import { Notice, type NoticeValue } from "../components/Notice";
import { useConfirm } from "../components/ConfirmProvider";
import { describeError } from "../state/errors";
import { reasonText } from "../state/reasonText";
import type { Reason } from "../../core/reason";
import { headingsAt, manualExplained } from "../state/manualMapping";
import type { SheetGrid } from "../../core/grid";
import { ownSheetsShown } from "../../core/ownSheets";
import { areasFound, type AreaOverride } from "../../core/layout/area";
import { asOfFromText, formatAsOf, periodOverrideFromJson, type FiguresKind, type PeriodOverride, type SheetPeriod } from "../../core/layout/period";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  sheet: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  period: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
});

const AMOUNT_UNITS: readonly AmountUnit[] = ["kr", "tkr", "mkr"];
/** How many område names the hint lists before "and N more". */
const AREA_NAMES_SHOWN = 4;

/** The område list's value of a correction: "" (as the sheet says), "none", "name" or "col:D". */
function areaChoice(area: AreaOverride | undefined): string {
  return area === undefined ? "" : area.kind === "column" ? `col:${area.column}` : area.kind;
}

/** The mapping with `area` as the correction ("" in the list: none, as the sheet says). */
function withArea(mapping: SheetMapping, choice: string, name: string): SheetMapping {
  const { area: _previous, ...rest } = mapping;
  if (choice === "") return rest;
  const area: AreaOverride =
    choice === "none" ? { kind: "none" } : choice === "name" ? { kind: "name", name } : { kind: "column", column: choice.slice("col:".length) };
  return { ...rest, area };
}
const SIGNS: readonly SignConvention[] = ["plus-is-deficit", "plus-is-surplus"];
const FIGURES_CHOICES: readonly (FiguresKind | "")[] = ["", "forecast", "accounts"];

/** The period part of the form as typed: an empty field keeps what the sheet says. */
interface PeriodDraft {
  readonly year: string;
  readonly asOf: string;
  readonly figures: FiguresKind | "";
  /**
   * A saved "not stated" (`null`, as a mapping file may say) of a field still empty and untouched:
   * kept as it is, so saving other corrections never drops it.
   */
  readonly keepNull: { readonly asOf: boolean; readonly figures: boolean };
}

function periodDraftOf(period: PeriodOverride | undefined): PeriodDraft {
  return {
    year: period?.budgetYear === undefined ? "" : String(period.budgetYear),
    asOf: typeof period?.asOf === "string" ? period.asOf : "",
    figures: period?.figures ?? "",
    keepNull: { asOf: period?.asOf === null, figures: period?.figures === null },
  };
}

/**
 * The typed period as the mapping's `period` (the CLI's mapping JSON shape, checked by the same core
 * parser): undefined when every field is empty; which fields are invalid otherwise.
 * `readYear` is the year in force, for a date typed without one ("31/5").
 */
function periodOverrideOf(draft: PeriodDraft, readYear: number): { period: PeriodOverride | undefined; yearValid: boolean; asOfValid: boolean } {
  const yearText = draft.year.trim();
  const yearChecked = yearText === "" ? {} : /^\d+$/.test(yearText) ? periodOverrideFromJson({ budgetYear: Number(yearText) }, "period") : "invalid";
  const yearValid = typeof yearChecked !== "string";
  const year = yearValid && yearChecked.budgetYear !== undefined ? yearChecked.budgetYear : readYear;
  const asOf = draft.asOf.trim() === "" ? undefined : asOfFromText(draft.asOf, year);
  const asOfValid = draft.asOf.trim() === "" || asOf !== undefined;
  const period: { budgetYear?: number; asOf?: string | null; figures?: FiguresKind | null } = {
    ...(yearValid && yearChecked.budgetYear !== undefined ? { budgetYear: yearChecked.budgetYear } : {}),
    ...(asOf !== undefined ? { asOf } : draft.keepNull.asOf && draft.asOf === "" ? { asOf: null } : {}),
    ...(draft.figures !== "" ? { figures: draft.figures } : draft.keepNull.figures ? { figures: null } : {}),
  };
  return { period: Object.keys(period).length === 0 ? undefined : period, yearValid, asOfValid };
}

/** The mapping with `period` as the correction (none: as the sheet says). */
function withPeriod(mapping: SheetMapping, period: PeriodOverride | undefined): SheetMapping {
  const { period: _previous, ...rest } = mapping;
  return period === undefined ? rest : { ...rest, period };
}

/** The Kolonner page. */
export default function ColumnsPage(): JSX.Element {
  const strings = useStrings();
  const workbook = useWorkbook();
  const navigation = useNavigation();
  const confirm = useConfirm();
  const styles = useStyles();
  const readings = workbook.scan?.sheets ?? [];
  // Budgetlys' own sheets (Oversigt, plans) are not read: said here, where the read sheets are.
  const own = ownSheetsShown(workbook.scan?.ownSheets ?? []);
  // Sheets with unsaved corrections; while there are any, leaving the page asks first.
  const dirty = useRef(new Set<string>());
  const { setLeaveGuard } = navigation;
  const t = strings.columns;
  const onDirty = useCallback(
    (sheet: string, isDirty: boolean) => {
      if (isDirty) dirty.current.add(sheet);
      else dirty.current.delete(sheet);
      setLeaveGuard(
        dirty.current.size === 0
          ? null
          : () =>
              confirm({
                title: t.unsavedTitle,
                body: t.unsavedBody([...dirty.current].join(", ")),
                confirmLabel: t.leave,
                cancelLabel: t.stay,
              }),
      );
    },
    [confirm, setLeaveGuard, t],
  );
  useEffect(() => () => setLeaveGuard(null), [setLeaveGuard]);
  return (
    <section className={styles.page} aria-labelledby="columns-heading">
      <Text block as="h2" id="columns-heading" size={400} weight="semibold">
        {t.heading}
      </Text>
      <Text block as="p">{t.intro}</Text>
      {own.names.length === 0 ? null : <Text block as="p">{t.ownSheets(own.names, own.more)}</Text>}
      {readings.map((reading) => {
        const grid = workbook.grids.find((g) => g.name === reading.sheet);
        if (reading.explained === null) {
          if (grid === undefined) return null;
          return (
            // Keyed by the sheet alone: once the sheet pointed out by hand is read, the same editor
            // stays, with its "saved" message where the user looks.
            <SheetMappingEditor
              key={reading.sheet}
              reading={reading}
              explained={manualExplained(grid)}
              grid={grid}
              manual={reading.skipped[0] === undefined ? "" : reasonText(reading.skipped[0].why, strings)}
              saved={workbook.overrides[reading.sheet] !== undefined}
              onDirty={onDirty}
            />
          );
        }
        return (
          <SheetMappingEditor
            key={reading.sheet}
            reading={reading}
            explained={reading.explained}
            grid={grid}
            saved={workbook.overrides[reading.sheet] !== undefined}
            onDirty={onDirty}
          />
        );
      })}
    </section>
  );
}

function useEditorState(props: EditorProps) {
  const { reading, explained, grid, onDirty } = props;
  const strings = useStrings();
  const workbook = useWorkbook();
  const [draft, setDraft] = useState<SheetMapping>(explained.mapping);
  const [headerRowText, setHeaderRowText] = useState(String(explained.mapping.headerRow));
  const [periodDraft, setPeriodDraft] = useState<PeriodDraft>(periodDraftOf(explained.mapping.period));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  // A new scan (after saving or resetting) shows what is now in force.
  const current = JSON.stringify(explained.mapping);
  useEffect(() => {
    const mapping = JSON.parse(current) as SheetMapping;
    setDraft(mapping);
    setHeaderRowText(String(mapping.headerRow));
    setPeriodDraft(periodDraftOf(mapping.period));
  }, [current]);
  const headerRowValid = /^\s*\d+\s*$/.test(headerRowText) && Number(headerRowText) >= 1;
  const areaNameValid = draft.area?.kind !== "name" || draft.area.name.trim() !== "";
  // The period part exists only for a sheet read with a period: its year (read, chosen or a marked
  // guess) places a date typed without one ("31/5"). Without it the saved period stays as it is.
  const readYear = reading.period?.budgetYear;
  const typedPeriod =
    readYear === undefined ? { period: explained.mapping.period, yearValid: true, asOfValid: true } : periodOverrideOf(periodDraft, readYear);
  // The period counts as changed when what would be saved differs from the saved period.
  const periodDirty =
    readYear !== undefined && JSON.stringify(typedPeriod.period ?? null) !== JSON.stringify(periodOverrideOf(periodDraftOf(explained.mapping.period), readYear).period ?? null);
  const isDirty =
    props.manual !== undefined
      ? Object.keys(draft.columns).length > 0
      : periodDirty || JSON.stringify(withPeriod({ ...draft, headerRow: Number(headerRowText) }, undefined)) !== JSON.stringify(withPeriod(explained.mapping, undefined));
  useEffect(() => onDirty(reading.sheet, isDirty), [onDirty, reading.sheet, isDirty]);
  useEffect(() => () => onDirty(reading.sheet, false), [onDirty, reading.sheet]);

  const setColumn = (role: ColumnRole, letter: string): void => {
    const columns = { ...draft.columns };
    if (letter === "") delete columns[role];
    else columns[role] = letter;
    setDraft({ ...draft, columns });
  };

  const save = async (mapping: SheetMapping | null): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      onDirty(reading.sheet, false);
      await workbook.saveMapping(reading.sheet, mapping);
      // A budget year stated for the sheet (or taken back) is the year in force from now on: a year
      // typed earlier in this session's Regnskabsår field (Enhed, Alle planer) no longer shadows it.
      if ((mapping?.period?.budgetYear ?? null) !== (explained.mapping.period?.budgetYear ?? null)) workbook.setAccountsYear(null);
      setNotice({
        intent: "success",
        body: mapping === null ? strings.columns.resetDone(reading.sheet) : strings.columns.saved(reading.sheet),
      });
    } catch (error) {
      setNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  // The headings of the heading row as typed (by hand: any row of the sheet), else detection's.
  const headings: Readonly<Record<string, string>> =
    grid !== undefined && headerRowValid && Number(headerRowText) !== explained.mapping.headerRow
      ? headingsAt(grid, Number(headerRowText))
      : explained.headings;
  const letters = Array.from(
    new Set([...Object.keys(headings), ...Object.values(draft.columns).filter((l): l is string => l !== undefined)]),
  ).sort((a, b) => a.length - b.length || a.localeCompare(b));

  return {
    strings,
    explained,
    draft,
    setDraft,
    headerRowText,
    setHeaderRowText,
    headerRowValid,
    areaNameValid,
    periodDraft,
    setPeriodDraft,
    typedPeriod,
    setColumn,
    letters,
    headings,
    busy,
    notice,
    setNotice,
    saveDraft: () =>
      void save(
        withPeriod(
          {
            ...(draft.area?.kind === "name" ? withArea(draft, "name", draft.area.name.replace(/\s+/g, " ").trim()) : draft),
            sheet: reading.sheet,
            headerRow: Number(headerRowText),
          },
          props.manual === undefined ? typedPeriod.period : undefined,
        ),
      ),
    reset: () => void save(null),
  };
}

/** Props of {@link SheetMappingEditor}. */
interface EditorProps {
  readonly reading: SheetReading;
  readonly explained: ExplainedMapping;
  /** The sheet's cells (the headings of any heading row the user types). */
  readonly grid: SheetGrid | undefined;
  /** Set when detection found no table: why (the form is then filled in by hand). @default undefined */
  readonly manual?: string;
  /** Whether a correction of this sheet is saved (so it can be reset). */
  readonly saved: boolean;
  /** Tells the page whether this sheet has unsaved corrections. */
  readonly onDirty: (sheet: string, dirty: boolean) => void;
}

function SheetMappingEditor(props: EditorProps): JSX.Element {
  const { reading, saved } = props;
  const state = useEditorState(props);
  const styles = useStyles();
  const t = state.strings.columns;
  const { explained, draft } = state;
  const headingId = `mapping-${reading.sheet.replace(/[^A-Za-z0-9]/g, "_")}`;
  const why = (decision: { why: Reason; source: "detected" | "user" } | undefined): string | null =>
    decision === undefined ? null : decision.source === "user" ? t.byUser : t.reason(reasonText(decision.why, state.strings));
  const found = areasFound(reading.units);
  const areaHint = explained.mapping.area !== undefined ? t.byUser : t.areaFound(found.from === "user" ? "column" : found.from, found.names.slice(0, AREA_NAMES_SHOWN), Math.max(0, found.names.length - AREA_NAMES_SHOWN));
  return (
    <section className={styles.sheet} aria-labelledby={headingId}>
      <Text block as="h3" id={headingId} size={300} weight="semibold">
        {t.sheet(reading.sheet)}
      </Text>
      {props.manual === undefined ? null : (
        <Notice notice={{ intent: "warning", title: t.noTable(reading.sheet, props.manual), body: t.byHand }} />
      )}
      <Notice notice={state.notice} onDismiss={() => state.setNotice(null)} />
      <FormField
        label={t.headerRow}
        hint={why(explained.headerRow)}
        problem={state.headerRowValid ? null : { intent: "error", text: t.headerRowInvalid }}
        control={{ kind: "input", type: "number", min: 1 }}
        value={state.headerRowText}
        onChange={state.setHeaderRowText}
      />
      {COLUMN_ROLES.map((role) => (
        <FormField
          key={role}
          label={t.role[role]}
          hint={why(explained.columns[role])}
          control={{
            kind: "select",
            options: [
              { value: "", label: t.noColumn },
              ...state.letters.map((letter) => ({ value: letter, label: t.columnOption(letter, state.headings[letter] ?? "") })),
            ],
          }}
          value={draft.columns[role] ?? ""}
          onChange={(letter) => state.setColumn(role, letter)}
        />
      ))}
      <FormField
        label={t.unit}
        hint={why(explained.unit)}
        control={{ kind: "select", options: AMOUNT_UNITS.map((unit) => ({ value: unit, label: t.units[unit] })) }}
        value={draft.unit}
        onChange={(unit) => state.setDraft({ ...draft, unit: unit as AmountUnit })}
      />
      <FormField
        label={t.sign}
        hint={why(explained.signConvention)}
        control={{ kind: "select", options: SIGNS.map((sign) => ({ value: sign, label: t.signs[sign] })) }}
        value={draft.signConvention}
        onChange={(sign) => state.setDraft({ ...draft, signConvention: sign as SignConvention })}
      />
      <FormField
        label={t.area}
        hint={areaHint}
        control={{
          kind: "select",
          options: [
            { value: "", label: t.areaAuto },
            { value: "none", label: t.areaNone },
            ...state.letters.map((letter) => ({ value: `col:${letter}`, label: t.areaColumn(letter, state.headings[letter] ?? "") })),
            { value: "name", label: t.areaName },
          ],
        }}
        value={areaChoice(draft.area)}
        onChange={(choice) => state.setDraft(withArea(draft, choice, draft.area?.kind === "name" ? draft.area.name : ""))}
      />
      {draft.area?.kind !== "name" ? null : (
        <FormField
          label={t.areaNameLabel}
          problem={state.areaNameValid ? null : { intent: "error", text: t.areaNameMissing }}
          control={{ kind: "input" }}
          value={draft.area.name}
          onChange={(name) => state.setDraft(withArea(draft, "name", name))}
        />
      )}
      {reading.period === undefined || props.manual !== undefined ? null : <PeriodFields period={reading.period} state={state} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={state.busy || !state.headerRowValid || !state.areaNameValid || !state.typedPeriod.yearValid || !state.typedPeriod.asOfValid}
          onClick={state.saveDraft}
        >
          {t.save}
        </Button>
        <Button disabled={state.busy || !saved} onClick={state.reset}>
          {t.reset}
        </Button>
      </div>
    </section>
  );
}

/** The sheet's period: what is in force (read, or corrected) with its reason, and the three corrections. */
function PeriodFields({ period, state }: { readonly period: SheetPeriod; readonly state: ReturnType<typeof useEditorState> }): JSX.Element {
  const styles = useStyles();
  const t = state.strings.columns;
  const { periodDraft: draft, typedPeriod: typed } = state;
  const inForce = (value: string, why: Reason): string => t.periodInForce(value, reasonText(why, state.strings));
  const { budgetYear, asOf, figures } = period.parts;
  return (
    <fieldset className={styles.period}>
      <legend className={styles.legend}>
        <Text weight="semibold">{t.period}</Text>
      </legend>
      <Text block size={200}>{t.periodKeep}</Text>
      <FormField
        label={t.periodYear}
        hint={inForce(String(budgetYear.value), budgetYear.why)}
        problem={
          !typed.yearValid
            ? { intent: "error", text: t.periodYearInvalid }
            : period.guess && draft.year.trim() === ""
              ? { intent: "warning", text: t.periodYearGuess }
              : null
        }
        control={{ kind: "input", inputMode: "numeric" }}
        value={draft.year}
        onChange={(year) => state.setPeriodDraft({ ...draft, year })}
      />
      <FormField
        label={t.periodAsOf}
        hint={inForce(asOf.value === null ? t.periodNotStated : formatAsOf(asOf.value), asOf.why)}
        problem={typed.asOfValid ? null : { intent: "error", text: t.periodAsOfInvalid }}
        control={{ kind: "input" }}
        value={draft.asOf}
        onChange={(text) => state.setPeriodDraft({ ...draft, asOf: text, keepNull: { ...draft.keepNull, asOf: false } })}
      />
      <FormField
        label={t.periodFigures}
        hint={inForce(figures.value === null ? t.periodNotStated : t.periodFiguresChoices[figures.value], figures.why)}
        control={{ kind: "select", options: FIGURES_CHOICES.map((choice) => ({ value: choice, label: t.periodFiguresChoices[choice] })) }}
        value={draft.figures}
        onChange={(choice) => state.setPeriodDraft({ ...draft, figures: choice as FiguresKind | "", keepNull: { ...draft.keepNull, figures: false } })}
      />
    </fieldset>
  );
}
