/**
 * The task pane without any Office dependency: give it a {@link WorkbookPort} (Excel, the preview,
 * a test fake), a language and a theme. `index.tsx` composes it for Office; the preview host and
 * the tests render it with their own port. Secondary pages load lazily to keep the first paint light.
 */
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
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
  useStrings,
  useWorkbook,
  WorkbookContext,
  type I18n,
  type Navigation,
  type PageId,
} from "./context";
import { STRINGS, type Language } from "./i18n/strings";
import { ConfirmProvider } from "./components/ConfirmProvider";
import { Notice } from "./components/Notice";
import { OverviewPage } from "./pages/OverviewPage";
import { describeError } from "./state/errors";
import { useWorkbookModel } from "./state/workbookModel";

const UnitPage = lazy(() => import("./pages/UnitPage"));
const AllPlansPage = lazy(() => import("./pages/AllPlansPage"));
const ColumnsPage = lazy(() => import("./pages/ColumnsPage"));
const SettingsPage = lazy(() => import("./pages/SettingsPage"));

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
  /** The theme (default "light"). */
  readonly theme?: TaskpaneTheme;
  /** Called when the user picks another language (to store the choice per user). */
  readonly onLanguageChange?: (language: Language) => void;
  /** The starting page (default "overview"). */
  readonly initialPage?: PageId;
}

const useShellStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: "wrap" },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

/** The state of the shell: language, page and unit. */
function useShellState(props: AppProps): { i18n: I18n; navigation: Navigation } {
  const { onLanguageChange } = props;
  const [language, setLanguageState] = useState<Language>(props.language ?? "da");
  const [page, setPage] = useState<PageId>(props.initialPage ?? "overview");
  const [unitKey, setUnitKey] = useState<string | null>(null);

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      onLanguageChange?.(next);
    },
    [onLanguageChange],
  );
  const chooseUnit = useCallback((key: string | null, open = false) => {
    setUnitKey(key);
    if (open) setPage("unit");
  }, []);

  const i18n = useMemo<I18n>(() => ({ language, strings: STRINGS[language], setLanguage }), [language, setLanguage]);
  const navigation = useMemo<Navigation>(() => ({ page, goTo: setPage, unitKey, chooseUnit }), [page, unitKey, chooseUnit]);
  return { i18n, navigation };
}

/** The whole task pane for one port. */
export function App(props: AppProps): JSX.Element {
  const { i18n, navigation } = useShellState(props);
  const theme = THEMES[props.theme ?? "light"];
  return (
    <FluentProvider theme={theme} lang={i18n.language}>
      <PortContext.Provider value={props.port}>
        <I18nContext.Provider value={i18n}>
          <NavigationContext.Provider value={navigation}>
            <ConfirmProvider>
              <WorkbookProvider port={props.port}>
                <Shell />
              </WorkbookProvider>
            </ConfirmProvider>
          </NavigationContext.Provider>
        </I18nContext.Provider>
      </PortContext.Provider>
    </FluentProvider>
  );
}

/** The task pane under the name the composition roots use. */
export const TaskpaneRoot = App;

function WorkbookProvider({ port, children }: { readonly port: WorkbookPort; readonly children: ReactNode }): JSX.Element {
  const model = useWorkbookModel(port);
  return <WorkbookContext.Provider value={model}>{children}</WorkbookContext.Provider>;
}

function Shell(): JSX.Element {
  const styles = useShellStyles();
  const strings = useStrings();
  const navigation = useNavigation();
  const workbook = useWorkbook();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Text as="h1" size={500} weight="semibold">
            {strings.app.title}
          </Text>
          <Text size={200}>{strings.app.policyInUse(workbook.policy.name)}</Text>
        </div>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={strings.app.nav}
          selectedValue={navigation.page}
          onTabSelect={(_event, data) => navigation.goTo(data.value as PageId)}
        >
          {PAGES.map((page) => (
            <Tab key={page} value={page}>
              {strings.app.tabs[page]}
            </Tab>
          ))}
        </TabList>
      </header>
      <main className={styles.main}>
        {workbook.warnings.map((warning) => (
          <Notice
            key={warning}
            notice={{
              intent: "warning",
              body: warning === "policyInvalid" ? strings.common.savedPolicyInvalid : strings.common.savedMappingInvalid,
            }}
          />
        ))}
        <PageContent page={navigation.page} />
      </main>
    </div>
  );
}

function PageContent({ page }: { readonly page: PageId }): JSX.Element {
  const strings = useStrings();
  const workbook = useWorkbook();
  if (workbook.status === "loading") return <Spinner label={strings.app.reading} />;
  if (workbook.status === "failed") {
    return (
      <>
        <Notice
          notice={{ intent: "error", title: strings.common.readFailed, body: describeError(workbook.error, strings) }}
        />
        <Button appearance="primary" onClick={() => void workbook.refresh()} disabled={workbook.refreshing}>
          {strings.overview.refresh}
        </Button>
      </>
    );
  }
  return (
    <Suspense fallback={<Spinner size="small" label={strings.app.pageLoading} />}>
      {page === "overview" ? <OverviewPage /> : null}
      {page === "unit" ? <UnitPage /> : null}
      {page === "allPlans" ? <AllPlansPage /> : null}
      {page === "columns" ? <ColumnsPage /> : null}
      {page === "settings" ? <SettingsPage /> : null}
    </Suspense>
  );
}
