/**
 * Oversigt: every unit of every recognised sheet with its traffic light, counts per colour,
 * filters (colour, plan, sheet), search and sort; the units that could not be assessed with their
 * reason. A row opens the unit's page (the one obvious action); selecting the row in the sheet is
 * the row's secondary button. "Opdatér" re-reads the workbook. With no table recognised, one
 * sentence says what to do and links to Kolonner.
 *
 * Split at its seams: the state (below), the summary and filters (`overview/OverviewToolbar`), the
 * list (`overview/UnitList`).
 */
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Button, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Indicator } from "../../core/assessment";
import { limitBasisPoints } from "../../core/policy";
import type { UnitRecord } from "../../core/unit";
import { useNavigation, usePort, useStrings, useWorkbook, type Navigation } from "../context";
import { Notice, type NoticeValue } from "../components/Notice";
import { countByIndicator, filterUnits, notAssessed, sortUnits, type PlanFilter, type UnitSort } from "../state/units";
import { NO_PLAN_STATUS } from "../../core/planStatus";
import type { UnitPlanStatus } from "../../core/workbookPlans";
import { workbookPlansOf } from "../state/workbookPlansOf";
import { unitKeyMap } from "../../core/unitKey";
import { rowRangeOf } from "../state/sheetRanges";
import { describeError } from "../state/errors";
import { reasonText } from "../state/reasonText";
import type { Strings } from "../i18n/strings";
import type { WorkbookModel } from "../state/workbookModel";
import { OverviewToolbar, type OverviewFilter } from "./overview/OverviewToolbar";
import { UnitList } from "./overview/UnitList";

/** The id of the element after the list (the target of "Spring listen over"). */
const AFTER_LIST_ID = "overview-after-list";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  headingRow: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  after: { outlineStyle: "none" },
});

/** Everything the Oversigt shows and does. */
export interface OverviewState {
  readonly strings: Strings;
  readonly workbook: WorkbookModel;
  readonly navigation: Navigation;
  readonly filter: OverviewFilter;
  /** Every unit read. */
  readonly units: readonly UnitRecord[];
  /** Units with an assessment (the filters' total). */
  readonly assessedCount: number;
  /** The units the filters let through, in the chosen order. */
  readonly shown: readonly UnitRecord[];
  readonly counts: Readonly<Record<Indicator, number>>;
  /** Units that could not be assessed, with their reason. */
  readonly failed: readonly UnitRecord[];
  /** Sheets with units, in order. */
  readonly sheets: readonly string[];
  /** Each unit's key in the scan (`core/unitKey.ts`): navigation and the plan registry. */
  readonly keys: ReadonlyMap<UnitRecord, string>;
  /** A unit's plan status (core's `workbookPlans`), or undefined before the scan. */
  readonly planStatus: (unit: UnitRecord) => UnitPlanStatus | undefined;
  /** The result of selecting a row in the sheet (a failure), or null. */
  readonly notice: NoticeValue | null;
  readonly setNotice: (notice: NoticeValue | null) => void;
  readonly open: (unit: UnitRecord) => void;
  readonly selectInSheet: (unit: UnitRecord) => void;
}

function useOverviewState(): OverviewState {
  const workbook = useWorkbook();
  const navigation = useNavigation();
  const port = usePort();
  const strings = useStrings();
  const [indicator, setIndicator] = useState<Indicator | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [plan, setPlan] = useState<PlanFilter | null>(null);
  const [sort, setSort] = useState<UnitSort>("source");
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  // Typing stays immediate; the list follows as soon as React has time (300 units: one keystroke).
  const deferredSearch = useDeferredValue(search);

  const units = useMemo(() => workbook.scan?.units ?? [], [workbook.scan]);
  const keys = useMemo(() => unitKeyMap(units), [units]);
  // Every unit's plan status in the plan issue's words: core's one reading of the plan record, the
  // registry and the workbook's follow-up and plan sheets (`workbookPlans`).
  const { grids, plans, scan } = workbook;
  const planStatuses = useMemo(() => workbookPlansOf({ grids, scan, plans })?.byUnit ?? {}, [grids, scan, plans]);
  const planStatus = useCallback((unit: UnitRecord) => planStatuses[keys.get(unit) ?? ""], [planStatuses, keys]);
  const missingPlan = useCallback((unit: UnitRecord) => planStatus(unit)?.word === NO_PLAN_STATUS.missing, [planStatus]);
  const assessedCount = useMemo(() => units.filter((u) => u.assessment !== null).length, [units]);
  const shown = useMemo(
    () => sortUnits(filterUnits(units, { indicator, sheet, search: deferredSearch, plan, missingPlan }), sort),
    [units, indicator, sheet, deferredSearch, plan, missingPlan, sort],
  );
  const counts = useMemo(() => countByIndicator(units), [units]);
  const failed = useMemo(() => notAssessed(units), [units]);
  const sheets = useMemo(() => Array.from(new Set(units.map((u) => u.sheet))), [units]);

  // Stable callbacks: the list's rows are memoised (a keystroke re-renders only rows that change).
  const { chooseUnit } = navigation;
  const open = useCallback((unit: UnitRecord): void => chooseUnit(keys.get(unit) ?? null, true), [chooseUnit, keys]);
  const selectFailed = strings.overview.selectFailed;
  const selectInSheet = useCallback(
    (unit: UnitRecord): void => {
      chooseUnit(keys.get(unit) ?? null);
      port.select(unit.sheet, rowRangeOf(grids, unit.sheet, unit.row)).then(
        () => setNotice(null),
        () => setNotice({ intent: "warning", body: selectFailed }),
      );
    },
    [chooseUnit, keys, port, grids, selectFailed],
  );

  return {
    strings,
    workbook,
    navigation,
    filter: { indicator, setIndicator, sheet, setSheet, search, setSearch, plan, setPlan, sort, setSort },
    units,
    assessedCount,
    shown,
    counts,
    failed,
    sheets,
    keys,
    planStatus,
    notice,
    setNotice,
    open,
    selectInSheet,
  };
}

/** The Oversigt page. */
export function OverviewPage(): JSX.Element {
  const state = useOverviewState();
  const styles = useStyles();
  const { strings, workbook } = state;
  const t = strings.overview;
  return (
    <section className={styles.section} aria-labelledby="overview-heading">
      <div className={styles.headingRow}>
        <Text block as="h2" id="overview-heading" size={400} weight="semibold">
          {t.heading}
        </Text>
        <Button size="small" onClick={() => void workbook.refresh()} disabled={workbook.refreshing}>
          {workbook.refreshing ? t.refreshing : t.refresh}
        </Button>
      </div>
      <Notice notice={state.notice} onDismiss={() => state.setNotice(null)} />
      {workbook.error !== null && workbook.status === "ready" ? (
        <Notice notice={{ intent: "error", title: strings.common.readFailed, body: describeError(workbook.error, strings) }} />
      ) : null}

      {state.units.length === 0 ? (
        <EmptyOverview strings={t} onColumns={() => state.navigation.goTo("columns")} />
      ) : (
        <>
          <OverviewToolbar
            filter={state.filter}
            counts={state.counts}
            shown={state.shown.length}
            total={state.assessedCount}
            sheets={state.sheets}
            strings={t}
          />
          {state.shown.length === 0 ? (
            <Text block as="p">
              {t.noMatch}
            </Text>
          ) : (
            <UnitList
              units={state.shown}
              chosenKey={state.navigation.unitKey}
              keys={state.keys}
              showSheet={state.sheets.length > 1}
              planStatus={state.planStatus}
              includeCarried={workbook.policy.includeCarried}
              strings={t}
              onOpen={state.open}
              onSelectInSheet={state.selectInSheet}
              afterId={AFTER_LIST_ID}
              limitBp={limitBasisPoints(workbook.policy)}
            />
          )}
        </>
      )}

      <div id={AFTER_LIST_ID} tabIndex={-1} className={styles.after}>
        {state.failed.length === 0 ? null : (
          <section aria-labelledby="not-assessed-heading">
            <Text block as="h3" id="not-assessed-heading" size={300} weight="semibold">
              {t.notAssessedHeading}
            </Text>
            <ul className={styles.list}>
              {state.failed.map((unit) => (
                <li key={state.keys.get(unit)}>
                  {t.notAssessedRow(unit.name, unit.sheet, unit.row, unit.errorWhy === null ? "" : reasonText(unit.errorWhy, strings))}{" "}
                  {/* Its own page says why too, and points to the cell. */}
                  <Link as="button" aria-label={t.openUnit(unit.name)} onClick={() => state.open(unit)}>
                    {t.openPage}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}

/** No table recognised: what to do, in one sentence, with the link that does it. */
function EmptyOverview({ strings: t, onColumns }: { readonly strings: Strings["overview"]; readonly onColumns: () => void }): JSX.Element {
  return (
    <Text block as="p" role="status">
      {t.noTable}{" "}
      <Link as="button" onClick={onColumns}>
        {t.noTableLink}
      </Link>
    </Text>
  );
}
