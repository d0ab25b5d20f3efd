/**
 * Indstillinger: the policy (limit, maximum years, percentage base, whether overført counts,
 * requirement texts) with the Randersmodellen 2.0 defaults marked, saved in the workbook after a
 * confirmation; the language (saved per user by the composition root); and "Skriv
 * indikatorkolonner i kildearket".
 *
 * Split as Fluent splits a component: the types (`settings/SettingsPage.types.ts`), the state hook
 * (`settings/useSettingsState.ts`), the messages (`settings/settingsMessages.ts`) and the render
 * pieces (`settings/SettingsSections.tsx`); this file only composes them.
 */
import { useSettingsState } from "./settings/useSettingsState";
import { IndicatorSection, LanguageSection, PolicySection, useSectionStyles } from "./settings/SettingsSections";

/** The Indstillinger page. */
export default function SettingsPage(): JSX.Element {
  const state = useSettingsState();
  const styles = useSectionStyles();
  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <PolicySection state={state} />
      <LanguageSection strings={state.strings.settings} language={state.language} onChange={state.setLanguage} />
      <IndicatorSection state={state} />
    </section>
  );
}
