/**
 * The task pane without any Office dependency: give it a {@link WorkbookPort} (Excel, the preview,
 * a test fake), a language and a theme. `index.tsx` composes it for Office; the preview host and
 * the tests render it with their own port.
 *
 * This module is the first paint and nothing more: the theme, the heading, the page tabs and a
 * status line. Everything else is fetched with `import()` the moment the shell is on screen, in
 * parallel: the pages with their Fluent components (`Content.tsx`), the dictionary of the language
 * in use (`i18n/strings.ts`), the scan (`state/workbookModel.ts`) — while the port reads the
 * workbook. See docs/taskpane.md, "Keeping the first paint light".
 */
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CalendarCheckmark16Regular, Settings16Regular, Table16Regular } from "@fluentui/react-icons";
import {
  Button,
  FluentProvider,
  Text,
  tokens,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../core/ports";
import {
  I18nContext,
  NavigationContext,
  PAGES,
  PortContext,
  useNavigation,
  useWorkbook,
  WorkbookContext,
  LEGEND_ID,
  type I18n,
  type Navigation,
  type PageId,
} from "./context";
import { loadedStrings, loadStrings, SHELL_STRINGS, type Language, type ShellStrings, type Strings } from "./i18n/strings";
import { PageTabs } from "./components/PageTabs";
import { Status } from "./components/Status";
import { useStaticStyles } from "./components/staticStyles";
import { useWorkbookModel } from "./state/workbookModel";
import { HostFeaturesContext } from "./hostFeatures";
import { policyTitle } from "./state/reasonText";
import type { HostFeature } from "../host/features";

/** The pages and everything they need; one chunk, fetched right after the first paint. */
function loadContent(): Promise<typeof import("./Content")> {
  return import("./Content");
}
const Content = lazy(loadContent);

/** The three looks the task pane follows (Office's theme, or the system's high contrast). */
export type TaskpaneTheme = "light" | "dark" | "highContrast";

const THEMES: Readonly<Record<TaskpaneTheme, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** Props of {@link App}. */
export interface AppProps {
  /** The host's workbook. */
  readonly port: WorkbookPort;
  /** The starting language (default "da"). */
  readonly language?: Language;
  /**
   * Reads the user's stored language after the first paint (Office: through the host wrapper,
   * whose helpers are a chunk of their own). When it answers a language, the pane shows that one;
   * when it answers null or fails, `language`.
   */
  readonly readStoredLanguage?: () => Promise<Language | null>;
  /** The theme (default "light"). */
  readonly theme?: TaskpaneTheme;
  /** Called when the user picks another language (to store the choice per user). */
  readonly onLanguageChange?: (language: Language) => void;
  /** The starting page (default "overview"). */
  readonly initialPage?: PageId;
  /** Features this Excel lacks (above the manifest's minimum): the pane says which Excel is needed. */
  readonly missingFeatures?: readonly HostFeature[];
}

// The shell's styles: a static stylesheet with Fluent's tokens (see components/staticStyles.ts).
const SHELL_CSS = `
.budgetlys-shell {
  display: flex; flex-direction: column; min-height: 100vh; box-sizing: border-box;
  background-color: ${tokens.colorNeutralBackground1}; color: ${tokens.colorNeutralForeground1};
}
.budgetlys-shell__header {
  display: flex; flex-direction: column; gap: ${tokens.spacingVerticalXS};
  padding: ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0;
  border-bottom: ${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2};
}
.budgetlys-shell__title {
  display: flex; flex-wrap: nowrap; align-items: center; justify-content: space-between;
  column-gap: ${tokens.spacingHorizontalS};
}
.budgetlys-shell__policy { color: ${tokens.colorNeutralForeground3}; min-width: 0; }
.budgetlys-shell__hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.budgetlys-shell__main {
  display: flex; flex-direction: column; gap: ${tokens.spacingVerticalM};
  padding: ${tokens.spacingHorizontalM}; min-width: 0;
}
`;

/** The shown language and its dictionary (null until loaded), and whether loading it failed. */
interface LanguageState {
  /** The language of `strings` (and of the shell). */
  readonly language: Language;
  readonly strings: Strings | null;
  readonly failed: boolean;
}

/**
 * The language: starts with `language` (and the stored one, when `readStoredLanguage` answers),
 * loads its dictionary, and switches only once the new dictionary is there.
 */
function useLanguage(props: AppProps): LanguageState & { chosen: Language; setLanguage: (language: Language) => void } {
  const initial = props.language ?? "da";
  // The user's choice shows at once (the radio button), the words follow when their dictionary is in.
  const [chosen, setChosen] = useState<Language | null>(null);
  const [state, setState] = useState<LanguageState>(() => ({
    language: initial,
    // Known at once when no stored preference is to be asked for and the dictionary is cached.
    strings: props.readStoredLanguage === undefined ? loadedStrings(initial) : null,
    failed: false,
  }));
  // Only the latest request may set the language (a fast second click wins over a slow first one).
  const request = useRef(0);
  const mount = useRef({ initial, readStored: props.readStoredLanguage, strings: state.strings });
  const { onLanguageChange } = props;

  const show = useCallback((language: Language, mine: number) => {
    loadStrings(language).then(
      (strings) => {
        if (mine === request.current) setState({ language, strings, failed: false });
      },
      () => {
        if (mine === request.current) setState((current) => ({ ...current, failed: true }));
      },
    );
  }, []);

  useEffect(() => {
    const { initial: first, readStored, strings } = mount.current;
    if (strings !== null) return;
    const mine = ++request.current;
    if (readStored === undefined) {
      show(first, mine);
      return;
    }
    // The likely dictionary starts loading while the stored preference is read.
    loadStrings(first).catch(() => undefined);
    void readStored()
      .catch(() => null)
      .then((stored) => show(stored ?? first, mine));
  }, [show]);

  const setLanguage = useCallback(
    (language: Language) => {
      setChosen(language);
      onLanguageChange?.(language);
      show(language, ++request.current);
    },
    [onLanguageChange, show],
  );
  return { ...state, chosen: chosen ?? state.language, setLanguage };
}

/** The page and the chosen unit. */
function useNavigationState(initialPage: PageId | undefined): Navigation {
  const [page, setPage] = useState<PageId>(initialPage ?? "overview");
  const [unitKey, setUnitKey] = useState<string | null>(null);
  const [legendOpen, setLegendOpen] = useState(false);
  const guard = useRef<(() => Promise<boolean>) | null>(null);
  const goTo = useCallback((next: PageId) => {
    const ask = guard.current;
    if (ask === null) {
      setPage(next);
      return;
    }
    void ask().then((leave) => {
      if (!leave) return;
      guard.current = null;
      setPage(next);
    });
  }, []);
  const chooseUnit = useCallback(
    (key: string | null, open = false) => {
      setUnitKey(key);
      if (open) goTo("unit");
    },
    [goTo],
  );
  const toggleLegend = useCallback(() => setLegendOpen((open) => !open), []);
  const setLeaveGuard = useCallback((next: (() => Promise<boolean>) | null) => {
    guard.current = next;
  }, []);
  return useMemo<Navigation>(
    () => ({ page, goTo, unitKey, chooseUnit, legendOpen, toggleLegend, setLeaveGuard }),
    [page, goTo, unitKey, chooseUnit, legendOpen, toggleLegend, setLeaveGuard],
  );
}

const NO_FEATURES_MISSING: readonly HostFeature[] = [];

/** The whole task pane for one port. */
export function App(props: AppProps): JSX.Element {
  const { language, chosen, strings, failed, setLanguage } = useLanguage(props);
  const navigation = useNavigationState(props.initialPage);
  const i18n = useMemo<I18n | null>(
    () => (strings === null ? null : { language: chosen, strings, setLanguage }),
    [chosen, strings, setLanguage],
  );
  useEffect(() => {
    // Fetch the pages now, in parallel with the dictionary and the workbook.
    loadContent().catch(() => undefined);
  }, []);
  return (
    <FluentProvider theme={THEMES[props.theme ?? "light"]} lang={language}>
      <PortContext.Provider value={props.port}>
        <NavigationContext.Provider value={navigation}>
          <WorkbookProvider port={props.port}>
            <HostFeaturesContext.Provider value={props.missingFeatures ?? NO_FEATURES_MISSING}>
              <Shell shell={SHELL_STRINGS[language]} i18n={i18n} failed={failed} />
            </HostFeaturesContext.Provider>
          </WorkbookProvider>
        </NavigationContext.Provider>
      </PortContext.Provider>
    </FluentProvider>
  );
}

function WorkbookProvider({ port, children }: { readonly port: WorkbookPort; readonly children: ReactNode }): JSX.Element {
  const model = useWorkbookModel(port);
  return <WorkbookContext.Provider value={model}>{children}</WorkbookContext.Provider>;
}

interface ShellProps {
  readonly shell: ShellStrings;
  /** Null until the dictionary is loaded. */
  readonly i18n: I18n | null;
  readonly failed: boolean;
}

/** The first paint: heading, policy, tabs; below them the pages once they are loaded. */
function Shell({ shell, i18n, failed }: ShellProps): JSX.Element {
  useStaticStyles("shell", SHELL_CSS);
  const navigation = useNavigation();
  const workbook = useWorkbook();
  return (
    <div className="budgetlys-shell">
      <header className="budgetlys-shell__header">
        {/* Office's title bar already says "Budgetlys": the heading is for screen readers only. */}
        <h1 className="budgetlys-shell__hidden">{shell.title}</h1>
        <div className="budgetlys-shell__title">
          <Text size={200} className="budgetlys-shell__policy">
            {shell.policyInUse(i18n === null ? workbook.policy.name : policyTitle(workbook.policy, i18n.strings))}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={navigation.legendOpen}
            aria-controls={navigation.legendOpen ? LEGEND_ID : undefined}
            onClick={navigation.toggleLegend}
          >
            {shell.legend}
          </Button>
        </div>
        <PageTabs
          label={shell.nav}
          tabs={PAGES.filter((page) => page !== "unit" || navigation.unitKey !== null).map((page) => ({
            value: page,
            label: shell.tabs[page],
            ...(page === "settings"
              ? { icon: <Settings16Regular /> }
              : page === "columns"
                ? { icon: <Table16Regular /> }
                : page === "followUp"
                  ? { icon: <CalendarCheckmark16Regular /> }
                  : {}),
          }))}
          selected={navigation.page}
          onSelect={navigation.goTo}
        />
      </header>
      <main className="budgetlys-shell__main">
        {failed ? (
          <LoadFailed shell={shell} />
        ) : i18n === null ? (
          <Status label={shell.reading} />
        ) : (
          <I18nContext.Provider value={i18n}>
            <LoadBoundary fallback={<LoadFailed shell={shell} />}>
              <Suspense fallback={<Status label={shell.reading} />}>
                <Content />
              </Suspense>
            </LoadBoundary>
          </I18nContext.Provider>
        )}
      </main>
    </div>
  );
}

/** A part of the task pane could not be fetched: say so, and offer to load the pane again. */
function LoadFailed({ shell }: { readonly shell: ShellStrings }): JSX.Element {
  return (
    <div role="alert">
      <Text block as="p">{shell.loadFailed}</Text>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {shell.reload}
      </Button>
    </div>
  );
}

/** Shows `fallback` instead of a subtree that failed to load or render. */
class LoadBoundary extends Component<{ readonly fallback: ReactNode; readonly children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
