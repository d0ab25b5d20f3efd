/**
 * Kolonner: how each sheet was read (heading row, the column of each role, amount unit, sign
 * convention, udvalg/område) with the reason for every choice. Each choice can be corrected from a list; the
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
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  // A new scan (after saving or resetting) shows what is now in force.
  const current = JSON.stringify(explained.mapping);
  useEffect(() => {
    const mapping = JSON.parse(current) as SheetMapping;
    setDraft(mapping);
    setHeaderRowText(String(mapping.headerRow));
  }, [current]);
  const headerRowValid = /^\s*\d+\s*$/.test(headerRowText) && Number(headerRowText) >= 1;
  const areaNameValid = draft.area?.kind !== "name" || draft.area.name.trim() !== "";
  const isDirty =
    props.manual !== undefined
      ? Object.keys(draft.columns).length > 0
      : JSON.stringify({ ...draft, headerRow: Number(headerRowText) }) !== current;
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
    setColumn,
    letters,
    headings,
    busy,
    notice,
    setNotice,
    saveDraft: () =>
      void save({
        ...(draft.area?.kind === "name" ? withArea(draft, "name", draft.area.name.replace(/\s+/g, " ").trim()) : draft),
        sheet: reading.sheet,
        headerRow: Number(headerRowText),
      }),
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
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.busy || !state.headerRowValid || !state.areaNameValid} onClick={state.saveDraft}>
          {t.save}
        </Button>
        <Button disabled={state.busy || !saved} onClick={state.reset}>
          {t.reset}
        </Button>
      </div>
    </section>
  );
}
