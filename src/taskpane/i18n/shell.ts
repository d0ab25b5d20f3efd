/**
 * The few words the task pane's first paint shows (title, tabs, the loading status), in every
 * language. They are bundled with the shell; the full dictionaries (da.ts, en.ts) load lazily.
 */

/** The words of the shell in one language. */
export interface ShellStrings {
  readonly title: string;
  /** The tab list's label. */
  readonly nav: string;
  readonly tabs: {
    readonly overview: string;
    readonly unit: string;
    readonly allPlans: string;
    readonly followUp: string;
    readonly columns: string;
    readonly settings: string;
  };
  readonly reading: string;
  readonly pageLoading: string;
  /** A part of the task pane could not be fetched or shown; nothing in the workbook changed. */
  readonly loadFailed: string;
  readonly reload: string;
  readonly policyInUse: (name: string) => string;
  /** The button that opens the legend of the traffic lights. */
  readonly legend: string;
}

/** The shell's words by language. */
export const SHELL_STRINGS: Readonly<Record<"da" | "en", ShellStrings>> = {
  da: {
    title: "Budgetlys",
    nav: "Sider",
    tabs: {
      overview: "Oversigt",
      unit: "Enhed",
      allPlans: "Planer",
      followUp: "Opfølgning",
      columns: "Kolonner",
      settings: "Indstillinger",
    },
    reading: "Læser projektmappen …",
    pageLoading: "Indlæser siden …",
    loadFailed: "Budgetlys kunne ikke indlæses eller vises. Intet af dit arbejde er gået tabt; projektmappen er som før.",
    reload: "Indlæs igen",
    policyInUse: (name: string) => `Politik: ${name}`,
    legend: "Reglen",
  },
  en: {
    title: "Budgetlys",
    nav: "Pages",
    tabs: { overview: "Overview", unit: "Unit", allPlans: "Plans", followUp: "Follow-up", columns: "Columns", settings: "Settings" },
    reading: "Reading the workbook …",
    pageLoading: "Loading the page …",
    loadFailed: "Budgetlys could not be loaded or shown. None of your work was lost; the workbook is as it was.",
    reload: "Load again",
    policyInUse: (name: string) => `Policy: ${name}`,
    legend: "The rule",
  },
};

/** Each language's name in its own language (the settings' language choice). */
export const LANGUAGE_NAMES = { da: "Dansk", en: "English" } as const;
