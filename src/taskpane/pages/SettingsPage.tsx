/**
 * Indstillinger: the policy (limit, maximum years, percentage base, whether overført counts,
 * requirement texts) with the Randersmodellen 2.0 defaults marked, saved in the workbook; the
 * language (saved per user by the composition root); and "Skriv indikatorkolonner i kildearket".
 */
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import {
  LIMIT_BOUNDS,
  MAX_YEARS_BOUNDS,
  PERCENTAGE_BASES,
  policyFromJson,
  RANDERSMODELLEN_2_0,
  REQUIREMENT_CODES,
  type PercentageBase,
  type Policy,
  type RequirementCode,
} from "../../core/policy";
import { usePort, useI18n, useWorkbook } from "../context";
import { LANGUAGE_NAMES, LANGUAGES, loadStrings, type Language } from "../i18n/strings";
import { Notice, type NoticeValue } from "../components/Notice";
import { useConfirm } from "../components/ConfirmProvider";
import { describeError } from "../state/errors";
import { describeIndicatorColumns } from "../actions/plans";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The policy form's text fields. */
interface PolicyDraft {
  readonly limitPct: string;
  readonly maxYears: string;
  readonly base: PercentageBase;
  readonly includeCarried: boolean;
  readonly requirementTexts: Readonly<Record<RequirementCode, string>>;
}

function draftOf(policy: Policy): PolicyDraft {
  return {
    limitPct: String(policy.limitPct).replace(".", ","),
    maxYears: String(policy.maxYears),
    base: policy.base,
    includeCarried: policy.includeCarried,
    requirementTexts: policy.requirementTexts,
  };
}

/** A number typed the Danish way ("5,5") or the English way ("5.5"); NaN otherwise. */
function parseTypedNumber(text: string): number {
  const normalised = text.trim().replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

function useSettingsState() {
  const { strings, language, setLanguage } = useI18n();
  const workbook = useWorkbook();
  const port = usePort();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(workbook.policy));
  const [busy, setBusy] = useState(false);
  const [policyNotice, setPolicyNotice] = useState<NoticeValue | null>(null);
  const [indicatorNotice, setIndicatorNotice] = useState<NoticeValue | null>(null);
  const readings = (workbook.scan?.sheets ?? []).filter((r) => r.explained !== null && r.units.length > 0);
  const [indicatorSheet, setIndicatorSheet] = useState<string>(readings[0]?.sheet ?? "");

  // Reset the form only when the stored policy's value changes: a re-read that yields an equal
  // policy (a new object) must not throw away what the user is typing (keyed on the value).
  const policyKey = JSON.stringify(workbook.policy);
  useEffect(() => setDraft(draftOf(workbook.policy)), [policyKey]);
  // The other language's dictionary is fetched only here, where it may be chosen, so switching is instant.
  useEffect(() => {
    for (const other of LANGUAGES) loadStrings(other).catch(() => undefined);
  }, []);

  const savePolicy = async (): Promise<void> => {
    let policy: Policy;
    try {
      policy = policyFromJson({
        name: workbook.policy.name,
        limitPct: parseTypedNumber(draft.limitPct),
        maxYears: parseTypedNumber(draft.maxYears),
        base: draft.base,
        includeCarried: draft.includeCarried,
        requirementTexts: draft.requirementTexts,
        followUpDates: workbook.policy.followUpDates,
      });
    } catch (error) {
      setPolicyNotice({ intent: "error", body: strings.settings.invalid(describeError(error, strings)) });
      return;
    }
    // The policy is stored in the workbook: it applies to everyone who opens it later. Ask first.
    const agreed = await confirm({
      title: strings.settings.confirmTitle,
      body: strings.settings.confirmBody(policy.name),
      confirmLabel: strings.settings.confirmSave,
      cancelLabel: strings.settings.confirmCancel,
    });
    if (!agreed) {
      setPolicyNotice({ intent: "info", body: strings.settings.notSaved });
      return;
    }
    setBusy(true);
    try {
      await workbook.savePolicy(policy);
      setPolicyNotice({ intent: "success", body: strings.settings.saved });
    } catch (error) {
      setPolicyNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  const resetPolicy = async (): Promise<void> => {
    setBusy(true);
    try {
      await workbook.savePolicy(null);
      setDraft(draftOf(RANDERSMODELLEN_2_0));
      setPolicyNotice({ intent: "success", body: strings.settings.resetDone });
    } catch (error) {
      setPolicyNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  const writeIndicators = async (): Promise<void> => {
    const reading = readings.find((r) => r.sheet === indicatorSheet) ?? readings[0];
    const grid = workbook.grids.find((g) => g.name === reading?.sheet);
    if (reading === undefined || grid === undefined) return;
    setBusy(true);
    setIndicatorNotice(null);
    try {
      await port.patchSheet(describeIndicatorColumns(reading, grid, workbook.policy));
      setIndicatorNotice({ intent: "success", body: strings.settings.indicatorsWritten(reading.sheet) });
      // The pane's own change to the source sheet: read it again, so "Tallene er ændret" is not shown for it.
      await workbook.refresh();
    } catch (error) {
      setIndicatorNotice({ intent: "error", title: strings.common.errorTitle, body: describeError(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  return {
    strings,
    language,
    setLanguage,
    workbook,
    draft,
    setDraft,
    busy,
    policyNotice,
    setPolicyNotice,
    indicatorNotice,
    setIndicatorNotice,
    readings,
    indicatorSheet: readings.some((r) => r.sheet === indicatorSheet) ? indicatorSheet : (readings[0]?.sheet ?? ""),
    setIndicatorSheet,
    savePolicy,
    resetPolicy,
    writeIndicators,
  };
}

/** The Indstillinger page. */
export default function SettingsPage(): JSX.Element {
  const state = useSettingsState();
  const styles = useStyles();
  const t = state.strings.settings;
  const { draft } = state;
  const defaults = RANDERSMODELLEN_2_0;
  const mark = (isDefault: boolean, defaultText: string): string => (isDefault ? t.isDefault : t.defaultIs(defaultText));
  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <section className={styles.group} aria-labelledby="settings-heading">
        <Text block as="h2" id="settings-heading" size={400} weight="semibold">
          {t.policy}
        </Text>
        <Text block as="p">{t.policyName(state.workbook.policy.name)}</Text>
        <Notice notice={state.policyNotice} onDismiss={() => state.setPolicyNotice(null)} />
        <Field
          label={t.limit}
          hint={`${mark(parseTypedNumber(draft.limitPct) === defaults.limitPct, `${defaults.limitPct} %`)} ${t.limitBounds(LIMIT_BOUNDS.min, LIMIT_BOUNDS.max)}`}
        >
          <Input inputMode="decimal" value={draft.limitPct} onChange={(_e, data) => state.setDraft({ ...draft, limitPct: data.value })} />
        </Field>
        <Field
          label={t.maxYears}
          hint={`${mark(parseTypedNumber(draft.maxYears) === defaults.maxYears, String(defaults.maxYears))} ${t.maxYearsBounds(MAX_YEARS_BOUNDS.min, MAX_YEARS_BOUNDS.max)}`}
        >
          <Input
            type="number"
            min={MAX_YEARS_BOUNDS.min}
            max={MAX_YEARS_BOUNDS.max}
            value={draft.maxYears}
            onChange={(_e, data) => state.setDraft({ ...draft, maxYears: data.value })}
          />
        </Field>
        <Field label={t.base} hint={mark(draft.base === defaults.base, t.bases[defaults.base])}>
          <Select value={draft.base} onChange={(_e, data) => state.setDraft({ ...draft, base: data.value as PercentageBase })}>
            {PERCENTAGE_BASES.map((base) => (
              <option key={base} value={base}>
                {t.bases[base]}
              </option>
            ))}
          </Select>
        </Field>
        <Field hint={mark(draft.includeCarried === defaults.includeCarried, defaults.includeCarried ? t.yes : t.no)}>
          <Switch
            label={t.includeCarried}
            checked={draft.includeCarried}
            onChange={(_e, data) => state.setDraft({ ...draft, includeCarried: data.checked })}
          />
        </Field>
        <Text block as="h3" size={300} weight="semibold">
          {t.requirementTexts}
        </Text>
        {REQUIREMENT_CODES.map((code) => (
          <Field
            key={code}
            label={t.requirementLabels[code]}
            hint={mark(draft.requirementTexts[code] === defaults.requirementTexts[code], defaults.requirementTexts[code])}
          >
            <Textarea
              resize="vertical"
              value={draft.requirementTexts[code]}
              onChange={(_e, data) =>
                state.setDraft({ ...draft, requirementTexts: { ...draft.requirementTexts, [code]: data.value } })
              }
            />
          </Field>
        ))}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={state.busy} onClick={() => void state.savePolicy()}>
            {t.save}
          </Button>
          <Button disabled={state.busy} onClick={() => void state.resetPolicy()}>
            {t.reset}
          </Button>
        </div>
      </section>

      <section className={styles.group} aria-labelledby="language-heading">
        <Text block as="h2" id="language-heading" size={400} weight="semibold">
          {t.language}
        </Text>
        <RadioGroup
          aria-labelledby="language-heading"
          value={state.language}
          onChange={(_e, data) => state.setLanguage(data.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <Radio key={language} value={language} label={languageName(language)} lang={language} />
          ))}
        </RadioGroup>
      </section>

      <section className={styles.group} aria-labelledby="indicator-heading">
        <Text block as="h2" id="indicator-heading" size={400} weight="semibold">
          {t.indicatorColumns}
        </Text>
        <Text block as="p">{t.indicatorIntro}</Text>
        <Notice notice={state.indicatorNotice} onDismiss={() => state.setIndicatorNotice(null)} />
        {state.readings.length === 0 ? (
          <Text block as="p">{t.noSourceSheet}</Text>
        ) : (
          <>
            <Field label={t.indicatorSheet}>
              <Select value={state.indicatorSheet} onChange={(_e, data) => state.setIndicatorSheet(data.value)}>
                {state.readings.map((reading) => (
                  <option key={reading.sheet} value={reading.sheet}>
                    {reading.sheet}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.actions}>
              <Button disabled={state.busy} onClick={() => void state.writeIndicators()}>
                {t.writeIndicators}
              </Button>
            </div>
          </>
        )}
      </section>
    </section>
  );
}

/** Each language is named in itself ("Dansk", "English"), whatever the current language. */
function languageName(language: Language): string {
  return LANGUAGE_NAMES[language];
}
