/**
 * The Indstillinger page's types, explicit (Fluent's `X.types.ts` habit): the state its hook
 * returns, the policy form's draft, and the props of each section.
 */
import type { PercentageBase, Policy, RequirementCode } from "../../../core/policy";
import type { SheetReading } from "../../../core/unit";
import type { NoticeValue } from "../../components/Notice";
import type { Language, Strings } from "../../i18n/strings";

/** The policy form as typed: numbers stay text until saved (a half-typed "4," is no number yet). */
export interface PolicyDraft {
  /** The limit in percent as typed, Danish ("4,5") or English ("4.5"). @default the policy's, e.g. "5" */
  readonly limitPct: string;
  /** @default the policy's, e.g. "3" */
  readonly maxYears: string;
  /** @default the policy's ("korrigeret-inkl-bevillingsans" in Randersmodellen 2.0) */
  readonly base: PercentageBase;
  /** @default the policy's (true in Randersmodellen 2.0) */
  readonly includeCarried: boolean;
  /** @default the policy's texts (the rule book's words) */
  readonly requirementTexts: Readonly<Record<RequirementCode, string>>;
}

/** Everything the Indstillinger page shows and does (`useSettingsState`). */
export interface SettingsState {
  readonly strings: Strings;
  /** The pane's language. @default "da" */
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** The policy in force (the workbook's, or Randersmodellen 2.0). */
  readonly policy: Policy;
  readonly draft: PolicyDraft;
  readonly setDraft: (draft: PolicyDraft) => void;
  /** True while a save, reset or write runs (the buttons are disabled). @default false */
  readonly busy: boolean;
  /** The policy section's last message. @default null */
  readonly policyNotice: NoticeValue | null;
  readonly dismissPolicyNotice: () => void;
  /** The indicator section's last message. @default null */
  readonly indicatorNotice: NoticeValue | null;
  readonly dismissIndicatorNotice: () => void;
  /** Sheets with a recognised table of units (where indicator columns can be written). */
  readonly readings: readonly SheetReading[];
  /** The chosen source sheet for indicator columns. @default the first of `readings`, or "" */
  readonly indicatorSheet: string;
  readonly setIndicatorSheet: (sheet: string) => void;
  /** Validates the draft, asks for confirmation (stored for every later user), saves. */
  readonly savePolicy: () => Promise<void>;
  /** Removes the stored policy: Randersmodellen 2.0 again. */
  readonly resetPolicy: () => Promise<void>;
  /** Writes indicator columns into the chosen source sheet (empty cells only). */
  readonly writeIndicators: () => Promise<void>;
}

/** Props of the policy section. */
export interface PolicySectionProps {
  readonly state: SettingsState;
}

/** Props of the language section. */
export interface LanguageSectionProps {
  readonly strings: Strings["settings"];
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

/** Props of the indicator-columns section. */
export interface IndicatorSectionProps {
  readonly state: SettingsState;
}
