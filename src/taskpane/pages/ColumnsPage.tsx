/**
 * Kolonner: how each sheet was read (heading row, the column of each role, amount unit, sign
 * convention) with the reason for every choice. Each choice can be corrected from a list; the
 * corrected mapping is saved in the workbook (`SETTING_KEYS.mappings`), used as overrides on every
 * scan, and can be reset to what detection found.
 */
import { useEffect, useState } from "react";
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import {
  COLUMN_ROLES,
  type AmountUnit,
  type ColumnRole,
  type ExplainedMapping,
  type SheetMapping, type SheetReading, type SignConvention } from "../../core/unit";
import { useStrings, useWorkbook } from "../context";
import { Notice, type NoticeValue } from "../components/Notice";
import { describeError } from "../state/errors";

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
const SIGNS: readonly SignConvention[] = ["plus-is-deficit", "plus-is-surplus"];

/** The Kolonner page. */
export default function ColumnsPage(): JSX.Element {
  const strings = useStrings();
  const workbook = useWorkbook();
  const styles = useStyles();
  const readings = workbook.scan?.sheets ?? [];
  return (
    <section className={styles.page} aria-labelledby="columns-heading">
      <Text block as="h2" id="columns-heading" size={400} weight="semibold">
        {strings.columns.heading}
      </Text>
      <Text block as="p">{strings.columns.intro}</Text>
      {readings.map((reading) =>
        reading.explained === null ? (
          <Text block as="p" key={reading.sheet}>
            {strings.columns.noTable(reading.sheet, reading.skipped[0]?.reason ?? "")}
          </Text>
        ) : (
          <SheetMappingEditor
            key={reading.sheet}
            reading={reading}
            explained={reading.explained}
            saved={workbook.overrides[reading.sheet] !== undefined}
          />
        ),
      )}
    </section>
  );
}

function useEditorState(reading: SheetReading, explained: ExplainedMapping) {
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

  const letters = Array.from(
    new Set([...Object.keys(explained.headings), ...Object.values(draft.columns).filter((l): l is string => l !== undefined)]),
  ).sort((a, b) => a.length - b.length || a.localeCompare(b));

  return {
    strings,
    explained,
    draft,
    setDraft,
    headerRowText,
    setHeaderRowText,
    headerRowValid,
    setColumn,
    letters,
    busy,
    notice,
    setNotice,
    saveDraft: () => void save({ ...draft, sheet: reading.sheet, headerRow: Number(headerRowText) }),
    reset: () => void save(null),
  };
}

interface EditorProps {
  readonly reading: SheetReading;
  readonly explained: ExplainedMapping;
  /** Whether a correction of this sheet is saved (so it can be reset). */
  readonly saved: boolean;
}

function SheetMappingEditor({ reading, explained: detected, saved }: EditorProps): JSX.Element {
  const state = useEditorState(reading, detected);
  const styles = useStyles();
  const t = state.strings.columns;
  const { explained, draft } = state;
  const headingId = `mapping-${reading.sheet.replace(/[^A-Za-z0-9]/g, "_")}`;
  const why = (decision: { reason: string; source: "detected" | "user" } | undefined): string | null =>
    decision === undefined ? null : decision.source === "user" ? t.byUser : t.reason(decision.reason);
  return (
    <section className={styles.sheet} aria-labelledby={headingId}>
      <Text block as="h3" id={headingId} size={300} weight="semibold">
        {t.sheet(reading.sheet)}
      </Text>
      <Notice notice={state.notice} onDismiss={() => state.setNotice(null)} />
      <Field
        label={t.headerRow}
        hint={why(explained.headerRow)}
        validationState={state.headerRowValid ? "none" : "error"}
        validationMessage={state.headerRowValid ? null : t.headerRowInvalid}
      >
        <Input type="number" min={1} value={state.headerRowText} onChange={(_e, data) => state.setHeaderRowText(data.value)} />
      </Field>
      {COLUMN_ROLES.map((role) => (
        <Field key={role} label={t.role[role]} hint={why(explained.columns[role])}>
          <Select value={draft.columns[role] ?? ""} onChange={(_e, data) => state.setColumn(role, data.value)}>
            <option value="">{t.noColumn}</option>
            {state.letters.map((letter) => (
              <option key={letter} value={letter}>
                {t.columnOption(letter, explained.headings[letter] ?? "")}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label={t.unit} hint={why(explained.unit)}>
        <Select value={draft.unit} onChange={(_e, data) => state.setDraft({ ...draft, unit: data.value as AmountUnit })}>
          {AMOUNT_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t.units[unit]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.sign} hint={why(explained.signConvention)}>
        <Select
          value={draft.signConvention}
          onChange={(_e, data) => state.setDraft({ ...draft, signConvention: data.value as SignConvention })}
        >
          {SIGNS.map((sign) => (
            <option key={sign} value={sign}>
              {t.signs[sign]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.busy || !state.headerRowValid} onClick={state.saveDraft}>
          {t.save}
        </Button>
        <Button disabled={state.busy || !saved} onClick={state.reset}>
          {t.reset}
        </Button>
      </div>
    </section>
  );
}
