/**
 * The task pane's React contexts: the host's {@link WorkbookPort}, the language, the workbook
 * model (scan, policy, saved corrections) and navigation. Components read them through the hooks
 * below; only `App` provides them.
 */
import { createContext, useContext } from "react";
import type { WorkbookPort } from "../core/ports";
import type { Language, Strings } from "./i18n/strings";
import type { WorkbookModel } from "./state/workbookModel";

function missing(name: string): never {
  throw new Error(`${name} bruges uden for App.`);
}

/** The port to the open workbook (Excel, the preview, a test fake). */
export const PortContext = createContext<WorkbookPort | null>(null);

/** The workbook port. */
export function usePort(): WorkbookPort {
  return useContext(PortContext) ?? missing("usePort");
}

/** The language and its dictionary. */
export interface I18n {
  /** The language the user chose (its dictionary may still be loading; `strings` then follow). */
  readonly language: Language;
  readonly strings: Strings;
  readonly setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n | null>(null);

/** The current dictionary. */
export function useStrings(): Strings {
  return (useContext(I18nContext) ?? missing("useStrings")).strings;
}

/** The language, its dictionary and how to change it. */
export function useI18n(): I18n {
  return useContext(I18nContext) ?? missing("useI18n");
}

export const WorkbookContext = createContext<WorkbookModel | null>(null);

/** The scan, the policy and the actions that change them. */
export function useWorkbook(): WorkbookModel {
  return useContext(WorkbookContext) ?? missing("useWorkbook");
}

/** The task pane's pages. */
export type PageId = "overview" | "unit" | "allPlans" | "followUp" | "columns" | "settings";

/** All pages in tab order. */
export const PAGES: readonly PageId[] = ["overview", "unit", "allPlans", "followUp", "columns", "settings"];

/** The id of the legend panel the shell's "Reglen" button opens (rendered by `Content`). */
export const LEGEND_ID = "budgetlys-legend";

/** Which page is shown and which unit is chosen. */
export interface Navigation {
  readonly page: PageId;
  readonly goTo: (page: PageId) => void;
  /** The chosen unit's key in the scan (`unitKeys`, `core/unitKey.ts`), or null. */
  readonly unitKey: string | null;
  readonly chooseUnit: (key: string | null, open?: boolean) => void;
  /** Whether the legend of the traffic lights ("Reglen") is open above the page. */
  readonly legendOpen: boolean;
  readonly toggleLegend: () => void;
  /**
   * A page with unsaved work asks before it is left: `guard` answers true to leave. Null removes it.
   * `goTo` and `chooseUnit(…, true)` ask it first.
   */
  readonly setLeaveGuard: (guard: (() => Promise<boolean>) | null) => void;
}

export const NavigationContext = createContext<Navigation | null>(null);

/** The current page and unit. */
export function useNavigation(): Navigation {
  return useContext(NavigationContext) ?? missing("useNavigation");
}
