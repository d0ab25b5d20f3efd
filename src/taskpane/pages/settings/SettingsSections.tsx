/**
 * The Indstillinger page's three sections, each a small render piece over the page's state:
 * the policy form, the language, and indicator columns.
 */
import { Button, Field, makeStyles, Radio, RadioGroup, Switch, Text, tokens } from "@fluentui/react-components";
import {
  formatLimitPct,
  LIMIT_BOUNDS,
  MAX_YEARS_BOUNDS,
  PERCENTAGE_BASES,
  RANDERSMODELLEN_2_0,
  REQUIREMENT_CODES,
  type PercentageBase,
} from "../../../core/policy";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../../i18n/strings";
import { policyTitle } from "../../state/reasonText";
import { Notice } from "../../components/Notice";
import { FormField } from "../../components/FormField";
import type { IndicatorSectionProps, LanguageSectionProps, PolicySectionProps } from "./SettingsPage.types";
import { parseTypedNumber } from "./useSettingsState";

export const useSectionStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  // The flex gap spaces the parts: the browser's margins of a heading and a paragraph would add an empty band.
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "& > h2": { margin: 0 }, "& > p": { margin: 0 } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Politik: each field says whether it is Randersmodellen 2.0's default, or what the default is. */
export function PolicySection({ state }: PolicySectionProps): JSX.Element {
  const styles = useSectionStyles();
  const t = state.strings.settings;
  const { draft, setDraft } = state;
  const defaults = RANDERSMODELLEN_2_0;
  const mark = (isDefault: boolean, defaultText: string): string => (isDefault ? t.isDefault : t.defaultIs(defaultText));
  return (
    <section className={styles.group} aria-labelledby="settings-heading">
      <Text block as="h2" id="settings-heading" size={400} weight="semibold">
        {t.policy}
      </Text>
      <Text block as="p">{t.policyName(policyTitle(state.policy, state.strings))}</Text>
      <Notice notice={state.policyNotice} onDismiss={state.dismissPolicyNotice} />
      <FormField
        label={t.limit}
        hint={`${mark(parseTypedNumber(draft.limitPct) === defaults.limitPct, formatLimitPct(defaults.limitPct))}. ${t.limitBounds(LIMIT_BOUNDS.min, LIMIT_BOUNDS.max)}`}
        control={{ kind: "input", inputMode: "decimal" }}
        value={draft.limitPct}
        onChange={(limitPct) => setDraft({ ...draft, limitPct })}
      />
      <FormField
        label={t.maxYears}
        hint={`${mark(parseTypedNumber(draft.maxYears) === defaults.maxYears, String(defaults.maxYears))}. ${t.maxYearsBounds(MAX_YEARS_BOUNDS.min, MAX_YEARS_BOUNDS.max)}`}
        control={{ kind: "input", type: "number", min: MAX_YEARS_BOUNDS.min, max: MAX_YEARS_BOUNDS.max }}
        value={draft.maxYears}
        onChange={(maxYears) => setDraft({ ...draft, maxYears })}
      />
      <FormField
        label={t.base}
        hint={mark(draft.base === defaults.base, t.bases[defaults.base])}
        control={{ kind: "radio", options: PERCENTAGE_BASES.map((base) => ({ value: base, label: t.bases[base] })) }}
        value={draft.base}
        onChange={(base) => setDraft({ ...draft, base: base as PercentageBase })}
      />
      <Field hint={mark(draft.includeCarried === defaults.includeCarried, defaults.includeCarried ? t.yes : t.no)}>
        <Switch
          label={t.includeCarried}
          checked={draft.includeCarried}
          onChange={(_e, data) => setDraft({ ...draft, includeCarried: data.checked })}
        />
      </Field>
      <Text block as="h3" size={300} weight="semibold">
        {t.requirementTexts}
      </Text>
      {REQUIREMENT_CODES.map((code) => (
        <FormField
          key={code}
          label={t.requirementLabels[code]}
          hint={mark(draft.requirementTexts[code] === defaults.requirementTexts[code], defaults.requirementTexts[code])}
          control={{ kind: "textarea", rows: 3 }}
          value={draft.requirementTexts[code]}
          onChange={(text) => setDraft({ ...draft, requirementTexts: { ...draft.requirementTexts, [code]: text } })}
        />
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
  );
}

/** Sprog: each language named in itself ("Dansk", "English"), whatever the current language. */
export function LanguageSection({ strings: t, language, onChange }: LanguageSectionProps): JSX.Element {
  const styles = useSectionStyles();
  return (
    <section className={styles.group} aria-labelledby="language-heading">
      <Text block as="h2" id="language-heading" size={400} weight="semibold">
        {t.language}
      </Text>
      <RadioGroup aria-labelledby="language-heading" value={language} onChange={(_e, data) => onChange(data.value as Language)}>
        {LANGUAGES.map((each) => (
          <Radio key={each} value={each} label={LANGUAGE_NAMES[each]} lang={each} />
        ))}
      </RadioGroup>
    </section>
  );
}

/** Indikatorkolonner: live formulas into the first empty columns right of a source table. */
export function IndicatorSection({ state }: IndicatorSectionProps): JSX.Element {
  const styles = useSectionStyles();
  const t = state.strings.settings;
  return (
    <section className={styles.group} aria-labelledby="indicator-heading">
      <Text block as="h2" id="indicator-heading" size={400} weight="semibold">
        {t.indicatorColumns}
      </Text>
      <Text block as="p">{t.indicatorIntro}</Text>
      <Notice notice={state.indicatorNotice} onDismiss={state.dismissIndicatorNotice} />
      {state.readings.length === 0 ? (
        <Text block as="p">{t.noSourceSheet}</Text>
      ) : (
        <>
          <FormField
            label={t.indicatorSheet}
            control={{ kind: "select", options: state.readings.map((r) => ({ value: r.sheet, label: r.sheet })) }}
            value={state.indicatorSheet}
            onChange={state.setIndicatorSheet}
          />
          <div className={styles.actions}>
            <Button disabled={state.busy} onClick={() => void state.writeIndicators()}>
              {t.writeIndicators}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
